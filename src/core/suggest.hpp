#pragma once
// "Did you mean ...?" for unknown option keys.

#include <optional>
#include <string_view>
#include <vector>

namespace kyc {

// The known key the caller most likely meant: a case-insensitive match, a common alias
// ("expiry" -> "expiryTime", "redirect" -> "redirectUrl"), or the closest key within edit distance 2.
std::optional<std::string_view> suggestKey(std::string_view unknown, const std::vector<std::string_view>& known);

}  // namespace kyc
