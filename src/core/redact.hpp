#pragma once
// Taking secrets (bearer tokens, the client secret) out of a message before anyone sees it. Core
// messages never hold one, but they quote a server's words (or getToken's error), and a hostile or
// buggy server may echo a secret back: as it is, percent-encoded, JSON-escaped, or cut short by the
// 200-character limit on quoted text.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kyc {

inline constexpr std::string_view kRedactedPlaceholder = "[redacted]";

// A run of at least this many of a secret's first characters is redacted even where the secret goes
// no further: where a message was cut, the part left is enough to guess from.
inline constexpr size_t kMinRedactedPrefix = 8;

// Each secret is found in any mix of these forms, character by character: as it is; percent-encoded
// (%2B and %2b alike, + for a space); JSON-escaped (\/ \" \\ and \uXXXX, surrogate pairs included).
// A secret of kMinRedactedPrefix characters or more is redacted wherever its first kMinRedactedPrefix
// characters appear, as far as the match goes (a half-written escape at the end of the message too).
//
// A shorter secret (a test token such as "t") is redacted only where it stands as a whole word: where
// it starts (ends) with an ASCII letter or digit, none comes just before (after) it. Redacting every
// "t" would make every message unreadable, and a secret that short protects nothing anyway; refusing
// one would break every test and demo that uses it. A short secret inside a longer word stays visible.
std::string redactSecrets(std::string_view message, const std::vector<std::string>& secrets);

}  // namespace kyc
