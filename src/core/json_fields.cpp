#include "json_fields.hpp"

#include <climits>
#include <cmath>

namespace kyc {

std::optional<nlohmann::ordered_json> parseJsonObject(std::string_view text) {
  nlohmann::ordered_json parsed;
  // The builder parse() uses when it has no callback; parse() also compiles in the callback variant
  // and its std::function, ~2 KB of wasm this never runs.
  nlohmann::detail::json_sax_dom_parser<nlohmann::ordered_json> builder(parsed, /*allow_exceptions=*/false);
  const bool wellFormed = nlohmann::ordered_json::sax_parse(text.begin(), text.end(), &builder);
  if (!wellFormed || !parsed.is_object()) return std::nullopt;
  return parsed;
}

const nlohmann::ordered_json* jsonMember(const nlohmann::ordered_json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  const auto found = object.find(key);
  return found == object.end() ? nullptr : &*found;
}

const std::string* jsonString(const nlohmann::ordered_json& object, const char* key) {
  const nlohmann::ordered_json* value = jsonMember(object, key);
  return value && value->is_string() ? value->get_ptr<const std::string*>() : nullptr;
}

std::optional<double> jsonNumber(const nlohmann::ordered_json& object, const char* key) {
  const nlohmann::ordered_json* value = jsonMember(object, key);
  if (!value || !value->is_number()) return std::nullopt;
  const double number = value->get<double>();
  if (!std::isfinite(number)) return std::nullopt;
  return number;
}

std::optional<int> jsonInt(const nlohmann::ordered_json& object, const char* key) {
  const auto number = jsonNumber(object, key);
  if (!number || std::trunc(*number) != *number || *number < INT_MIN || *number > INT_MAX) return std::nullopt;
  return static_cast<int>(*number);
}

}  // namespace kyc
