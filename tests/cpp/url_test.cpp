#include <catch2/catch.hpp>

#include <string>

#include "core/url.hpp"

using namespace kyc;

namespace {
const std::string kHttpsOnly = "must use https (http is allowed only for localhost, 127.0.0.1 and [::1])";
}

TEST_CASE("redirectUrlProblem accepts https URLs with path, query and fragment") {
  CHECK(redirectUrlProblem("https://example.com") == std::nullopt);
  CHECK(redirectUrlProblem("https://example.com/kyc/done?user=1#top") == std::nullopt);
  CHECK(redirectUrlProblem("HTTPS://Example.COM/") == std::nullopt);  // scheme is case-insensitive
  CHECK(redirectUrlProblem("https://example.com:8443/x") == std::nullopt);
  CHECK(redirectUrlProblem("https://[2001:db8::1]/x") == std::nullopt);
  CHECK(redirectUrlProblem("https://example.com?x") == std::nullopt);
}

TEST_CASE("http is allowed only for loopback hosts") {
  CHECK(redirectUrlProblem("http://localhost/x") == std::nullopt);
  CHECK(redirectUrlProblem("http://LOCALHOST:3000/x") == std::nullopt);
  CHECK(redirectUrlProblem("HTTP://127.0.0.1:8080") == std::nullopt);
  CHECK(redirectUrlProblem("http://[::1]:8080/x") == std::nullopt);
  CHECK(redirectUrlProblem("http://example.com/x") == kHttpsOnly);
  CHECK(redirectUrlProblem("http://127.0.0.2/x") == kHttpsOnly);
  CHECK(redirectUrlProblem("http://localhost.example.com/") == kHttpsOnly);
  CHECK(redirectUrlProblem("http://[::2]/") == kHttpsOnly);
}

TEST_CASE("other schemes and relative URLs are rejected") {
  CHECK(redirectUrlProblem("ftp://example.com/") == kHttpsOnly);
  CHECK(redirectUrlProblem("javascript://example.com/%0Aalert(1)") == kHttpsOnly);
  const std::string notAbsolute = "must be an absolute URL such as https://example.com/path";
  CHECK(redirectUrlProblem("example.com/done") == notAbsolute);
  CHECK(redirectUrlProblem("/done") == notAbsolute);
  CHECK(redirectUrlProblem("https:example.com") == notAbsolute);
  CHECK(redirectUrlProblem("://example.com") == notAbsolute);
  CHECK(redirectUrlProblem("1https://example.com") == notAbsolute);
  CHECK(redirectUrlProblem("") == notAbsolute);
}

TEST_CASE("a host is required and must be well-formed") {
  CHECK(redirectUrlProblem("https://") == std::string("must include a host"));
  CHECK(redirectUrlProblem("https:///path") == std::string("must include a host"));
  CHECK(redirectUrlProblem("https://:443/") == std::string("must include a host"));
  CHECK(redirectUrlProblem("https://exa\\mple.com/") == std::string("has an invalid host"));
  CHECK(redirectUrlProblem("https://ex%61mple.com/") == std::string("has an invalid host"));
  CHECK(redirectUrlProblem("https://b\xC3\xBC"
                           "cher.de/") == std::string("has an invalid host"));
  CHECK(redirectUrlProblem("https://[::1/") == std::string("has an invalid host"));
  CHECK(redirectUrlProblem("https://[zz::1]/") == std::string("has an invalid host"));
  CHECK(redirectUrlProblem("https://[::1]x/") == std::string("has an invalid host"));
}

TEST_CASE("user info is rejected wherever the @ sits in the authority") {
  const std::string noUserInfo = "must not contain a user name or password";
  CHECK(redirectUrlProblem("https://user:pass@example.com/") == noUserInfo);
  CHECK(redirectUrlProblem("https://user@example.com/") == noUserInfo);
  CHECK(redirectUrlProblem("https://example.com@evil.com/") == noUserInfo);
  CHECK(redirectUrlProblem("https://example.com/path@x") == std::nullopt);  // @ in the path is fine
}

