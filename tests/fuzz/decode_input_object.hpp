#pragma once
// Turns fuzz bytes into the InputObject the wasm layer would build from a JS value: plain or not, keys
// (mostly real ones and near misses, so the validators' deep paths are reached), and values of every
// JS kind, with numbers biased towards the edges (NaN, +-Infinity, -0, limits +-1, fractions).

#include <fuzzer/FuzzedDataProvider.h>

#include <cmath>
#include <limits>
#include <string>

#include "core/input.hpp"

namespace kyc::fuzz {

// Any string containing this marks a value as secret: no issue message may quote it.
inline constexpr const char* kSecretMarker = "s3cr3t";

inline const char* const kKeys[] = {
    // request
    "workflowId", "applicationId", "expiryTime", "redirectUrl", "redirect_url",
    // client options and call options
    "baseUrl", "token", "getToken", "clientId", "clientSecret", "timeoutMs", "maxRetries", "tokenEndpoint",
    "signal",
    // near misses and aliases
    "workflowID", "workflow_id", "redirectURL", "expiry", "redirect", "applicationID", "baseURL", "timeout"};

inline const char* const kTypeNames[] = {"object", "array", "function", "symbol", "bigint", "undefined",
                                         "null", "string", "number", "Date"};

inline double decodeNumber(FuzzedDataProvider& data) {
  static const double kEdges[] = {std::numeric_limits<double>::quiet_NaN(),
                                  std::numeric_limits<double>::infinity(),
                                  -std::numeric_limits<double>::infinity(),
                                  -0.0, 0, 0.5, 1, 2, 10, 11, -1, 525600, 525600.5, 525601, 600000, 600001,
                                  1e21, -1e21, 9007199254740993.0, 1.7976931348623157e308, 5e-324,
                                  static_cast<double>(std::numeric_limits<long>::max()),
                                  static_cast<double>(std::numeric_limits<int>::max()) + 1};
  if (data.ConsumeBool()) return data.PickValueInArray(kEdges);
  return data.ConsumeFloatingPoint<double>();
}

inline std::string decodeText(FuzzedDataProvider& data) {
  std::string text = data.ConsumeRandomLengthString(300);
  if (data.ConsumeBool()) text.insert(text.size() / 2, kSecretMarker);
  return text;
}

inline InputValue decodeValue(FuzzedDataProvider& data) {
  InputValue value;
  value.kind = static_cast<ValueKind>(data.ConsumeIntegralInRange(0, static_cast<int>(ValueKind::Object)));
  switch (value.kind) {
    case ValueKind::Boolean: value.boolean = data.ConsumeBool(); break;
    case ValueKind::Number: value.number = decodeNumber(data); break;
    case ValueKind::String: value.text = decodeText(data); break;
    case ValueKind::Object: value.typeName = data.PickValueInArray(kTypeNames); break;
    default: break;
  }
  return value;
}

inline std::string decodeKey(FuzzedDataProvider& data) {
  if (data.ConsumeIntegralInRange(0, 3) != 0) return data.PickValueInArray(kKeys);
  return data.ConsumeRandomLengthString(80);
}

inline InputObject decodeInputObject(FuzzedDataProvider& data) {
  InputObject object;
  object.isPlainObject = data.ConsumeIntegralInRange(0, 15) != 0;
  if (!object.isPlainObject) object.typeName = data.PickValueInArray(kTypeNames);
  const size_t fieldCount = data.ConsumeIntegralInRange<size_t>(0, 12);
  for (size_t i = 0; i < fieldCount && data.remaining_bytes() > 0; ++i) {
    std::string key = decodeKey(data);
    object.fields.emplace_back(std::move(key), decodeValue(data));
  }
  return object;
}

}  // namespace kyc::fuzz
