#include "timers.hpp"

#include <emscripten/eventloop.h>

#include <cstdint>
#include <map>
#include <utility>

namespace kyc::wasm {

namespace {

struct Pending {
  const EventLoopTimers* owner;
  int jsTimer;
  std::function<void()> fire;
};

// Every pending timer of every EventLoopTimers, by an id unique in the module. A JS timer carries only
// that id, never a pointer: a fire after cancel() or after its owner is gone (a test runner's fake clock
// can fire a cleared timer) finds nothing here and does nothing, instead of reading freed memory.
std::map<HandleId, Pending>& pendingTimers() {
  static std::map<HandleId, Pending> byId;
  return byId;
}

HandleId nextTimerId() {
  static HandleId next = 0;
  do ++next;
  while (next == 0 || pendingTimers().count(next) != 0);  // skips 0 and, after wrapping, live ids
  return next;
}

}  // namespace

EventLoopTimers::~EventLoopTimers() {
  auto& pending = pendingTimers();
  for (auto it = pending.begin(); it != pending.end();) {
    if (it->second.owner != this) {
      ++it;
      continue;
    }
    emscripten_clear_timeout(it->second.jsTimer);
    it = pending.erase(it);
  }
}

HandleId EventLoopTimers::start(double delayMs, std::function<void()> fire) {
  const HandleId id = nextTimerId();
  void* carried = reinterpret_cast<void*>(static_cast<std::uintptr_t>(id));
  pendingTimers().emplace(id, Pending{this, emscripten_set_timeout(onFire, delayMs, carried), std::move(fire)});
  return id;
}

void EventLoopTimers::cancel(HandleId id) {
  auto& pending = pendingTimers();
  auto it = pending.find(id);
  if (it == pending.end() || it->second.owner != this) return;
  emscripten_clear_timeout(it->second.jsTimer);
  pending.erase(it);
}

void EventLoopTimers::onFire(void* timerId) {
  auto& pending = pendingTimers();
  auto it = pending.find(static_cast<HandleId>(reinterpret_cast<std::uintptr_t>(timerId)));
  if (it == pending.end()) return;
  std::function<void()> fire = std::move(it->second.fire);
  pending.erase(it);  // before firing: the callback may start timers
  fire();
}

}  // namespace kyc::wasm
