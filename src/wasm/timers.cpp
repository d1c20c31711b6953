#include "timers.hpp"

#include <emscripten/eventloop.h>

#include <utility>

namespace kyc::wasm {

EventLoopTimers::~EventLoopTimers() {
  for (auto& [id, pending] : pending_) emscripten_clear_timeout(pending.jsTimer);
}

HandleId EventLoopTimers::start(double delayMs, std::function<void()> fire) {
  HandleId id = nextId_++;
  Pending& pending = pending_.emplace(id, Pending{this, id, 0, std::move(fire)}).first->second;
  pending.jsTimer = emscripten_set_timeout(onFire, delayMs, &pending);
  return id;
}

void EventLoopTimers::cancel(HandleId id) {
  auto it = pending_.find(id);
  if (it == pending_.end()) return;
  emscripten_clear_timeout(it->second.jsTimer);
  pending_.erase(it);
}

void EventLoopTimers::onFire(void* userData) {
  auto* pending = static_cast<Pending*>(userData);
  std::function<void()> fire = std::move(pending->fire);
  pending->timers->pending_.erase(pending->id);  // before firing: the callback may start timers
  fire();
}

}  // namespace kyc::wasm
