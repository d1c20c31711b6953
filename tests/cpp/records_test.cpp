// The records endpoint: the query's rules and path, every shape of its answer, and the client's GET.

#include <catch2/catch.hpp>

#include "client_harness.hpp"
#include "core/records.hpp"
#include "core/records_query.hpp"
#include "http_builders.hpp"
#include "input_builders.hpp"

using namespace kyc;
using namespace kyc::test;
using Catch::Matchers::Contains;

namespace {

constexpr double kNow = 1700000000000;
const std::string kLinkId = "4a7c8f2e-1111-2222-3333-444455556666";

std::string envelope(const std::string& result) {
  return R"({"status":true,"code":200,"message":"OK","appVersion":"v3.0.0","result":)" + result + "}";
}

const std::string kRecord = R"({"link":")" + kLinkId +
                            R"(","record_identifier":"user-7","requestId":"req-1","document_data":[{"reference":"r",
  "full_name":"JANE Q SAMPLE","document_type":"passport","passed":true}],"extra":{"nested":[1,2]}})";

Failure failureOf(const std::string& body, int status = 200) {
  const RecordsResult result = classifyRecordsResponse(answer(status, body), kNow);
  REQUIRE(result.failure);
  CHECK_FALSE(result.records);
  return *result.failure;
}

}  // namespace

TEST_CASE("a records query is exactly one identifier, under FACEKI's key") {
  auto link = validateRecordsQuery(obj({{"link", str(kLinkId)}}));
  REQUIRE(link.query);
  CHECK(recordsPath(*link.query) == "/kycverify/api/kycverify/records?link=" + kLinkId);
  auto application = validateRecordsQuery(obj({{"applicationId", str("user 7/ä&=")}, {"link", null()}}));
  REQUIRE(application.query);
  CHECK(recordsPath(*application.query) ==
        "/kycverify/api/kycverify/records?record_identifier=user%207%2F%C3%A4%26%3D");
  auto request = validateRecordsQuery(obj({{"requestId", str("req-1")}}));
  REQUIRE(request.query);
  CHECK(request.query->wireKey == "requestId");

  CHECK_THAT(messages(validateRecordsQuery(obj({})).issues).at(0), Contains("needs one of"));
  CHECK_THAT(messages(validateRecordsQuery(obj({{"link", str("a")}, {"requestId", str("b")}})).issues).at(0),
             Contains("exactly one"));
  CHECK_THAT(messages(validateRecordsQuery(obj({{"link", str(" a")}})).issues).at(0), Contains("whitespace"));
  CHECK_THAT(messages(validateRecordsQuery(obj({{"link", num(3)}})).issues).at(0), Contains("must be a string"));
  CHECK_THAT(messages(validateRecordsQuery(obj({{"link", str(std::string(129, 'a'))}})).issues).at(0),
             Contains("at most 128"));
  CHECK_THAT(messages(validateRecordsQuery(obj({{"linkId", str("a")}})).issues).at(0), Contains("did you mean"));
  CHECK_FALSE(validateRecordsQuery(notPlain("array")).query);
}

TEST_CASE("a records answer becomes records; status only from a documented word") {
  const RecordsResult result = classifyRecordsResponse(answer(200, envelope("[" + kRecord + "]")), kNow);
  REQUIRE(result.records);
  REQUIRE(result.records->size() == 1);
  const VerificationRecord& record = result.records->front();
  CHECK(record.linkId == kLinkId);
  CHECK(record.applicationId == "user-7");
  CHECK(record.requestId == "req-1");
  CHECK(record.status == VerificationStatus::Unknown);  // no decision field is documented on a record
  CHECK(record.fullName == "JANE Q SAMPLE");            // the first document's full_name
  CHECK(result.body == envelope("[" + kRecord + "]"));  // for the skin's raw records

  for (const auto& [word, status] :
       std::vector<std::pair<std::string, VerificationStatus>>{{"ACCEPTED", VerificationStatus::Accepted},
                                                               {"DECLINED", VerificationStatus::Declined},
                                                               {"REVIEW", VerificationStatus::Review},
                                                               {"accepted", VerificationStatus::Unknown},
                                                               {"APPROVED", VerificationStatus::Unknown}}) {
    const auto one = classifyRecordsResponse(answer(200, envelope(R"([{"status":")" + word + R"("}])")), kNow);
    REQUIRE(one.records);
    CHECK(one.records->front().status == status);
    CHECK_FALSE(one.records->front().linkId);
  }
  const auto named = classifyRecordsResponse(answer(200, envelope(R"([{"fullName":"A","document_data":null}])")), kNow);
  REQUIRE(named.records);
  CHECK(named.records->front().fullName == "A");
}

TEST_CASE("nothing submitted yet: an empty result, or FACEKI's data-not-found, is no records") {
  const auto empty = classifyRecordsResponse(answer(200, envelope("[]")), kNow);
  REQUIRE(empty.records);
  CHECK(empty.records->empty());
  const auto notFound = classifyRecordsResponse(answer(200, R"({"status":false,"code":8013,"message":"x"})"), kNow);
  REQUIRE(notFound.records);
  CHECK(notFound.records->empty());
}

