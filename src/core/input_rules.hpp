#pragma once
// The rules request and config validation share: reading fields of an InputObject, the shape of the
// object itself, unknown keys, strings and numbers. Each rule appends Issues; messages name the
// field and the JS type or number received, never a string value.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "errors.hpp"
#include "input.hpp"

namespace kyc {

// "string", "number", "boolean", "null", "undefined", or the object's typeName ("array", "function").
std::string jsTypeName(const InputValue& value);

// Adds `<what> must be a plain object, got <type>` (field `what`) unless the object is plain.
bool requirePlainObject(const InputObject& object, std::string_view what, std::vector<Issue>& issues);

// The value of key, or nullptr when the key is missing, undefined or null (JS callers use all three
// to mean "not given").
const InputValue* givenField(const InputObject& object, std::string_view key);

// Adds `unknown field "<key>" (did you mean "<known>"?)` for each key not in known.
void reportUnknownKeys(const InputObject& object, const std::vector<std::string_view>& known,
                       std::vector<Issue>& issues);

// A string that is non-blank, valid Unicode, free of control characters and, when maxCodePoints is
// set, at most that many characters (else at most kMaxCopiedTextLength). nullopt (with an issue) otherwise.
std::optional<std::string> requireText(std::string_view field, const InputValue& value, std::vector<Issue>& issues,
                                       std::optional<size_t> maxCodePoints = std::nullopt);

struct NumberRule {
  std::string_view meaning;  // completes "<field> must be <meaning> between <min> and <max>"
  double min;
  double max;
  bool integer;
};

// A finite number within the rule; nullopt (with an issue) otherwise.
std::optional<double> requireNumber(std::string_view field, const InputValue& value, const NumberRule& rule,
                                    std::vector<Issue>& issues);

}  // namespace kyc
