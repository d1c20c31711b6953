#pragma once
// URL rules for redirect URLs and the API base URL.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kyc {

// Characters (code points) in any URL the package takes or hands out: redirectUrl, baseUrl, FACEKI's link URL.
inline constexpr size_t kMaxUrlLength = 2048;

// nullopt when acceptable, else why not, as a phrase to follow the field name ("must use https (...)");
// the phrase never quotes the URL. Absolute https URL, or http for localhost / 127.0.0.1 / [::1];
// at most kMaxUrlLength characters; no whitespace, control characters or user:password@.
std::optional<std::string> redirectUrlProblem(std::string_view url);

// The link URL in FACEKI's answer: exactly the redirect URL rule. It is opened in a person's browser
// and printed by the CLI, so anything else (javascript:, an escape sequence, user:password@) is refused.
std::optional<std::string> linkUrlProblem(std::string_view url);

// Same scheme/host rules; no query or fragment either.
std::optional<std::string> baseUrlProblem(std::string_view url);

// The base URL without trailing slashes, ready to have "/kycverify/..." appended.
std::string normalizeBaseUrl(std::string_view url);

// The host[:port] of an absolute URL, without user info, path, query or fragment (a query may hold the
// client secret); empty when there is none. For messages such as "could not reach FACEKI at <host>".
std::string urlHost(std::string_view url);

}  // namespace kyc
