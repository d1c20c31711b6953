#include "server_message.hpp"

#include "json_fields.hpp"
#include "text.hpp"

namespace kyc {
namespace {

constexpr size_t kMaxServerMessageLength = 200;

}  // namespace

std::string serverMessage(const std::string& body) {
  const auto parsed = parseJsonObject(body);
  if (!parsed) return {};
  for (const char* key : {"message", "error"}) {
    if (const std::string* text = jsonString(*parsed, key)) {
      std::string cleaned = cleanText(*text, kMaxServerMessageLength);
      if (!cleaned.empty()) return cleaned;
    }
  }
  return {};
}

std::string withServerMessage(const std::string& text, const std::string& body) {
  const std::string quoted = serverMessage(body);
  return quoted.empty() ? text : text + ": " + quoted;
}

}  // namespace kyc
