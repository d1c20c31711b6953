#include "js_values.hpp"

#include <utility>

using emscripten::val;

namespace kyc::wasm {
namespace {

// The JS globals used per field, looked up once rather than on every call (a measurable share of
// the boundary cost under load).
const val& arrayGlobal() {
  static const val array = val::global("Array");
  return array;
}
const val& objectGlobal() {
  static const val object = val::global("Object");
  return object;
}

const val& lengthKey() {
  static const val key("length");
  return key;
}

// embind's std::string conversion joins a lone surrogate with whatever follows it, changing the text
// silently ('ab\uD800cd' arrived as "ab\u{10063}d"), so the rules must hear of one before it. In a /u
// regular expression a surrogate pair is one code point, so \p{Cs} (surrogates) matches only a lone one.
bool hasLoneSurrogate(const val& string) {
  static const val pattern = val::global("RegExp")(val("\\p{Cs}"), val("u"));  // RegExp() is `new RegExp()`
  return pattern.call<bool>("test", string);
}

std::string typeName(const val& value) {
  std::string type = value.typeOf().as<std::string>();
  if (type != "object") return type;
  if (value.isNull()) return "null";
  return arrayGlobal().call<bool>("isArray", value) ? "array" : type;
}

InputValue toInputValue(const val& value) {
  InputValue input;
  input.typeName = typeName(value);
  if (input.typeName == "undefined") {
    input.kind = ValueKind::Undefined;
  } else if (input.typeName == "null") {
    input.kind = ValueKind::Null;
  } else if (input.typeName == "boolean") {
    input.kind = ValueKind::Boolean;
    input.boolean = value.as<bool>();
  } else if (input.typeName == "number") {
    input.kind = ValueKind::Number;
    input.number = value.as<double>();
  } else if (input.typeName == "string") {
    input.kind = ValueKind::String;
    const auto length = value[lengthKey()].as<size_t>();
    if (length > kMaxCopiedTextLength) {
      input.uncopiedLength = length;
    } else if (hasLoneSurrogate(value)) {
      input.loneSurrogate = true;
    } else {
      input.text = value.as<std::string>();
    }
  } else {
    input.kind = ValueKind::Object;
  }
  return input;
}

bool isPlainObject(const val& value) {
  if (value.typeOf().as<std::string>() != "object" || value.isNull()) return false;
  val prototype = objectGlobal().call<val>("getPrototypeOf", value);
  return prototype.isNull() || prototype.strictlyEquals(objectGlobal()["prototype"]);
}

}  // namespace

std::optional<std::string> copyJsString(const val& string) {
  // The length first: a string longer than anything the core accepts is refused before a byte of it
  // is copied into wasm memory (a 10 MB field cost 1.4 s per call, and grew the heap for good).
  if (string[lengthKey()].as<size_t>() > kMaxCopiedTextLength) return std::nullopt;
  return string.as<std::string>();
}

InputObject toInputObject(const val& value) {
  InputObject input;
  input.typeName = typeName(value);
  input.isPlainObject = isPlainObject(value);
  if (!input.isPlainObject) return input;
  val keys = objectGlobal().call<val>("keys", value);
  unsigned count = keys["length"].as<unsigned>();
  for (unsigned i = 0; i < count; ++i) {
    const val key = keys[i];
    // A key that long is never a known one: its start is all the unknown-key message quotes.
    std::optional<std::string> name = copyJsString(key);
    if (!name) name = copyJsString(key.call<val>("slice", 0, kMaxCopiedTextLength));
    input.fields.emplace_back(std::move(*name), toInputValue(value[key]));
  }
  return input;
}

val toJs(const std::vector<Issue>& issues) {
  val list = val::array();
  for (const Issue& issue : issues) {
    val entry = val::object();
    entry.set("field", issue.field);
    entry.set("message", issue.message);
    list.call<void>("push", entry);
  }
  return list;
}

val toJs(const Failure& failure) {
  val error = val::object();
  error.set("code", std::string(errorCodeName(failure.code)));
  error.set("message", failure.message);
  error.set("status", failure.status);
  error.set("retryable", failure.retryable);
  error.set("attempts", failure.attempts);
  if (failure.responseCode) {
    error.set("responseCode", *failure.responseCode);
    error.set("reason", failure.reason);
  }
  if (failure.retryAfterMs) error.set("retryAfterMs", *failure.retryAfterMs);
  if (!failure.issues.empty()) error.set("issues", toJs(failure.issues));
  if (!failure.requestId.empty()) error.set("requestId", failure.requestId);
  return error;
}

val toJs(const KycLink& link) {
  val result = val::object();
  result.set("linkId", link.linkId);
  result.set("url", link.url);
  return result;
}

namespace {

val textOrNull(const std::optional<std::string>& text) { return text ? val(*text) : val::null(); }

}  // namespace

val toJs(const RecordsResult& records) {
  val list = val::array();
  for (const VerificationRecord& record : *records.records) {
    val entry = val::object();
    entry.set("requestId", textOrNull(record.requestId));
    entry.set("linkId", textOrNull(record.linkId));
    entry.set("applicationId", textOrNull(record.applicationId));
    entry.set("status", std::string(verificationStatusName(record.status)));
    entry.set("fullName", textOrNull(record.fullName));
    list.call<void>("push", entry);
  }
  val result = val::object();
  result.set("records", list);
  result.set("body", records.body);
  return result;
}

val toJs(const WebhookEvent& event) {
  val result = val::object();
  result.set("type", std::string(webhookTypeName(event.type)));
  result.set("requestId", textOrNull(event.requestId));
  result.set("status", std::string(verificationStatusName(event.status)));
  result.set("fullName", textOrNull(event.fullName));
  if (event.linkId) result.set("linkId", *event.linkId);
  if (event.applicationId) result.set("applicationId", *event.applicationId);
  return result;
}

}  // namespace kyc::wasm
