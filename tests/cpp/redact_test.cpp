#include <catch2/catch.hpp>

#include "core/redact.hpp"

using namespace kyc;

namespace {

const std::string kSecret = "S3cr3t+/value\"\\x";  // + / " and \ have their own escapes
const std::string kToken = "eyJhbGciOiJIUzI1NiJ9.payload.signature";

std::string redact(const std::string& message) { return redactSecrets(message, {kSecret, kToken}); }

}  // namespace

TEST_CASE("a secret is redacted as it is") {
  CHECK(redact("bad secret " + kSecret + " given") == "bad secret [redacted] given");
  CHECK(redact(kToken + kToken) == "[redacted][redacted]");
  CHECK(redact("nothing to hide") == "nothing to hide");
  CHECK(redactSecrets("no secrets known " + kSecret, {}) == "no secrets known " + kSecret);
  CHECK(redactSecrets("empty ones are skipped", {"", ""}) == "empty ones are skipped");
}

TEST_CASE("a percent-encoded secret is redacted, in either hex case and with + for a space") {
  CHECK(redact("clientSecret=S3cr3t%2B%2Fvalue%22%5Cx&x=1") == "clientSecret=[redacted]&x=1");
  CHECK(redact("clientSecret=S3cr3t%2b%2fvalue%22%5cx") == "clientSecret=[redacted]");
  CHECK(redact("every byte: %53%33%63%72%33%74%2B%2F%76%61%6C%75%65%22%5C%78.") == "every byte: [redacted].");
  CHECK(redactSecrets("q=open+sesame+please", {"open sesame please"}) == "q=[redacted]");
  CHECK(redactSecrets("q=open%20sesame%20please", {"open sesame please"}) == "q=[redacted]");
  // Non-ASCII secrets are percent-encoded byte by byte.
  CHECK(redactSecrets("p=caf%C3%A9-cr%C3%A8me-br%C3%BBl%C3%A9e", {"caf\xC3\xA9-cr\xC3\xA8me-br\xC3\xBBl\xC3\xA9"
                                                                  "e"}) == "p=[redacted]");
}

TEST_CASE("a JSON-escaped secret is redacted: \\/ \\\" \\\\ and \\uXXXX") {
  CHECK(redact(R"(body {"clientSecret":"S3cr3t+\/value\"\\x"})") == R"(body {"clientSecret":"[redacted]"})");
  CHECK(redact(R"(\u0053\u0033\u0063\u0072\u0033\u0074\u002b\u002Fvalue\u0022\u005cx)") == "[redacted]");
  // A character beyond the BMP is a surrogate pair in JSON.
  const std::string emoji = "key-\xF0\x9F\x98\x80-long-enough";
  CHECK(redactSecrets(R"(s="key-\ud83d\ude00-long-enough")", {emoji}) == R"(s="[redacted]")");
}

TEST_CASE("8 or more leading characters of a secret are redacted where the message was cut") {
  // The 200-character limit on quoted text can end the message inside a secret.
  CHECK(redact("server said: token " + kToken.substr(0, 12)) == "server said: token [redacted]");
  CHECK(redact("cut: " + kToken.substr(0, 8)) == "cut: [redacted]");
  CHECK(redact("cut: " + kToken.substr(0, 7)) == "cut: " + kToken.substr(0, 7));  // below the threshold
  // Wherever the prefix appears, not only at the end.
  CHECK(redact(kToken.substr(0, 10) + " and more") == "[redacted] and more");
  // A cut inside an escape goes with the rest.
  CHECK(redact("secret=S3cr3t%2B%2Fval%7") == "secret=[redacted]");
  CHECK(redact("secret=S3cr3t%2B%2Fvalue%") == "secret=[redacted]");
  CHECK(redact(R"(secret="S3cr3t+\/value\u00)") == R"(secret="[redacted])");
  CHECK(kMinRedactedPrefix == 8);
}

TEST_CASE("a secret shorter than 8 characters is redacted only as a whole word") {
  const std::vector<std::string> secrets = {"t"};
  CHECK(redactSecrets("that token is not it", secrets) == "that token is not it");
  CHECK(redactSecrets("bad token t", secrets) == "bad token [redacted]");
  CHECK(redactSecrets("t=t&x=%74", secrets) == "[redacted]=[redacted]&x=[redacted]");
  CHECK(redactSecrets("token \"tok\" refused, tokens are long", {"tok"}) ==
        "token \"[redacted]\" refused, tokens are long");
}

TEST_CASE("text put in is never searched again: a secret inside the placeholder itself ends") {
  CHECK(redactSecrets("a t in [redacted]", {"redacted"}) == "a t in [[redacted]]");
  CHECK(redactSecrets("[redacted]", {"d]", "["}) == "[redacted]redacted]");  // "[" has no word edge
  CHECK(redactSecrets("e e e", {"e"}) == "[redacted] [redacted] [redacted]");
}

// Found by fuzz_redact (tests/fuzz/regressions/redact/): "+1" right after its own redaction was left,
// because the '1' of the first one counted as a word character before it.
TEST_CASE("a short secret's word edges count only where the secret itself has a letter or digit") {
  CHECK(redactSecrets("+1+1", {"+1"}) == "[redacted][redacted]");
  CHECK(redactSecrets("a+1 x+1", {"+1"}) == "a[redacted] x[redacted]");
  CHECK(redactSecrets("1+ 1+a", {"1+"}) == "[redacted] [redacted]a");
  CHECK(redactSecrets("a1+", {"1+"}) == "a1+");
}
