#pragma once
// The server's own words in an answer's JSON body, for quoting in a failure's message.

#include <string>

namespace kyc {

// The server's human-readable reason from a JSON error body ("message", else "error"), control characters
// removed and cut to 200 characters; empty when there is none.
std::string serverMessage(const std::string& body);

// text + ": " + serverMessage(body), or text alone when the body carries no message.
std::string withServerMessage(const std::string& text, const std::string& body);

}  // namespace kyc
