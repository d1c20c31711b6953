#pragma once
// Building the validators' JS-shaped inputs in tests.

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "core/errors.hpp"
#include "core/input.hpp"

namespace kyc::test {

inline InputValue str(std::string text) {
  InputValue value;
  value.kind = ValueKind::String;
  value.text = std::move(text);
  return value;
}

inline InputValue num(double number) {
  InputValue value;
  value.kind = ValueKind::Number;
  value.number = number;
  return value;
}

inline InputValue boolean(bool flag) {
  InputValue value;
  value.kind = ValueKind::Boolean;
  value.boolean = flag;
  return value;
}

inline InputValue null() {
  InputValue value;
  value.kind = ValueKind::Null;
  return value;
}

inline InputValue undefined() { return InputValue{}; }

inline InputValue object(std::string typeName) {
  InputValue value;
  value.kind = ValueKind::Object;
  value.typeName = std::move(typeName);
  return value;
}

inline InputObject obj(std::initializer_list<std::pair<std::string, InputValue>> fields) {
  InputObject input;
  input.fields.assign(fields.begin(), fields.end());
  return input;
}

inline InputObject notPlain(std::string typeName) {
  InputObject input;
  input.isPlainObject = false;
  input.typeName = std::move(typeName);
  return input;
}

inline std::vector<std::string> messages(const std::vector<Issue>& issues) {
  std::vector<std::string> out;
  for (const Issue& issue : issues) out.push_back(issue.message);
  return out;
}

inline std::vector<std::string> fields(const std::vector<Issue>& issues) {
  std::vector<std::string> out;
  for (const Issue& issue : issues) out.push_back(issue.field);
  return out;
}

}  // namespace kyc::test