TEST_CASE("every bad records shape is BAD_RESPONSE, and no message quotes the body") {
  const std::vector<std::string> bad = {
      "",
      "not json",
      "[]",
      R"({"status":"true","result":[]})",
      R"({"result":[]})",
      R"({"status":true})",
      R"({"status":true,"result":{}})",
      R"({"status":true,"result":null})",
      R"({"status":false})",
      R"({"status":false,"code":"8013"})",
      envelope(R"([1])"),
      envelope(R"([[]])"),
      envelope(R"([{"requestId":7}])"),
      envelope(R"([{"link":{"id":")" + kLinkId + R"("}}])"),
      envelope(R"([{"record_identifier":false}])"),
      envelope(R"([{"status":1}])"),
      envelope(R"([{"fullName":["JANE"]}])"),
      envelope(R"([{"full_name":1}])"),
      envelope(R"([{"document_data":{}}])"),
      envelope(R"([{"document_data":["JANE"]}])"),
      envelope(R"([{"document_data":[{"full_name":2}]}])"),
      envelope(R"([{"link":")" + kLinkId + R"("},"JANE"])"),
  };
  for (const std::string& body : bad) {
    INFO(body);
    const Failure failure = failureOf(body);
    CHECK(failure.code == ErrorCode::BadResponse);
    CHECK_FALSE(failure.retryable);
    CHECK(failure.status == 200);
    CHECK_THAT(failure.message, !Contains(kLinkId) && !Contains("JANE"));
  }
  CHECK_THAT(failureOf(envelope(R"([{},{"requestId":1}])")).message, Contains("record 1"));
  CHECK(failureOf(envelope("7")).message ==
        "FACEKI answered the records request with HTTP 200 but the body has no result array");
}

TEST_CASE("more records than the cap is BAD_RESPONSE") {
  std::string many = "[";
  for (size_t i = 0; i <= kMaxRecords; ++i) many += i ? ",{}" : "{}";
  many += "]";
  CHECK_THAT(failureOf(envelope(many)).message, Contains("more than"));
}

TEST_CASE("status false is API_ERROR with FACEKI's code, the server's words left out") {
  const Failure failure = failureOf(R"({"status":false,"code":8014,"message":"link )" + kLinkId + R"( invalid"})");
  CHECK(failure.code == ErrorCode::ApiError);
  CHECK(failure.responseCode == 8014);
  CHECK(failure.reason == "INVALID_LINK");
  CHECK_THAT(failure.message, !Contains(kLinkId));
}

TEST_CASE("records HTTP failures are classified like the link call's") {
  CHECK(failureOf("{}", 401).code == ErrorCode::Unauthorized);
  CHECK(failureOf("{}", 429).code == ErrorCode::RateLimited);
  CHECK(failureOf("{}", 503).retryable);
  CHECK(failureOf("{}", 404).code == ErrorCode::HttpError);
  const auto network = classifyRecordsResponse(outcome(TransportOutcome::NetworkError), kNow);
  CHECK(network.failure->code == ErrorCode::NetworkError);
}

namespace {

struct RecordsHarness : Harness {
  std::vector<RecordsResult> records;
  using Harness::Harness;
  HandleId lookup(CallOptions options = {}) {
    return client->getVerifications(RecordsQuery{"link", kLinkId}, options,
                                    [this](RecordsResult result) { records.push_back(std::move(result)); });
  }
};

}  // namespace

TEST_CASE("getVerifications sends a GET with the bearer token and settles with the records") {
  RecordsHarness h(staticTokenConfig());
  h.lookup();
  REQUIRE(h.transport.openCount() == 1);
  const HttpRequest& sent = h.transport.oldestOpen();
  CHECK(sent.method == "GET");
  CHECK(sent.url == "https://api.test/kycverify/api/kycverify/records?link=" + kLinkId);
  CHECK(header(sent, "Authorization") == "Bearer static-token");
  CHECK(header(sent, "Content-Type") == "<absent>");
  CHECK(sent.body.empty());
  h.transport.answer(200, envelope("[" + kRecord + "]"));
  REQUIRE(h.records.size() == 1);
  REQUIRE(h.records[0].records);
  CHECK(h.records[0].records->size() == 1);
  CHECK(h.client->pendingCalls() == 0);
  CHECK(h.timers.pendingCount() == 0);
}

TEST_CASE("getVerifications retries a timed-out GET, and refreshes the token after a 401") {
  ClientConfig config = credentialsConfig();
  config.timeoutMs = 1000;
  RecordsHarness h(config);
  h.lookup();
  h.transport.answer(200, tokenOk("tok-1"));
  REQUIRE(h.transport.openCount() == 1);
  h.timers.advance(1000);  // the GET times out: safe to send again
  CHECK(h.records.empty());
  h.timers.advance(500);
  REQUIRE(h.transport.openCount() == 1);
  h.transport.answer(401, "{}");
  h.transport.answer(200, tokenOk("tok-2"));
  REQUIRE(h.transport.openCount() == 1);
  CHECK(header(h.transport.oldestOpen(), "Authorization") == "Bearer tok-2");
  h.transport.answer(200, envelope("[]"));
  REQUIRE(h.records.size() == 1);
  REQUIRE(h.records[0].records);
  CHECK(h.records[0].records->empty());
}

TEST_CASE("a records failure redacts the queried link ID from the server's words") {
  RecordsHarness h(staticTokenConfig());
  CallOptions options;
  options.maxRetries = 0;
  h.lookup(options);
  h.transport.answer(500, R"({"message":"no such link )" + kLinkId + R"("})");
  REQUIRE(h.records.size() == 1);
  REQUIRE(h.records[0].failure);
  CHECK(h.records[0].failure->code == ErrorCode::HttpError);
  CHECK_THAT(h.records[0].failure->message, !Contains(kLinkId) && Contains("[redacted]"));
}

TEST_CASE("abort ends a records call at once") {
  RecordsHarness h(staticTokenConfig());
  HandleId id = h.lookup();
  h.client->abort(id);
  REQUIRE(h.records.size() == 1);
  CHECK(h.records[0].failure->code == ErrorCode::Aborted);
  CHECK(h.transport.cancelled.size() == 1);
}
