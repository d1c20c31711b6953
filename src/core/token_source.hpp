#pragma once
// Where the pipeline gets its bearer token: a static token, the caller's getToken, or FACEKI's token
// endpoints with client credentials. Concurrent callers share one fetch (FACEKI bills token requests).

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config.hpp"
#include "environment.hpp"
#include "token.hpp"

namespace kyc {

class TokenSource {
 public:
  using Waiter = TokenProvider::Done;

  TokenSource(const ClientConfig& config, Environment& env);
  ~TokenSource();  // cancels a fetch in flight; waiters are not called
  TokenSource(const TokenSource&) = delete;
  TokenSource& operator=(const TokenSource&) = delete;

  // Answers with a fresh token: at once when one is cached, else when the shared fetch ends. Returns an
  // id for release(), or 0 when the waiter was already answered.
  HandleId acquire(Waiter waiter);
  // The waiter's call was aborted: it is not answered. The shared fetch goes on for the others.
  void release(HandleId waiter);
  // Whether a rejected token can be replaced (false for a static token).
  bool canRefresh() const;
  // The server refused `token`: forget it, so the next acquire fetches a new one.
  void invalidate(const std::string& token);
  // Every secret this source has seen, for redacting messages.
  std::vector<std::string> secrets() const;

 private:
  void rememberSecret(const std::string& token);
  void startFetch();
  void fetchFromEndpoint(TokenEndpoint endpoint);
  void onEndpointResponse(TokenEndpoint endpoint, const HttpResponse& response);
  void onProviderAnswer(std::optional<std::string> token, const std::optional<Failure>& failure);
  void onFetchTimeout();
  void finishFetch(std::optional<AccessToken> token, const std::optional<Failure>& failure);

  const ClientConfig& config_;
  Environment& env_;
  std::optional<AccessToken> cached_;
  std::optional<std::string> rejected_;  // refused by the server; told to the provider's next fetch
  double refreshMarginMs_ = kTokenRefreshMarginMs;
  std::vector<std::string> seenTokens_;
  TokenEndpoint endpoint_;  // Auto until the first answer shows which endpoint FACEKI serves

  std::map<HandleId, Waiter> waiters_;
  HandleId nextWaiterId_ = 1;
  bool fetching_ = false;
  HandleId fetchGeneration_ = 0;  // tells a late answer of an abandoned fetch from the current one
  std::optional<HandleId> request_;
  std::optional<HandleId> timer_;
};

}  // namespace kyc
