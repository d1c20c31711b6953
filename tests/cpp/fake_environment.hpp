#pragma once
// A deterministic world for the client pipeline: requests wait until the test answers them, time
// moves only when the test advances it, and randomness is a fixed number.

#include <algorithm>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/environment.hpp"
#include "http_builders.hpp"

namespace kyc::test {

class FakeTransport final : public Transport {
 public:
  struct Sent {
    HandleId id;
    HttpRequest request;
    std::function<void(HttpResponse)> done;
  };

  HandleId send(const HttpRequest& request, std::function<void(HttpResponse)> done) override {
    HandleId id = nextId_++;
    open_.push_back(Sent{id, request, std::move(done)});
    history.push_back(request);
    return id;
  }
  void cancel(HandleId id) override {
    cancelled.push_back(id);
    open_.erase(std::remove_if(open_.begin(), open_.end(), [id](const Sent& s) { return s.id == id; }), open_.end());
  }

  size_t openCount() const { return open_.size(); }
  const HttpRequest& oldestOpen() const { return open_.front().request; }
  // Answers the oldest open request.
  void answer(int status, std::string body, std::string retryAfter = "") {
    deliver(test::answer(status, std::move(body), std::move(retryAfter)));
  }
  void failConnection() { deliver(HttpResponse{}); }
  size_t countTo(const std::string& pathPart) const {
    return std::count_if(history.begin(), history.end(),
                         [&](const HttpRequest& r) { return r.url.find(pathPart) != std::string::npos; });
  }

  std::vector<HttpRequest> history;
  std::vector<HandleId> cancelled;

 private:
  void deliver(HttpResponse response) {
    Sent sent = std::move(open_.front());
    open_.erase(open_.begin());
    sent.done(std::move(response));
  }
  std::vector<Sent> open_;
  HandleId nextId_ = 1;
};

class FakeTimers final : public Timers {
 public:
  HandleId start(double delayMs, std::function<void()> fire) override {
    HandleId id = nextId_++;
    pending_[id] = Timer{now + delayMs, delayMs, std::move(fire)};
    started.push_back(delayMs);
    return id;
  }
  void cancel(HandleId id) override { pending_.erase(id); }

  // Moves time forward, firing due timers in order.
  void advance(double ms) {
    double until = now + ms;
    for (;;) {
      auto due = std::min_element(pending_.begin(), pending_.end(),
                                  [](const auto& a, const auto& b) { return a.second.at < b.second.at; });
      if (due == pending_.end() || due->second.at > until) break;
      now = due->second.at;
      std::function<void()> fire = std::move(due->second.fire);
      pending_.erase(due);
      fire();
    }
    now = until;
  }
  size_t pendingCount() const { return pending_.size(); }

  double now = 1'700'000'000'000;  // epoch ms
  std::vector<double> started;     // every delay ever asked for

 private:
  struct Timer {
    double at;
    double delayMs;
    std::function<void()> fire;
  };
  std::map<HandleId, Timer> pending_;
  HandleId nextId_ = 1;
};

class FakeTokenProvider final : public TokenProvider {
 public:
  void requestToken(const std::optional<std::string>& rejectedToken, Done done) override {
    rejected.push_back(rejectedToken);
    waiting.push_back(std::move(done));
  }
  void answer(std::string token) {
    Done done = std::move(waiting.front());
    waiting.erase(waiting.begin());
    done(std::move(token), std::nullopt);
  }
  std::vector<Done> waiting;
  std::vector<std::optional<std::string>> rejected;  // what each request was told was refused
};

}  // namespace kyc::test
