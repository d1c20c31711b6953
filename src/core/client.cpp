#include "client.hpp"

#include <utility>

#include "http_failure.hpp"
#include "redact.hpp"

namespace kyc {
namespace {

constexpr const char* kLinkPath = "/kycverify/api/kycverify/kyc-verify-link";

Failure abortedFailure() {
  Failure failure;
  failure.code = ErrorCode::Aborted;
  failure.message = "the call was aborted";
  return failure;
}

// A request that timed out may still have made a link, and FACEKI has no idempotency key: retried only
// when the caller opted in with retryTimeouts.
Failure timeoutFailure(double timeoutMs, bool retryTimeouts) {
  Failure failure;
  failure.code = ErrorCode::Timeout;
  failure.retryable = retryTimeouts;
  failure.message = "FACEKI did not answer within " + std::to_string(static_cast<long>(timeoutMs)) + " ms";
  if (!retryTimeouts) failure.message += " (not retried: the link may have been created)";
  return failure;
}

}  // namespace

struct Client::Call {
  HandleId id;
  KycLinkRequest payload;
  double timeoutMs;
  RetryPolicy retry;
  Completion done;                      // a link call
  TokenCompletion tokenDone;            // a token-only call (getAccessToken): ends once it has the token
  std::optional<RecordsQuery> records;  // a records call, with recordsDone
  RecordsCompletion recordsDone;
  int attempts = 0;     // link requests sent
  int retriesUsed = 0;  // of retry.maxRetries
  bool refreshedAfter401 = false;
  std::string token;  // the token the request in flight carries
  HandleId tokenWaiter = 0;
  std::optional<HandleId> inFlight;  // link request in flight
  std::optional<HandleId> timer;     // attempt timeout or backoff
};

Client::Client(ClientConfig config, Environment env)
    : config_(std::move(config)), env_(std::move(env)), tokens_(config_, env_) {}

Client::~Client() {
  // No promise may be left pending: every call still running ends now.
  while (!calls_.empty()) {
    Failure closed = abortedFailure();
    closed.message = "the client was closed before the call ended";
    settle(calls_.begin()->first, LinkResult{std::nullopt, std::move(closed)});
  }
}

HandleId Client::generateKycLink(KycLinkRequest request, CallOptions options, Completion done) {
  auto call = std::make_unique<Call>();
  call->payload = std::move(request);
  call->done = std::move(done);
  return start(options, std::move(call));
}

HandleId Client::getVerifications(RecordsQuery query, CallOptions options, RecordsCompletion done) {
  auto call = std::make_unique<Call>();
  call->records = std::move(query);
  call->recordsDone = std::move(done);
  return start(options, std::move(call));
}

HandleId Client::getAccessToken(CallOptions options, TokenCompletion done) {
  auto call = std::make_unique<Call>();
  call->tokenDone = std::move(done);
  return start(options, std::move(call));
}

HandleId Client::start(CallOptions options, std::unique_ptr<Call> call) {
  HandleId id = nextCallId_++;
  call->id = id;
  call->timeoutMs = options.timeoutMs.value_or(config_.timeoutMs);
  call->retry.maxRetries = options.maxRetries.value_or(config_.maxRetries);
  Call& started = *call;
  calls_.emplace(id, std::move(call));
  acquireToken(started);
  return id;
}

void Client::abort(HandleId id) {
  if (calls_.count(id)) settle(id, LinkResult{std::nullopt, abortedFailure()});
}

void Client::acquireToken(Call& call) {
  HandleId id = call.id;
  HandleId waiter = tokens_.acquire([this, id](std::optional<std::string> token, std::optional<Failure> failure) {
    onToken(id, std::move(token), std::move(failure));
  });
  // A cached token answers inside acquire(), and the call may have moved on (or ended) since.
  auto it = calls_.find(id);
  if (it != calls_.end() && waiter != 0) it->second->tokenWaiter = waiter;
}

void Client::onToken(HandleId id, std::optional<std::string> token, std::optional<Failure> failure) {
  auto it = calls_.find(id);
  if (it == calls_.end()) return;
  Call& call = *it->second;
  call.tokenWaiter = 0;
  if (failure) {
    // A token request that failed for a passing reason (FACEKI busy, the network) is tried again within
    // the call's retry budget: it cannot have made a link.
    if (shouldRetry(*failure, call.retriesUsed + 1, call.retry)) return scheduleRetry(call, *failure);
    return settle(id, LinkResult{std::nullopt, std::move(failure)});
  }
  if (call.tokenDone) {
    // A cached token answers inside acquire(), and `done` must not run before getAccessToken returns.
    call.timer = env_.timers.start(0, [this, id, token = *token] {
      auto it = calls_.find(id);
      if (it == calls_.end()) return;
      it->second->timer.reset();
      settleWithToken(id, token);
    });
    return;
  }
  send(call, *token);
}

void Client::send(Call& call, const std::string& token) {
  HttpRequest request;
  if (call.records) {
    request.method = "GET";
    request.url = config_.baseUrl + recordsPath(*call.records);
    request.headers = {{"Authorization", "Bearer " + token}, {"Accept", "application/json"}};
  } else {
    request.method = "POST";
    request.url = config_.baseUrl + kLinkPath;
    request.headers = {
        {"Authorization", "Bearer " + token}, {"Content-Type", "application/json"}, {"Accept", "application/json"}};
    request.body = toWireJson(call.payload);
  }
  request.maxResponseBytes = config_.maxResponseBytes;
  call.token = token;
  call.attempts++;
  HandleId id = call.id;
  call.inFlight =
      env_.transport.send(request, [this, id](const HttpResponse& response) { onAttemptEnded(id, response); });
  double timeoutMs = call.timeoutMs;
  call.timer = env_.timers.start(timeoutMs, [this, id] {
    auto it = calls_.find(id);
    if (it == calls_.end()) return;
    Call& timedOut = *it->second;
    timedOut.timer.reset();
    if (timedOut.inFlight) env_.transport.cancel(*timedOut.inFlight);
    timedOut.inFlight.reset();
    HttpResponse response;
    response.outcome = TransportOutcome::Timeout;
    onAttemptEnded(id, response);
  });
}

void Client::onAttemptEnded(HandleId id, const HttpResponse& response) {
  auto it = calls_.find(id);
  if (it == calls_.end()) return;
  Call& call = *it->second;
  call.inFlight.reset();
  if (call.timer) env_.timers.cancel(*call.timer);
  call.timer.reset();

  LinkResult result;
  if (call.records) {
    RecordsResult records = classifyRecordsResponse(response, env_.nowEpochMs());
    if (records.records) return settleWithRecords(id, std::move(records));
    result.failure = std::move(records.failure);
  } else {
    result = classifyLinkResponse(response, env_.nowEpochMs());
    if (result.link) return settle(id, std::move(result));
  }
  Failure& failure = *result.failure;
  failure.requestId = usableRequestId(response.requestId);
  // A GET changes nothing on FACEKI's side: sending it again after a timeout is always safe.
  const bool retryTimeouts = call.records || config_.retryTimeouts;
  if (response.outcome == TransportOutcome::Timeout) failure = timeoutFailure(call.timeoutMs, retryTimeouts);

  // An expired or revoked token is not the caller's fault: get a new one and send once more.
  if (failure.code == ErrorCode::Unauthorized && !call.refreshedAfter401 && tokens_.canRefresh()) {
    call.refreshedAfter401 = true;
    tokens_.invalidate(call.token);
    return acquireToken(call);
  }
  if (shouldRetry(failure, call.retriesUsed + 1, call.retry)) return scheduleRetry(call, failure);
  settle(id, std::move(result));
}

void Client::scheduleRetry(Call& call, const Failure& failure) {
  call.retriesUsed++;
  double delayMs = backoffDelayMs(call.retriesUsed, env_.random01(), failure.retryAfterMs, call.retry);
  HandleId id = call.id;
  call.timer = env_.timers.start(delayMs, [this, id] {
    auto it = calls_.find(id);
    if (it == calls_.end()) return;
    it->second->timer.reset();
    acquireToken(*it->second);  // the cached token may have expired during the wait
  });
}

void Client::stopActivity(Call& call) {
  if (call.inFlight) env_.transport.cancel(*call.inFlight);
  if (call.timer) env_.timers.cancel(*call.timer);
  if (call.tokenWaiter) tokens_.release(call.tokenWaiter);
  call.inFlight.reset();
  call.timer.reset();
  call.tokenWaiter = 0;
}

std::unique_ptr<Client::Call> Client::detach(HandleId id) {
  auto it = calls_.find(id);
  if (it == calls_.end()) return nullptr;
  std::unique_ptr<Call> call = std::move(it->second);
  calls_.erase(it);  // before calling back: the callback may start or abort calls
  stopActivity(*call);
  return call;
}

void Client::settle(HandleId id, LinkResult result) {
  std::unique_ptr<Call> call = detach(id);
  if (!call) return;
  if (result.failure) {
    result.failure->attempts = call->attempts;
    result.failure->message = redact(result.failure->message, *call);
  }
  if (call->tokenDone)
    call->tokenDone(std::nullopt, std::move(result.failure));
  else if (call->recordsDone)
    call->recordsDone(RecordsResult{std::nullopt, std::move(result.failure), {}});
  else
    call->done(std::move(result));
}

void Client::settleWithRecords(HandleId id, RecordsResult records) {
  std::unique_ptr<Call> call = detach(id);
  if (call) call->recordsDone(std::move(records));
}

void Client::settleWithToken(HandleId id, const std::string& token) {
  std::unique_ptr<Call> call = detach(id);
  if (call) call->tokenDone(token, std::nullopt);
}

std::string Client::redact(const std::string& message, const Call& call) const {
  // Core messages never include secrets, but a server's own words are quoted; a hostile or buggy
  // server could echo one back. A records query's value (a link ID is a bearer secret) counts as one.
  std::vector<std::string> secrets = tokens_.secrets();
  if (call.records) secrets.push_back(call.records->value);
  return redactSecrets(message, secrets);
}

}  // namespace kyc
