#pragma once
// What every validation Issue must satisfy, whatever the caller passed.

#include <algorithm>
#include <string_view>
#include <vector>

#include "core/errors.hpp"
#include "core/input.hpp"
#include "core/text.hpp"
#include "decode_input_object.hpp"
#include "fuzz_check.hpp"

namespace kyc::fuzz {

inline bool mentionsSecret(std::string_view text) { return text.find(kSecretMarker) != std::string_view::npos; }

// Keys are quoted in messages (cleaned), so a key that reads as the marker once cleaned makes the
// secrecy check moot for that input.
inline bool anyKeyMentionsSecret(const InputObject& input) {
  return std::any_of(input.fields.begin(), input.fields.end(), [](const auto& field) {
    return mentionsSecret(cleanText(field.first, field.first.size()));
  });
}

// Messages go into KycError.message: printable, valid text, and never a string value.
inline void checkIssues(const std::vector<Issue>& issues, bool keyMentionsSecret) {
  for (const Issue& issue : issues) {
    FUZZ_CHECK(!issue.message.empty());
    FUZZ_CHECK(isValidUtf8(issue.message));
    FUZZ_CHECK(!hasControlCharacter(issue.message));
    FUZZ_CHECK(keyMentionsSecret || !mentionsSecret(issue.message));
  }
}

}  // namespace kyc::fuzz
