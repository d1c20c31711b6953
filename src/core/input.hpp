#pragma once
// A JS value as the validators see it. The wasm layer builds these from embind vals; native tests and
// fuzzers build them directly. Keeping JS kinds (undefined vs null, NaN) lets the rules be exact.

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace kyc {

// No string option or field accepts more: longer JS strings are not copied into wasm memory at all
// (their JS length is all the rules see), so a huge value costs nothing to refuse. In UTF-16 code
// units, as JS counts: twice the longest field (an URL, kMaxUrlLength characters, may need two units
// per character), and above any real bearer token (servers refuse header lines past about 8 KB).
inline constexpr size_t kMaxCopiedTextLength = 8192;

enum class ValueKind { Undefined, Null, Boolean, Number, String, Object };

struct InputValue {
  ValueKind kind = ValueKind::Undefined;
  bool boolean = false;
  double number = 0;           // may be NaN or +-Infinity
  std::string text;            // UTF-8, for String
  size_t uncopiedLength = 0;   // for String: its JS length when over kMaxCopiedTextLength (text is then empty)
  bool loneSurrogate = false;  // for String: it holds a lone surrogate (text is then empty: no UTF-8 can hold it)
  std::string typeName;        // for Object: "object", "array", "function", "symbol", "bigint", ...
};

struct InputObject {
  bool isPlainObject = true;  // false for arrays, class instances, primitives, null, undefined
  std::string typeName;       // what it was when not a plain object ("array", "string", "null", ...)
  std::vector<std::pair<std::string, InputValue>> fields;  // own enumerable keys, in order
};

}  // namespace kyc
