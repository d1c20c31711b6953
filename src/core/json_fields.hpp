#pragma once
// Non-throwing reads of untrusted JSON (the core is built without exceptions).

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace kyc {

// nullopt unless text is a JSON object.
std::optional<nlohmann::ordered_json> parseJsonObject(std::string_view text);

// nullptr unless object is an object holding key.
const nlohmann::ordered_json* jsonMember(const nlohmann::ordered_json& object, const char* key);

// nullptr unless the member is a string.
const std::string* jsonString(const nlohmann::ordered_json& object, const char* key);

// A number with no fraction that fits an int (0 and 0.0 alike); nullopt otherwise.
std::optional<int> jsonInt(const nlohmann::ordered_json& object, const char* key);

// A finite number; nullopt otherwise.
std::optional<double> jsonNumber(const nlohmann::ordered_json& object, const char* key);

}  // namespace kyc
