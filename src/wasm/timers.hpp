#pragma once
// Timers over emscripten_set_timeout: the event loop's setTimeout, in Node and browsers.

#include <functional>

#include "core/environment.hpp"

namespace kyc::wasm {

class EventLoopTimers final : public Timers {
 public:
  EventLoopTimers() = default;
  EventLoopTimers(const EventLoopTimers&) = delete;
  EventLoopTimers& operator=(const EventLoopTimers&) = delete;
  ~EventLoopTimers() override;
  HandleId start(double delayMs, std::function<void()> fire) override;
  void cancel(HandleId timer) override;

 private:
  static void onFire(void* timerId);
};

}  // namespace kyc::wasm
