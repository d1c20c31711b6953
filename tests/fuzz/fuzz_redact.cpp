// redactSecrets on its own: a secret, and a message that holds it as it is, percent-encoded or
// JSON-escaped, then cut anywhere (as the 200-character limit on quoted text cuts). Input:
//   line 1: one mode byte ('0' none, '1' as it is, '2' %XX upper, '3' %xx lower, '4' JSON), then how
//           many bytes to cut from the end as decimal digits
//   line 2: the secret
//   the rest: the message (the secret goes at its end, the cut comes after)

#include <string>
#include <string_view>

#include "check_redaction.hpp"
#include "core/redact.hpp"
#include "core/text.hpp"
#include "decode_http_response.hpp"

using namespace kyc;

namespace {

std::string spelled(std::string_view secret, char mode) {
  switch (mode) {
    case '1':
      return std::string(secret);
    case '2':
      return fuzz::percentEncoded(secret, true);
    case '3':
      return fuzz::percentEncoded(secret, false);
    case '4':
      return fuzz::jsonEscaped(secret);
    default:
      return {};
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  std::string_view rest(reinterpret_cast<const char*>(bytes), size);
  const std::string_view control = fuzz::takeLine(rest);
  const std::string secret(fuzz::takeLine(rest));
  // What validateConfig lets through for a client secret (a token is stricter still).
  if (isBlank(secret) || !isValidUtf8(secret) || hasControlCharacter(secret)) return 0;

  std::string message = std::string(rest) + spelled(secret, control.empty() ? '0' : control[0]);
  size_t cut = 0;
  for (const char c : control.substr(control.empty() ? 0 : 1, 6)) {
    if (c < '0' || c > '9') break;
    cut = cut * 10 + static_cast<size_t>(c - '0');
  }
  message.resize(message.size() - std::min(cut, message.size()));

  const std::string redacted = redactSecrets(message, {secret});
  fuzz::checkRedacted(redacted, secret, true);
  if (isValidUtf8(message)) FUZZ_CHECK(isValidUtf8(redacted));
  // As the pipeline does it: the server's text cleaned and cut to 200 characters, then redacted.
  const std::string quoted = redactSecrets(cleanText(message, 200), {secret});
  fuzz::checkRedacted(quoted, secret, true);
  FUZZ_CHECK(isValidUtf8(quoted) && !hasControlCharacter(quoted));
  return 0;
}
