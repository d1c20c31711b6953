#include "redact.hpp"

#include <algorithm>

namespace kyc {
namespace {

// One character of a secret: its UTF-8 bytes and, when they are well formed, its code point.
struct SecretChar {
  std::string_view bytes;
  char32_t value = 0;
  bool valid = false;
};

bool isContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The character of secret that starts at byte `at`.
SecretChar charAt(std::string_view secret, size_t at) {
  const auto lead = static_cast<unsigned char>(secret[at]);
  size_t length = 1;
  char32_t value = lead;
  if (lead >= 0xF0) {
    length = 4, value = lead & 0x07;
  } else if (lead >= 0xE0) {
    length = 3, value = lead & 0x0F;
  } else if (lead >= 0xC0) {
    length = 2, value = lead & 0x1F;
  }
  bool valid = lead < 0x80 || (lead >= 0xC0 && at + length <= secret.size());
  for (size_t i = 1; valid && i < length; ++i) {
    valid = isContinuation(secret[at + i]);
    value = (value << 6) | (static_cast<unsigned char>(secret[at + i]) & 0x3F);
  }
  return {secret.substr(at, valid ? length : 1), value, valid};
}

size_t characterCount(std::string_view text) {
  size_t count = 0;
  for (size_t at = 0; at < text.size(); at += charAt(text, at).bytes.size()) ++count;
  return count;
}

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// `digits` hex digits (either case) at `at` spelling `value`.
bool hexAt(std::string_view message, size_t at, unsigned value, size_t digits) {
  if (at + digits > message.size()) return false;
  for (size_t i = 0; i < digits; ++i) {
    const unsigned shift = 4 * static_cast<unsigned>(digits - 1 - i);
    if (hexValue(message[at + i]) != static_cast<int>((value >> shift) & 0xF)) return false;
  }
  return true;
}

bool jsonUnitAt(std::string_view message, size_t at, unsigned unit) {
  return at + 2 <= message.size() && message.substr(at, 2) == "\\u" && hexAt(message, at + 2, unit, 4);
}

// A byte as it is or as %XX: message bytes used, 0 for neither. Only for bytes of a multi-byte
// character, where the two cannot both fit.
size_t byteForm(std::string_view message, size_t at, unsigned char byte) {
  if (at >= message.size()) return 0;
  if (static_cast<unsigned char>(message[at]) == byte) return 1;
  return message[at] == '%' && hexAt(message, at + 1, byte, 2) ? 3 : 0;
}

// Every way the message spells c at `at` in the forms redactSecrets names: appends at + the bytes each
// one uses. More than one can fit ("\\" is one escaped backslash or two plain ones), so all are kept.
void addSpellings(std::string_view message, size_t at, const SecretChar& c, std::vector<size_t>& ends) {
  if (at >= message.size()) return;
  if (c.bytes.size() == 1) {
    const auto byte = static_cast<unsigned char>(c.bytes[0]);
    if (static_cast<unsigned char>(message[at]) == byte || (byte == ' ' && message[at] == '+')) ends.push_back(at + 1);
    if (message[at] == '%' && hexAt(message, at + 1, byte, 2)) ends.push_back(at + 3);
  } else {
    size_t pos = at;
    for (const char byte : c.bytes) {
      const size_t used = byteForm(message, pos, static_cast<unsigned char>(byte));
      if (used == 0) {
        pos = 0;
        break;
      }
      pos += used;
    }
    if (pos != 0) ends.push_back(pos);
  }
  if (!c.valid) return;
  if ((c.value == '/' || c.value == '"' || c.value == '\\') && at + 1 < message.size() && message[at] == '\\' &&
      message[at + 1] == static_cast<char>(c.value)) {
    ends.push_back(at + 2);
  }
  if (c.value < 0x10000) {
    if (jsonUnitAt(message, at, c.value)) ends.push_back(at + 6);
  } else {
    const unsigned offset = c.value - 0x10000;
    if (jsonUnitAt(message, at, 0xD800 + (offset >> 10)) && jsonUnitAt(message, at + 6, 0xDC00 + (offset & 0x3FF))) {
      ends.push_back(at + 12);
    }
  }
}

// `rest` (the end of the message) is an escape cut short: "%", "%2", "\\", "\\u", "\\u00d". Which
// character it was going to spell no longer matters: it goes with the secret it ends.
bool isCutEscape(std::string_view rest) {
  if (rest.empty() || rest.size() > 5 || (rest[0] != '%' && rest[0] != '\\')) return false;
  if (rest[0] == '%' && rest.size() > 2) return false;
  for (size_t i = 1; i < rest.size(); ++i)
    if (hexValue(rest[i]) < 0 && !(rest[0] == '\\' && i == 1 && rest[i] == 'u')) return false;
  return rest[0] == '%' || rest.size() == 1 || rest[1] == 'u';
}

bool isAsciiAlnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// How many message bytes from `at` are to be redacted for this secret; 0 for none. Follows every
// spelling at once (a set of end positions per character matched), so no choice needs undoing.
// `before` is the character the output holds just before `at` (0 at the start).
size_t redactableMatch(std::string_view message, size_t at, char before, std::string_view secret) {
  std::vector<size_t> ends = {at};
  std::vector<size_t> next;
  size_t matched = 0;
  size_t from = 0;  // byte offset in secret of the next character to match
  while (from < secret.size()) {
    const SecretChar c = charAt(secret, from);
    next.clear();
    for (const size_t pos : ends) addSpellings(message, pos, c, next);
    if (next.empty()) break;
    ends.clear();
    for (const size_t end : next)  // a handful at most: spellings rarely overlap
      if (std::find(ends.begin(), ends.end(), end) == ends.end()) ends.push_back(end);
    ++matched;
    from += c.bytes.size();
  }
  const bool whole = from == secret.size();
  if (whole && characterCount(secret) < kMinRedactedPrefix) {
    // A whole word: a secret that starts (ends) with a letter or digit is not preceded (followed) by one.
    if (isAsciiAlnum(secret.front()) && isAsciiAlnum(before)) return 0;
    size_t longest = 0;
    for (const size_t end : ends) {
      if (!isAsciiAlnum(secret.back()) || end == message.size() || !isAsciiAlnum(message[end]))
        longest = std::max(longest, end - at);
    }
    return longest;
  }
  if (matched < kMinRedactedPrefix) return 0;
  size_t end = *std::max_element(ends.begin(), ends.end());
  if (!whole && isCutEscape(message.substr(end))) end = message.size();
  return end - at;
}

}  // namespace

std::string redactSecrets(std::string_view message, const std::vector<std::string>& secrets) {
  // One pass over the original text: what was put in never gets searched again, so a secret found
  // inside the placeholder itself cannot loop, and text left between placeholders holds no match.
  std::string out;
  for (size_t at = 0; at < message.size();) {
    size_t longest = 0;
    if (!isContinuation(message[at])) {
      const char before = out.empty() ? '\0' : out.back();
      for (const std::string& secret : secrets) {
        if (!secret.empty()) longest = std::max(longest, redactableMatch(message, at, before, secret));
      }
    }
    if (longest > 0) {
      out += kRedactedPlaceholder;
      at += longest;
    } else {
      out += message[at++];
    }
  }
  return out;
}

}  // namespace kyc
