#include "token_source.hpp"

#include <algorithm>
#include <utility>

#include "http_failure.hpp"

namespace kyc {
namespace {

constexpr const char* kGenerateTokenPath = "/auth/api/generate-token";
constexpr const char* kAccessTokenPath = "/auth/api/access-token";

// A token that lives only seconds (sandboxes, tests) would never count as fresh with the usual 60 s
// margin; such a token is refreshed after half its life instead.
double refreshMarginMs(const AccessToken& token, double nowMs) {
  return std::min(kTokenRefreshMarginMs, std::max(0.0, (token.expiresAtMs - nowMs) / 2));
}

}  // namespace

TokenSource::TokenSource(const ClientConfig& config, Environment& env)
    : config_(config), env_(env), endpoint_(config.tokenEndpoint) {
  if (config_.credentials == CredentialKind::StaticToken) seenTokens_.push_back(config_.token);
}

TokenSource::~TokenSource() {
  if (request_) env_.transport.cancel(*request_);
  if (timer_) env_.timers.cancel(*timer_);
}

void TokenSource::rememberSecret(const std::string& token) {
  // Only recent tokens can turn up in an answer; keeping a few bounds memory for long-lived clients.
  constexpr size_t kRemembered = 4;
  if (seenTokens_.size() == kRemembered) seenTokens_.erase(seenTokens_.begin());
  seenTokens_.push_back(token);
}

bool TokenSource::canRefresh() const { return config_.credentials != CredentialKind::StaticToken; }

std::vector<std::string> TokenSource::secrets() const {
  std::vector<std::string> all = seenTokens_;
  if (!config_.clientSecret.empty()) all.push_back(config_.clientSecret);
  return all;
}

HandleId TokenSource::acquire(Waiter waiter) {
  if (config_.credentials == CredentialKind::StaticToken) {
    waiter(config_.token, std::nullopt);
    return 0;
  }
  double now = env_.nowEpochMs();
  if (cached_ && tokenIsFresh(*cached_, now, refreshMarginMs_)) {
    waiter(cached_->value, std::nullopt);
    return 0;
  }
  HandleId id = nextWaiterId_++;
  waiters_.emplace(id, std::move(waiter));
  if (!fetching_) startFetch();
  return waiters_.count(id) ? id : 0;  // a getToken may answer synchronously
}

void TokenSource::release(HandleId waiter) { waiters_.erase(waiter); }

void TokenSource::invalidate(const std::string& token) {
  if (!cached_ || cached_->value != token) return;  // already replaced by a newer token
  cached_.reset();
  rejected_ = token;
}

void TokenSource::startFetch() {
  fetching_ = true;
  HandleId generation = ++fetchGeneration_;
  timer_ = env_.timers.start(config_.timeoutMs, [this, generation] {
    if (generation == fetchGeneration_) onFetchTimeout();
  });
  if (config_.credentials == CredentialKind::TokenProvider) {
    std::optional<std::string> rejected = std::exchange(rejected_, std::nullopt);
    env_.tokenProvider->requestToken(
        rejected, [this, generation](std::optional<std::string> token, const std::optional<Failure>& failure) {
          if (generation == fetchGeneration_ && fetching_) onProviderAnswer(std::move(token), failure);
        });
    return;
  }
  fetchFromEndpoint(endpoint_ == TokenEndpoint::AccessToken ? TokenEndpoint::AccessToken
                                                            : TokenEndpoint::GenerateToken);
}

void TokenSource::fetchFromEndpoint(TokenEndpoint endpoint) {
  HttpRequest request;
  request.headers = {{"Accept", "application/json"}};
  if (endpoint == TokenEndpoint::AccessToken) {
    // FACEKI's older form: the secret travels in the query string. Used only when the POST form is
    // missing or forced, since URLs end up in proxy logs.
    request.method = "GET";
    request.url = config_.baseUrl + kAccessTokenPath + "?" + accessTokenQuery(config_.clientId, config_.clientSecret);
  } else {
    request.method = "POST";
    request.url = config_.baseUrl + kGenerateTokenPath;
    request.headers.emplace_back("Content-Type", "application/json");
    request.body = generateTokenBody(config_.clientId, config_.clientSecret);
  }
  HandleId generation = fetchGeneration_;
  request.maxResponseBytes = config_.maxResponseBytes;
  request_ = env_.transport.send(request, [this, endpoint, generation](const HttpResponse& response) {
    if (generation != fetchGeneration_ || !fetching_) return;
    request_.reset();
    onEndpointResponse(endpoint, response);
  });
}

void TokenSource::onEndpointResponse(TokenEndpoint endpoint, const HttpResponse& response) {
  TokenResult result = parseTokenResponse(response, env_.nowEpochMs());
  if (result.failure) result.failure->requestId = usableRequestId(response.requestId);
  const bool probing = endpoint_ == TokenEndpoint::Auto && endpoint == TokenEndpoint::GenerateToken;
  if (result.failure && probing && tokenEndpointMissing(response)) {
    // Not remembered yet: only a token from access-token settles the choice (below), so one odd 404
    // (a proxy, a wrong path in baseUrl) does not move the secret into query strings for good.
    fetchFromEndpoint(TokenEndpoint::AccessToken);
    return;
  }
  if (result.failure && probing && (response.status == 404 || response.status == 405)) {
    result.failure->message += " (a FACEKI answer: no fallback; set tokenEndpoint: 'access-token' if need be)";
  }
  if (result.token && endpoint_ == TokenEndpoint::Auto) endpoint_ = endpoint;
  finishFetch(std::move(result.token), result.failure);
}

void TokenSource::onProviderAnswer(std::optional<std::string> token, const std::optional<Failure>& failure) {
  if (failure) return finishFetch(std::nullopt, failure);
  // The caller's own mistake, not FACEKI's answer: INVALID_CONFIG, never retried, nothing sent.
  if (const auto problem = bearerTokenProblem(*token)) {
    Failure invalid;
    invalid.code = ErrorCode::InvalidConfig;
    invalid.message = "getToken resolved to a token that " + *problem;
    return finishFetch(std::nullopt, invalid);
  }
  // A JWT from getToken is reused until shortly before its exp; anything else is used for the calls
  // waiting now, and getToken is asked again for the next call.
  std::optional<double> exp = jwtExpirySeconds(*token);
  finishFetch(AccessToken{std::move(*token), exp ? *exp * 1000 : 0}, std::nullopt);
}

void TokenSource::onFetchTimeout() {
  timer_.reset();
  if (request_) env_.transport.cancel(*request_);
  request_.reset();
  const std::string timeoutMs = std::to_string(static_cast<long>(config_.timeoutMs));
  Failure failure;
  failure.code = ErrorCode::Timeout;
  if (config_.credentials == CredentialKind::TokenProvider) {
    failure.message = "getToken did not settle within " + timeoutMs + " ms";
  } else {
    failure.message = "token request failed: no answer within " + timeoutMs + " ms";
    failure.retryable = true;  // unlike a link request, a token request sent again makes no duplicate
  }
  finishFetch(std::nullopt, std::move(failure));
}

void TokenSource::finishFetch(std::optional<AccessToken> token, const std::optional<Failure>& failure) {
  fetching_ = false;
  ++fetchGeneration_;  // whatever of this fetch is still on its way is now stale
  if (timer_) env_.timers.cancel(*timer_);
  timer_.reset();
  if (token) {
    rememberSecret(token->value);
    refreshMarginMs_ = refreshMarginMs(*token, env_.nowEpochMs());
    cached_ = token;
  }
  // Waiters may start new calls from their callbacks: answer a detached copy.
  std::map<HandleId, Waiter> waiting;
  waiting.swap(waiters_);
  for (auto& [id, waiter] : waiting) {
    if (token)
      waiter(token->value, std::nullopt);
    else
      waiter(std::nullopt, failure);
  }
}

}  // namespace kyc
