#include "input_rules.hpp"

#include <algorithm>
#include <cmath>

#include "suggest.hpp"
#include "text.hpp"

namespace kyc {
namespace {

// Keys are echoed in messages, so they get the same care as server text.
constexpr size_t kMaxEchoedKeyLength = 64;

void add(std::vector<Issue>& issues, std::string_view field, std::string message) {
  issues.push_back({std::string(field), std::move(message)});
}

}  // namespace

std::string jsTypeName(const InputValue& value) {
  switch (value.kind) {
    case ValueKind::Undefined:
      return "undefined";
    case ValueKind::Null:
      return "null";
    case ValueKind::Boolean:
      return "boolean";
    case ValueKind::Number:
      return "number";
    case ValueKind::String:
      return "string";
    case ValueKind::Object:
      return value.typeName.empty() ? "object" : value.typeName;
  }
  return "unknown";
}

bool requirePlainObject(const InputObject& object, std::string_view what, std::vector<Issue>& issues) {
  if (object.isPlainObject) return true;
  const std::string type = object.typeName.empty() ? "a non-plain object" : object.typeName;
  add(issues, what, std::string(what) + " must be a plain object, got " + type);
  return false;
}

const InputValue* givenField(const InputObject& object, std::string_view key) {
  for (const auto& [name, value] : object.fields) {
    if (name != key) continue;
    const bool given = value.kind != ValueKind::Undefined && value.kind != ValueKind::Null;
    return given ? &value : nullptr;
  }
  return nullptr;
}

void reportUnknownKeys(const InputObject& object, const std::vector<std::string_view>& known,
                       std::vector<Issue>& issues) {
  for (const auto& field : object.fields) {
    const std::string& key = field.first;
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    std::string message = "unknown field \"" + cleanText(key, kMaxEchoedKeyLength) + "\"";
    if (const auto suggestion = suggestKey(key, known)) {
      message += " (did you mean \"" + std::string(*suggestion) + "\"?)";
    }
    add(issues, key, std::move(message));
  }
}

std::optional<std::string> requireText(std::string_view field, const InputValue& value, std::vector<Issue>& issues,
                                       std::optional<size_t> maxCodePoints) {
  const std::string name(field);
  if (value.kind != ValueKind::String) {
    add(issues, field, name + " must be a string, got " + jsTypeName(value));
  } else if (value.uncopiedLength > 0) {
    add(issues, field,
        name + " must be at most " + std::to_string(maxCodePoints.value_or(kMaxCopiedTextLength)) +
            " characters, got a string of length " + std::to_string(value.uncopiedLength));
  } else if (value.loneSurrogate) {
    add(issues, field, name + " is not valid Unicode text (it has a lone surrogate)");
  } else if (isBlank(value.text)) {
    add(issues, field, name + " must not be empty or only whitespace");
  } else if (!isValidUtf8(value.text)) {
    add(issues, field, name + " is not valid Unicode text (a lone surrogate?)");
  } else if (hasControlCharacter(value.text)) {
    add(issues, field, name + " contains a control character");
  } else if (maxCodePoints && codePointCount(value.text) > *maxCodePoints) {
    add(issues, field,
        name + " must be at most " + std::to_string(*maxCodePoints) + " characters, got " +
            std::to_string(codePointCount(value.text)));
  } else {
    return value.text;
  }
  return std::nullopt;
}

std::optional<double> requireNumber(std::string_view field, const InputValue& value, const NumberRule& rule,
                                    std::vector<Issue>& issues) {
  if (value.kind == ValueKind::Number) {
    const double n = value.number;
    const bool ok = std::isfinite(n) && n >= rule.min && n <= rule.max && (!rule.integer || std::trunc(n) == n);
    if (ok) return n;
  }
  const std::string got = value.kind != ValueKind::Number ? jsTypeName(value)
                          : std::isnan(value.number)      ? "a value that is not a number (NaN)"
                                                          : jsNumberText(value.number);
  add(issues, field,
      std::string(field) + " must be " + std::string(rule.meaning) + " between " + jsNumberText(rule.min) + " and " +
          jsNumberText(rule.max) + ", got " + got);
  return std::nullopt;
}

}  // namespace kyc
