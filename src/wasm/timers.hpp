#pragma once
// Timers over emscripten_set_timeout: the event loop's setTimeout, in Node and browsers.

#include <functional>
#include <map>

#include "core/environment.hpp"

namespace kyc::wasm {

class EventLoopTimers final : public Timers {
 public:
  ~EventLoopTimers() override;
  HandleId start(double delayMs, std::function<void()> fire) override;
  void cancel(HandleId timer) override;

 private:
  struct Pending {
    EventLoopTimers* timers;
    HandleId id;
    int jsTimer = 0;
    std::function<void()> fire;
  };
  static void onFire(void* pending);

  std::map<HandleId, Pending> pending_;
  HandleId nextId_ = 1;
};

}  // namespace kyc::wasm
