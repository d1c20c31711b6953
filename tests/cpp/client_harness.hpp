#pragma once
// A Client over the fake environment, with what the client tests share: configs, canned answers, and
// the results of link calls and token-only calls.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/client.hpp"
#include "fake_environment.hpp"

namespace kyc::test {

inline const std::string kLinkOk = R"({"responseCode":0,"data":"link-1","url":"https://apps.test/kycverify/link-1"})";
inline const std::string kLinkPath = "/kycverify/api/kycverify/kyc-verify-link";

inline std::string tokenOk(const std::string& token, int expiresIn = 3600) {
  return R"({"responseCode":0,"data":{"access_token":")" + token + R"(","expires_in":)" + std::to_string(expiresIn) +
         R"(,"token_type":"Bearer"}})";
}

inline ClientConfig staticTokenConfig() {
  ClientConfig config;
  config.baseUrl = "https://api.test";
  config.credentials = CredentialKind::StaticToken;
  config.token = "static-token";
  return config;
}

inline ClientConfig credentialsConfig() {
  ClientConfig config = staticTokenConfig();
  config.credentials = CredentialKind::ClientCredentials;
  config.token.clear();
  config.clientId = "client-id";
  config.clientSecret = "top-secret";
  return config;
}

struct Harness {
  FakeTransport transport;
  FakeTimers timers;
  FakeTokenProvider provider;
  double random = 0.5;
  std::vector<LinkResult> results;
  std::unique_ptr<Client> client;

  explicit Harness(ClientConfig config) {
    Environment env{transport, timers, [this] { return timers.now; }, [this] { return random; }, &provider};
    client = std::make_unique<Client>(std::move(config), env);
  }

  HandleId call(CallOptions options = {}) {
    KycLinkRequest request;
    request.workflowId = "wf-1";
    request.applicationId = "user-1";
    return client->generateKycLink(request, options,
                                   [this](LinkResult result) { results.push_back(std::move(result)); });
  }

  const Failure& failure(size_t index = 0) const { return *results.at(index).failure; }

  struct TokenOutcome {
    std::optional<std::string> token;
    std::optional<Failure> failure;
  };
  std::vector<TokenOutcome> tokenResults;

  HandleId accessToken(CallOptions options = {}) {
    return client->getAccessToken(options, [this](std::optional<std::string> token, std::optional<Failure> failure) {
      tokenResults.push_back({std::move(token), std::move(failure)});
    });
  }
};

inline std::string header(const HttpRequest& request, const std::string& name) {
  for (const auto& [key, value] : request.headers)
    if (key == name) return value;
  return "<absent>";
}

}  // namespace kyc::test
