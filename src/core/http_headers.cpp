#include "http_headers.hpp"

#include <cctype>

namespace kyc {
namespace {

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

}  // namespace

std::string findHeader(std::string_view rawHeaders, std::string_view name) {
  while (!rawHeaders.empty()) {
    size_t end = rawHeaders.find('\n');
    std::string_view line = rawHeaders.substr(0, end);
    rawHeaders = end == std::string_view::npos ? std::string_view() : rawHeaders.substr(end + 1);
    size_t colon = line.find(':');
    if (colon != std::string_view::npos && equalsIgnoringCase(trim(line.substr(0, colon)), name))
      return std::string(trim(line.substr(colon + 1)));
  }
  return {};
}

}  // namespace kyc
