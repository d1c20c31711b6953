#pragma once
// What a link that resolves must satisfy, whatever the server sent, checked byte by byte apart from
// url.cpp and response.cpp: safe to open in a browser, print to a terminal and put in a CSV cell.

#include <string_view>

#include "core/response.hpp"
#include "core/url.hpp"
#include "fuzz_check.hpp"

namespace kyc::fuzz {

// prefix in lower case.
inline bool startsWithIgnoringCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    const char c = text[i] >= 'A' && text[i] <= 'Z' ? static_cast<char>(text[i] | 0x20) : text[i];
    if (c != prefix[i]) return false;
  }
  return true;
}

inline void checkLink(const KycLink& link) {
  FUZZ_CHECK(!link.linkId.empty() && link.linkId.size() <= kMaxLinkIdLength);
  for (const char c : link.linkId) FUZZ_CHECK(c > 0x20 && c < 0x7F);

  const std::string_view url = link.url;
  FUZZ_CHECK(url.size() <= 4 * kMaxUrlLength);  // code points are capped; a code point is at most 4 bytes
  for (const char c : url) FUZZ_CHECK(static_cast<unsigned char>(c) > 0x20 && c != 0x7F);
  const bool https = startsWithIgnoringCase(url, "https://");
  FUZZ_CHECK(https || startsWithIgnoringCase(url, "http://"));
  const std::string_view rest = url.substr(https ? 8 : 7);
  const std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  FUZZ_CHECK(!authority.empty() && authority.find('@') == std::string_view::npos);
  if (!https) {
    const std::string_view host =
        authority.substr(0, authority.front() == '[' ? authority.find(']') + 1 : authority.find(':'));
    const bool localhost = host.size() == 9 && startsWithIgnoringCase(host, "localhost");
    FUZZ_CHECK(localhost || host == "127.0.0.1" || host == "[::1]");
  }
}

}  // namespace kyc::fuzz