TEST_CASE("ports must be 1 to 65535") {
  const std::string badPort = "has an invalid port (allowed: 1 to 65535)";
  CHECK(redirectUrlProblem("https://example.com:1/") == std::nullopt);
  CHECK(redirectUrlProblem("https://example.com:65535/") == std::nullopt);
  CHECK(redirectUrlProblem("https://example.com:0/") == badPort);
  CHECK(redirectUrlProblem("https://example.com:65536/") == badPort);
  CHECK(redirectUrlProblem("https://example.com:/") == badPort);
  CHECK(redirectUrlProblem("https://example.com:8a/") == badPort);
  CHECK(redirectUrlProblem("https://example.com:-1/") == badPort);
  CHECK(redirectUrlProblem("https://example.com:000443/") == badPort);
  CHECK(redirectUrlProblem("http://[::1]:0/") == badPort);
}

TEST_CASE("whitespace and control characters are rejected") {
  const std::string noSpace = "must not contain whitespace or control characters";
  CHECK(redirectUrlProblem("https://example.com/a b") == noSpace);
  CHECK(redirectUrlProblem(" https://example.com/") == noSpace);
  CHECK(redirectUrlProblem("https://example.com/\r\nSet-Cookie:x") == noSpace);
  CHECK(redirectUrlProblem("https://example.com/\t") == noSpace);
  CHECK(redirectUrlProblem("https://example.com/\xC2\xA0") == noSpace);
  CHECK(redirectUrlProblem("https://example.com/\x7F") == noSpace);
  // Bidi controls reorder what is shown: U+202E (RLO), U+2066 (LRI), U+200F (RLM), U+061C (ALM).
  for (const char* bidi : {"\xE2\x80\xAE", "\xE2\x81\xA6", "\xE2\x80\x8F", "\xD8\x9C"}) {
    CHECK(redirectUrlProblem(std::string("https://example.com/") + bidi + "moc.live") == noSpace);
  }
  CHECK(redirectUrlProblem("https://example.com/\xE2\x80\x8D") == std::nullopt);  // a joiner (ZWJ) is not bidi
  CHECK(redirectUrlProblem("https://example.com/\xFF") == std::string("is not valid Unicode text"));
}

TEST_CASE("at most 2048 characters, counted as code points") {
  const std::string prefix = "https://example.com/";
  const std::string atLimit = prefix + std::string(2048 - prefix.size(), 'a');
  CHECK(redirectUrlProblem(atLimit) == std::nullopt);
  CHECK(redirectUrlProblem(atLimit + "a") == std::string("must be at most 2048 characters, got 2049"));

  std::string accented = prefix;  // é is 2 bytes but 1 character
  for (size_t i = prefix.size(); i < 2048; ++i) accented += "\xC3\xA9";
  CHECK(redirectUrlProblem(accented) == std::nullopt);
  CHECK(redirectUrlProblem(accented + "\xC3\xA9") == std::string("must be at most 2048 characters, got 2049"));
}

TEST_CASE("baseUrlProblem adds: no query, no fragment") {
  CHECK(baseUrlProblem("https://sdk.faceki.com") == std::nullopt);
  CHECK(baseUrlProblem("https://proxy.example.com/faceki/") == std::nullopt);
  CHECK(baseUrlProblem("http://127.0.0.1:9000") == std::nullopt);
  CHECK(baseUrlProblem("https://sdk.faceki.com/?x=1") == std::string("must not have a query or fragment"));
  CHECK(baseUrlProblem("https://sdk.faceki.com#frag") == std::string("must not have a query or fragment"));
  CHECK(baseUrlProblem("http://sdk.faceki.com") == kHttpsOnly);
  CHECK(baseUrlProblem("https://u:p@sdk.faceki.com") == std::string("must not contain a user name or password"));
}

TEST_CASE("urlHost: host and port only, never a path, query or user info") {
  CHECK(urlHost("https://sdk.faceki.com/kycverify/api/x") == "sdk.faceki.com");
  CHECK(urlHost("http://127.0.0.1:9000/auth?clientId=a&clientSecret=s") == "127.0.0.1:9000");
  CHECK(urlHost("http://[::1]:80#f") == "[::1]:80");
  CHECK(urlHost("https://u:p@example.com/") == "example.com");
  CHECK(urlHost("not a url") == "");
}

TEST_CASE("normalizeBaseUrl drops trailing slashes") {
  CHECK(normalizeBaseUrl("https://sdk.faceki.com") == "https://sdk.faceki.com");
  CHECK(normalizeBaseUrl("https://sdk.faceki.com/") == "https://sdk.faceki.com");
  CHECK(normalizeBaseUrl("https://proxy.example.com/faceki///") == "https://proxy.example.com/faceki");
}
