#include "text.hpp"

#include <nlohmann/json.hpp>

#include <cmath>

namespace kyc {
namespace {

struct CodePoint {
  char32_t value = 0;
  size_t length = 1;  // bytes consumed
  bool valid = false;
};

CodePoint decodeAt(std::string_view text, size_t at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  if (lead < 0x80) return {lead, 1, true};

  size_t length = 0;
  char32_t value = 0;
  char32_t minimum = 0;  // smallest value this length may encode (rejects overlong forms)
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, value = lead & 0x1F, minimum = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, value = lead & 0x0F, minimum = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, value = lead & 0x07, minimum = 0x10000;
  } else {
    return {};
  }
  if (at + length > text.size()) return {};
  for (size_t i = 1; i < length; ++i) {
    const auto next = static_cast<unsigned char>(text[at + i]);
    if ((next & 0xC0) != 0x80) return {};
    value = (value << 6) | (next & 0x3F);
  }
  if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return {};
  return {value, length, true};
}

template <typename Visit>
void forEachCodePoint(std::string_view text, Visit visit) {
  for (size_t at = 0; at < text.size();) {
    const CodePoint cp = decodeAt(text, at);
    if (!visit(cp, at)) return;
    at += cp.length;
  }
}

bool isControl(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

// The bidi marks, embeddings, overrides and isolates: invisible, they reorder what a reader sees (a link
// that shows one host and opens another).
bool isBidiControl(char32_t cp) {
  return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

bool isWhitespace(char32_t cp) {
  switch (cp) {
    case 0x20:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF:
      return true;
    default:
      return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x2000 && cp <= 0x200A);
  }
}

}  // namespace

size_t codePointCount(std::string_view text) {
  size_t count = 0;
  forEachCodePoint(text, [&](const CodePoint&, size_t) { return ++count, true; });
  return count;
}

bool isValidUtf8(std::string_view text) {
  bool valid = true;
  forEachCodePoint(text, [&](const CodePoint& cp, size_t) { return valid = cp.valid; });
  return valid;
}

bool hasControlCharacter(std::string_view text) {
  bool found = false;
  forEachCodePoint(text, [&](const CodePoint& cp, size_t) {
    found = cp.valid && isControl(cp.value);
    return !found;
  });
  return found;
}

bool hasWhitespaceOrControl(std::string_view text) {
  bool found = false;
  forEachCodePoint(text, [&](const CodePoint& cp, size_t) {
    found = cp.valid && (isControl(cp.value) || isWhitespace(cp.value) || isBidiControl(cp.value));
    return !found;
  });
  return found;
}

bool isVisibleAscii(std::string_view text) {
  for (const char c : text)
    if (c <= 0x20 || c >= 0x7F) return false;  // char may be signed: bytes above 0x7F are negative
  return true;
}

bool isBlank(std::string_view text) {
  bool blank = true;
  forEachCodePoint(text, [&](const CodePoint& cp, size_t) {
    blank = cp.valid && isWhitespace(cp.value);
    return blank;
  });
  return blank;
}

bool hasSurroundingWhitespace(std::string_view text) {
  bool first = true;
  bool startsWithSpace = false;
  bool endsWithSpace = false;
  forEachCodePoint(text, [&](const CodePoint& cp, size_t) {
    endsWithSpace = cp.valid && isWhitespace(cp.value);
    if (first) startsWithSpace = endsWithSpace;
    first = false;
    return true;
  });
  return startsWithSpace || endsWithSpace;
}

std::string cleanText(std::string_view text, size_t maxCodePoints) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string kept;
  size_t keptWithoutTrailingSpace = 0;
  size_t count = 0;
  forEachCodePoint(text, [&](const CodePoint& cp, size_t at) {
    if (count == maxCodePoints) return false;
    const bool space = cp.valid && isWhitespace(cp.value);
    if (cp.valid && isControl(cp.value) && !space) return true;
    if (space && kept.empty()) return true;
    if (!cp.valid) {
      kept += kReplacement;
    } else if (space && isControl(cp.value)) {
      kept += ' ';  // a newline or tab still separates words
    } else {
      kept += text.substr(at, cp.length);
    }
    ++count;
    if (!space) keptWithoutTrailingSpace = kept.size();
    return true;
  });
  kept.resize(keptWithoutTrailingSpace);
  return kept;
}

std::string jsNumberText(double number) {
  if (std::isnan(number)) return "NaN";
  if (std::isinf(number)) return number > 0 ? "Infinity" : "-Infinity";
  if (number == 0) return "0";                           // JS prints -0 as "0"
  constexpr double kExactIntegers = 9007199254740992.0;  // 2^53
  if (std::trunc(number) == number && std::fabs(number) <= kExactIntegers) {
    return std::to_string(static_cast<long long>(number));
  }
  // The shortest text that reads back as the same double. nlohmann's printer does that without
  // printf, whose long-double formatting would add kilobytes to the wasm.
  return nlohmann::ordered_json(number).dump();
}

}  // namespace kyc
