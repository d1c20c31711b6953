#pragma once
// Crossing the embind boundary: JS values in as InputObjects, results and failures out as plain objects.

#include <emscripten/val.h>

#include <optional>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "core/input.hpp"
#include "core/records.hpp"
#include "core/response.hpp"
#include "core/webhook.hpp"

namespace kyc::wasm {

// A JS string as UTF-8, or nullopt, without copying anything, when it is longer than
// kMaxCopiedTextLength. (A lone surrogate arrives changed: for keys and tokens, which the rules refuse
// anyway unless they are plain ASCII; field values are checked for one first, in toInputObject.)
std::optional<std::string> copyJsString(const emscripten::val& string);

InputObject toInputObject(const emscripten::val& value);
emscripten::val toJs(const Failure& failure);
emscripten::val toJs(const KycLink& link);
// { records: [{ requestId, linkId, applicationId, status, fullName }], body }: the skin adds each raw record
// and its documents from body (null for an absent string).
emscripten::val toJs(const RecordsResult& records);
// { type, requestId, status, fullName, linkId?, applicationId? }: the skin adds data from the body.
emscripten::val toJs(const WebhookEvent& event);
emscripten::val toJs(const std::vector<Issue>& issues);

}  // namespace kyc::wasm
