#include "url.hpp"

#include <algorithm>

#include "input.hpp"
#include "text.hpp"

namespace kyc {
namespace {

static_assert(2 * kMaxUrlLength <= kMaxCopiedTextLength, "a URL within its cap must never be refused uncopied");

bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isHexDigit(char c) { return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return isAlpha(c) ? static_cast<char>(c | 0x20) : c; });
  return out;
}

bool isSchemeSyntax(std::string_view scheme) {
  if (scheme.empty() || !isAlpha(scheme[0])) return false;
  return std::all_of(scheme.begin(), scheme.end(),
                     [](char c) { return isAlpha(c) || isDigit(c) || c == '+' || c == '-' || c == '.'; });
}

// Names and IPv4 addresses. Stricter than RFC 3986 on purpose: sub-delims and percent signs in a
// host are legal but only ever seen in attacks, and international names must arrive as punycode.
bool isHostName(std::string_view host) {
  return !host.empty() && std::all_of(host.begin(), host.end(), [](char c) {
    return isAlpha(c) || isDigit(c) || c == '-' || c == '.' || c == '_' || c == '~';
  });
}

bool isIpv6Literal(std::string_view host) {
  if (host.size() < 3 || host.front() != '[' || host.back() != ']') return false;
  const std::string_view inside = host.substr(1, host.size() - 2);
  return std::all_of(inside.begin(), inside.end(), [](char c) { return isHexDigit(c) || c == ':' || c == '.'; });
}

bool isPort(std::string_view port) {
  if (port.empty() || port.size() > 5 || !std::all_of(port.begin(), port.end(), isDigit)) return false;
  long value = 0;
  for (char c : port) value = value * 10 + (c - '0');
  return value >= 1 && value <= 65535;
}

bool isLoopback(const std::string& lowerHost) {
  return lowerHost == "localhost" || lowerHost == "127.0.0.1" || lowerHost == "[::1]";
}

struct ParsedUrl {
  std::optional<std::string> problem;
  std::string_view afterAuthority;  // path, query and fragment
};

ParsedUrl checkAbsoluteUrl(std::string_view url) {
  if (codePointCount(url) > kMaxUrlLength) {
    return {
        "must be at most " + std::to_string(kMaxUrlLength) + " characters, got " + std::to_string(codePointCount(url)),
        {}};
  }
  if (!isValidUtf8(url)) return {"is not valid Unicode text", {}};
  if (hasWhitespaceOrControl(url)) return {"must not contain whitespace or control characters", {}};

  const size_t schemeEnd = url.find("://");
  if (schemeEnd == std::string_view::npos || !isSchemeSyntax(url.substr(0, schemeEnd))) {
    return {"must be an absolute URL such as https://example.com/path", {}};
  }
  const std::string scheme = lower(url.substr(0, schemeEnd));
  if (scheme != "https" && scheme != "http") {
    return {"must use https (http is allowed only for localhost, 127.0.0.1 and [::1])", {}};
  }

  const std::string_view rest = url.substr(schemeEnd + 3);
  const size_t authorityEnd = std::min(rest.find_first_of("/?#"), rest.size());
  const std::string_view authority = rest.substr(0, authorityEnd);
  if (authority.find('@') != std::string_view::npos) {
    return {"must not contain a user name or password", {}};
  }

  std::string_view host = authority;
  std::optional<std::string_view> port;
  const size_t portColon = authority.rfind(':');
  const bool bracketed = !authority.empty() && authority.front() == '[';
  const size_t bracketEnd = authority.find(']');
  if (portColon != std::string_view::npos &&
      (!bracketed || (bracketEnd != std::string_view::npos && portColon > bracketEnd))) {
    host = authority.substr(0, portColon);
    port = authority.substr(portColon + 1);
  }
  if (host.empty()) return {"must include a host", {}};
  if (bracketed ? !isIpv6Literal(host) : !isHostName(host)) return {"has an invalid host", {}};
  if (port && !isPort(*port)) return {"has an invalid port (allowed: 1 to 65535)", {}};

  if (scheme == "http" && !isLoopback(lower(host))) {
    return {"must use https (http is allowed only for localhost, 127.0.0.1 and [::1])", {}};
  }
  return {std::nullopt, rest.substr(authorityEnd)};
}

}  // namespace

std::optional<std::string> redirectUrlProblem(std::string_view url) { return checkAbsoluteUrl(url).problem; }

std::optional<std::string> linkUrlProblem(std::string_view url) { return checkAbsoluteUrl(url).problem; }

std::optional<std::string> baseUrlProblem(std::string_view url) {
  const ParsedUrl parsed = checkAbsoluteUrl(url);
  if (parsed.problem) return parsed.problem;
  if (parsed.afterAuthority.find_first_of("?#") != std::string_view::npos) {
    return "must not have a query or fragment";
  }
  return std::nullopt;
}

std::string normalizeBaseUrl(std::string_view url) {
  const size_t end = url.find_last_not_of('/');
  return std::string(url.substr(0, end == std::string_view::npos ? 0 : end + 1));
}

std::string urlHost(std::string_view url) {
  const size_t schemeEnd = url.find("://");
  if (schemeEnd == std::string_view::npos) return {};
  std::string_view authority = url.substr(schemeEnd + 3);
  authority = authority.substr(0, std::min(authority.find_first_of("/?#"), authority.size()));
  const size_t at = authority.rfind('@');
  if (at != std::string_view::npos) authority.remove_prefix(at + 1);
  return std::string(authority);
}

}  // namespace kyc
