#pragma once
// The redaction invariant, written apart from redact.cpp so one cannot share the other's mistake: in
// the text left between placeholders there is no secret and no 8-character prefix of one, as it is,
// percent-encoded (either hex case, + for a space) or JSON-escaped. A secret shorter than that is
// checked as a whole word only (redact.hpp says why), and only when it is the one secret in play.

#include <string>
#include <string_view>
#include <vector>

#include "core/redact.hpp"
#include "fuzz_check.hpp"

namespace kyc::fuzz {

// The first `count` code points of valid UTF-8 text (or all of it).
inline std::string firstCodePoints(std::string_view text, size_t count) {
  size_t at = 0;
  for (size_t seen = 0; at < text.size() && seen < count; ++seen) {
    ++at;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
  }
  return std::string(text.substr(0, at));
}

inline size_t codePoints(std::string_view text) {
  size_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

inline std::string percentEncoded(std::string_view text, bool upper) {
  const char* hex = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string out;
  for (const char c : text) {
    const auto b = static_cast<unsigned char>(c);
    const bool plain = (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || b == '-' ||
                       b == '_' || b == '.' || b == '~';
    if (plain) {
      out += c;
    } else if (b == ' ') {
      out += '+';
    } else {
      out += {'%', hex[b >> 4], hex[b & 0xF]};
    }
  }
  return out;
}

inline std::string jsonEscaped(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '/' || c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// Every spelling of `secret` (or of its first 8 characters) that must not survive.
inline std::vector<std::string> forbiddenSpellings(std::string_view secret) {
  const std::string core = firstCodePoints(secret, kMinRedactedPrefix);
  return {core, percentEncoded(core, true), percentEncoded(core, false), jsonEscaped(core)};
}

inline std::vector<std::string_view> textBetweenPlaceholders(std::string_view message) {
  std::vector<std::string_view> parts;
  for (size_t at = 0;;) {
    const size_t next = message.find(kRedactedPlaceholder, at);
    parts.push_back(message.substr(at, next == std::string_view::npos ? std::string_view::npos : next - at));
    if (next == std::string_view::npos) return parts;
    at = next + kRedactedPlaceholder.size();
  }
}

inline bool isWordByte(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Word as redact.hpp means it: where word starts (ends) with a letter or digit, none comes before (after).
inline bool holdsWholeWord(std::string_view text, std::string_view word) {
  for (size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
    const size_t end = at + word.size();
    const bool startsAlone = !isWordByte(word.front()) || at == 0 || !isWordByte(text[at - 1]);
    const bool endsAlone = !isWordByte(word.back()) || end == text.size() || !isWordByte(text[end]);
    if (startsAlone && endsAlone) return true;
  }
  return false;
}

// `onlySecret`: no other secret was redacted in the same message (see the header comment).
inline void checkRedacted(std::string_view message, std::string_view secret, bool onlySecret) {
  if (secret.empty()) return;
  const bool shortSecret = codePoints(secret) < kMinRedactedPrefix;
  if (shortSecret && !onlySecret) return;
  const std::vector<std::string> forbidden = forbiddenSpellings(secret);
  for (const std::string_view part : textBetweenPlaceholders(message)) {
    if (shortSecret) {
      FUZZ_CHECK(!holdsWholeWord(part, secret));
      continue;
    }
    for (const std::string& spelling : forbidden) FUZZ_CHECK(part.find(spelling) == std::string_view::npos);
  }
}

}  // namespace kyc::fuzz
