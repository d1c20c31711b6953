#pragma once
// Turns fuzz bytes into the InputObject the wasm layer would build from a JS value. The bytes are a
// small line format, so seeds are readable and mutations stay meaningful:
//
//   !array                    first line, optional: not a plain object; the rest names its JS type
//   workflowId=s:wf-123       key=kind:payload, one field per line, in order
//   expiryTime=n:NaN          kinds: s string (raw bytes), n number (strtod: NaN, -inf, 1e400, 0x1p3),
//   redirectUrl=u:            b boolean ("true" or not), u undefined, z null, o object (payload = its type,
//   getToken=o:function       e.g. function, array, symbol, bigint), L a string too long to copy
//                             (payload: how far past kMaxCopiedTextLength its length is), S a string
//                             with a lone surrogate
//
// A line without "=" is a key whose value is undefined; a kind that is none of these is a string.

#include <cstdlib>
#include <string>
#include <string_view>

#include "core/input.hpp"

namespace kyc::fuzz {

// Any string containing this marks a value as secret: no issue message may quote it.
inline constexpr std::string_view kSecretMarker = "s3cr3t";

// What the wasm layer can report (typeof, plus "null" and "array"); anything else reads as "object".
inline std::string jsTypeOf(std::string_view name) {
  for (std::string_view known : {"undefined", "object", "boolean", "number", "bigint", "string", "symbol",
                                 "function", "null", "array"}) {
    if (name == known) return std::string(known);
  }
  return "object";
}

inline InputValue decodeValue(std::string_view encoded) {
  InputValue value;
  if (encoded.size() < 2 || encoded[1] != ':') {
    value.kind = ValueKind::String;
    value.text = std::string(encoded);
    return value;
  }
  const std::string payload(encoded.substr(2));
  switch (encoded[0]) {
    case 'n':
      value.kind = ValueKind::Number;
      value.number = std::strtod(payload.c_str(), nullptr);
      break;
    case 'b':
      value.kind = ValueKind::Boolean;
      value.boolean = payload == "true";
      break;
    case 'L':  // a string too long to copy: the payload is its JS length (the wasm layer's uncopied form)
      value.kind = ValueKind::String;
      value.uncopiedLength = kMaxCopiedTextLength + 1 + std::strtoul(payload.c_str(), nullptr, 10) % (1u << 30);
      break;
    case 'S':  // a string with a lone surrogate (the wasm layer does not copy it either)
      value.kind = ValueKind::String;
      value.loneSurrogate = true;
      break;
    case 'u': value.kind = ValueKind::Undefined; break;
    case 'z': value.kind = ValueKind::Null; break;
    case 'o':
      value.kind = ValueKind::Object;
      value.typeName = jsTypeOf(payload);
      break;
    default:
      value.kind = ValueKind::String;
      value.text = payload;
      break;
  }
  return value;
}

inline InputObject decodeInputObject(std::string_view bytes) {
  InputObject object;
  bool firstLine = true;
  while (!bytes.empty()) {
    const size_t end = bytes.find('\n');
    const std::string_view line = bytes.substr(0, end);
    bytes = end == std::string_view::npos ? std::string_view() : bytes.substr(end + 1);
    if (firstLine && !line.empty() && line[0] == '!') {
      object.isPlainObject = false;
      object.typeName = jsTypeOf(line.substr(1));
    } else {
      const size_t equals = line.find('=');
      object.fields.emplace_back(std::string(line.substr(0, equals)),
                                 equals == std::string_view::npos ? InputValue{} : decodeValue(line.substr(equals + 1)));
    }
    firstLine = false;
  }
  return object;
}

// Whether a field (its first occurrence: a JS object has each key once) holds a string the wasm layer
// does not copy (too long, or with a lone surrogate). No validator may accept such an object.
inline bool holdsUncopiedString(const InputObject& object) {
  for (size_t i = 0; i < object.fields.size(); ++i) {
    bool first = true;
    for (size_t j = 0; j < i; ++j) first = first && object.fields[j].first != object.fields[i].first;
    const InputValue& value = object.fields[i].second;
    if (first && (value.uncopiedLength > 0 || value.loneSurrogate)) return true;
  }
  return false;
}

}  // namespace kyc::fuzz
