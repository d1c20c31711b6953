#pragma once
// The client pipeline: token -> request (the link POST or the records GET) -> classify -> retry or
// settle. Every call ends exactly once: with its result, a failure, a timeout or an abort.

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "config.hpp"
#include "environment.hpp"
#include "records.hpp"
#include "records_query.hpp"
#include "request.hpp"
#include "response.hpp"
#include "retry.hpp"
#include "token_source.hpp"

namespace kyc {

class Client {
 public:
  using Completion = std::function<void(LinkResult)>;
  using TokenCompletion = TokenProvider::Done;  // a token, or a failure
  using RecordsCompletion = std::function<void(RecordsResult)>;

  Client(ClientConfig config, Environment env);
  ~Client();  // ends every call still running with Aborted
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  // Starts a call; `done` runs exactly once, never before this returns. Returns the id for abort().
  HandleId generateKycLink(KycLinkRequest request, CallOptions options, Completion done);
  // The verification records matching query (GET, so a timed-out attempt is retried too); same ending
  // rules as a link call.
  HandleId getVerifications(RecordsQuery query, CallOptions options, RecordsCompletion done);
  // A bearer token for the caller's own use (a backend handing tokens to its pages): the cached one
  // while fresh, else the shared fetch, with the same timeout, retries and ending rules as a call.
  HandleId getAccessToken(CallOptions options, TokenCompletion done);
  // Ends a call at once with Aborted, cancelling its request, timer or token wait. Ended ids are ignored.
  void abort(HandleId call);
  // Calls still running.
  size_t pendingCalls() const { return calls_.size(); }

 private:
  struct Call;
  HandleId start(CallOptions options, std::unique_ptr<Call> call);
  void acquireToken(Call& call);
  void onToken(HandleId id, std::optional<std::string> token, std::optional<Failure> failure);
  void send(Call& call, const std::string& token);
  void onAttemptEnded(HandleId id, const HttpResponse& response);
  void scheduleRetry(Call& call, const Failure& failure);
  void settle(HandleId id, LinkResult result);
  void settleWithToken(HandleId id, const std::string& token);
  void settleWithRecords(HandleId id, RecordsResult records);
  std::unique_ptr<Call> detach(HandleId id);
  void stopActivity(Call& call);
  std::string redact(const std::string& message, const Call& call) const;

  ClientConfig config_;
  Environment env_;
  TokenSource tokens_;
  std::map<HandleId, std::unique_ptr<Call>> calls_;
  HandleId nextCallId_ = 1;
};

}  // namespace kyc
