#pragma once
// Crossing the embind boundary: JS values in as InputObjects, results and failures out as plain objects.

#include <emscripten/val.h>

#include <vector>

#include "core/errors.hpp"
#include "core/input.hpp"
#include "core/response.hpp"

namespace kyc::wasm {

InputObject toInputObject(const emscripten::val& value);
emscripten::val toJs(const Failure& failure);
emscripten::val toJs(const KycLink& link);
emscripten::val toJs(const std::vector<Issue>& issues);
Failure invalidFailure(ErrorCode code, std::vector<Issue> issues);

}  // namespace kyc::wasm
