#pragma once
// A JS value as the validators see it. The wasm layer builds these from embind vals; native tests and
// fuzzers build them directly. Keeping JS kinds (undefined vs null, NaN) lets the rules be exact.

#include <string>
#include <utility>
#include <vector>

namespace kyc {

enum class ValueKind { Undefined, Null, Boolean, Number, String, Object };

struct InputValue {
  ValueKind kind = ValueKind::Undefined;
  bool boolean = false;
  double number = 0;     // may be NaN or +-Infinity
  std::string text;      // UTF-8, for String
  std::string typeName;  // for Object: "object", "array", "function", "symbol", "bigint", ...
};

struct InputObject {
  bool isPlainObject = true;  // false for arrays, class instances, primitives, null, undefined
  std::string typeName;       // what it was when not a plain object ("array", "string", "null", ...)
  std::vector<std::pair<std::string, InputValue>> fields;  // own enumerable keys, in order
};

}  // namespace kyc
