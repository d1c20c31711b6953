#include "suggest.hpp"

#include <algorithm>
#include <string>
#include <utility>

namespace kyc {
namespace {

constexpr size_t kMaxDistance = 2;

// Names people reach for that no edit-distance bound would connect to ours.
constexpr std::pair<std::string_view, std::string_view> kAliases[] = {
    {"expiry", "expiryTime"},
    {"expires", "expiryTime"},
    {"expiresIn", "expiryTime"},
    {"expiryMinutes", "expiryTime"},
    {"redirect", "redirectUrl"},
    {"redirectUri", "redirectUrl"},
    {"callbackUrl", "redirectUrl"},
    {"returnUrl", "redirectUrl"},
    {"workflow", "workflowId"},
    {"userId", "applicationId"},
    {"timeout", "timeoutMs"},
    {"retries", "maxRetries"},
    {"secret", "clientSecret"},
    {"accessToken", "token"},
    {"apiKey", "token"},
    {"url", "baseUrl"},
    {"host", "baseUrl"},
    {"abortSignal", "signal"},
};

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
  return out;
}

size_t editDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> previous(b.size() + 1);
  std::vector<size_t> current(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

}  // namespace

std::optional<std::string_view> suggestKey(std::string_view unknown, const std::vector<std::string_view>& known) {
  const std::string folded = lower(unknown);
  for (std::string_view key : known) {
    if (lower(key) == folded) return key;
  }
  for (const auto& [alias, target] : kAliases) {
    if (lower(alias) != folded) continue;
    if (std::find(known.begin(), known.end(), target) != known.end()) return target;
  }

  // A key longer than a known key by more than the bound cannot be near it: skip the quadratic work.
  std::optional<std::string_view> best;
  size_t bestDistance = kMaxDistance + 1;
  for (std::string_view key : known) {
    if (folded.size() > key.size() + kMaxDistance) continue;
    const size_t distance = editDistance(folded, lower(key));
    if (distance < bestDistance) best = key, bestDistance = distance;
  }
  return best;
}

}  // namespace kyc
