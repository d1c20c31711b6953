#pragma once
// Reading response headers from the raw block the runtime hands over (HTTP-dates: http_date.hpp).

#include <string>
#include <string_view>

namespace kyc {

// The value of header `name` (case-insensitive) in a raw "Name: value\r\n..." block as XMLHttpRequest's
// getAllResponseHeaders() gives it; empty when absent. Surrounding whitespace is trimmed.
std::string findHeader(std::string_view rawHeaders, std::string_view name);

}  // namespace kyc
