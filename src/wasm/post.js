// Appended to the glue (--post-js), in the module factory's scope.

// When a callback into the module throws (a trap in a timer or fetch callback), Emscripten calls quit_,
// which in Node sets process.exitCode and rethrows into the host's event loop. A library must do neither:
// the module is stopped instead, which rejects its pending calls with INTERNAL.
quit_ = function (status, toThrow) {
  kycModuleStopped(toThrow);
};
