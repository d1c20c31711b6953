// kycFacts(): the codes and limits the C++ core defines, for the JS side to read or be tested against
// (tests/js/one-source.test.mjs), so no other file has to repeat them unchecked.

#include <emscripten/bind.h>

#include "core/codes.hpp"
#include "core/errors.hpp"
#include "core/http.hpp"
#include "core/request.hpp"
#include "core/url.hpp"

using emscripten::val;

namespace {

val kycFacts() {
  val errorCodes = val::array();
  for (int code = 0; code <= static_cast<int>(kyc::kLastErrorCode); ++code) {
    errorCodes.call<void>("push", std::string(kyc::errorCodeName(static_cast<kyc::ErrorCode>(code))));
  }
  val reasons = val::array();
  for (const std::string& name : kyc::facekiReasonNames()) reasons.call<void>("push", name);

  val limits = val::object();
  limits.set("maxIdLength", kyc::kMaxIdLength);
  limits.set("maxExpiryMinutes", static_cast<double>(kyc::kMaxExpiryMinutes));
  limits.set("maxUrlLength", static_cast<double>(kyc::kMaxUrlLength));
  limits.set("smallestMaxResponseBytes", static_cast<double>(kyc::kSmallestMaxResponseBytes));
  limits.set("largestMaxResponseBytes", static_cast<double>(kyc::kLargestMaxResponseBytes));
  limits.set("defaultMaxResponseBytes", static_cast<double>(kyc::kDefaultMaxResponseBytes));

  val facts = val::object();
  facts.set("errorCodes", errorCodes);
  facts.set("reasons", reasons);
  facts.set("limits", limits);
  return facts;
}

}  // namespace

EMSCRIPTEN_BINDINGS(faceki_kyc_link_facts) { emscripten::function("kycFacts", &kycFacts); }
