// Prepended to the glue (--pre-js); runs inside the module factory, so nothing here touches globals.

// Emscripten Fetch calls a free `XMLHttpRequest`: the package's own adapter (npm/src/transport), passed
// in as Module.XMLHttpRequest and bound here, in the module's scope. A runtime's own XMLHttpRequest is
// never used (Node and workerd have none; browsers' follows redirects silently). Each adapter reports a
// throw from Emscripten's handlers to onCallbackError instead of letting it reach the host.
var KycXMLHttpRequest = Module['XMLHttpRequest'];
function XMLHttpRequest() {
  var xhr = new KycXMLHttpRequest();
  xhr.onCallbackError = kycModuleStopped;
  return xhr;
}

// The module's timers (emscripten_set_timeout calls a free setTimeout, which these shadow in the module's
// scope), so that a stopped module cancels them instead of keeping the host's event loop alive.
var kycTimers = new Set();
var setTimeout = function (callback, delayMs) {
  var timer = globalThis.setTimeout(function () {
    kycTimers.delete(timer);
    callback();
  }, delayMs);
  kycTimers.add(timer);
  return timer;
};
var clearTimeout = function (timer) {
  kycTimers.delete(timer);
  globalThis.clearTimeout(timer);
};

// Every promise handed to JS and not yet settled, so that a stopped module can settle them all.
var kycPending = new Set();
// The INTERNAL error once the module has stopped; null while it runs.
var kycStopped = null;

// The glue takes any scope with an importScripts for a Web Worker and reads self.location.href there.
// workerd before compatibility date 2024-03-04 has importScripts but no location: there the glue sees
// none (this binding is module-scoped too; the global stays as it is).
var importScripts = globalThis.location ? globalThis.importScripts : undefined;

// embind in 3.1.6 cannot await: C++ makes its Promise here and settles it from the fetch callbacks.
Module['kycDeferred'] = function () {
  var deferred = {};
  deferred.promise = new Promise(function (resolve, reject) {
    deferred.resolve = function (value) {
      kycPending.delete(deferred);
      resolve(value);
    };
    deferred.reject = function (reason) {
      kycPending.delete(deferred);
      reject(reason);
    };
  });
  kycPending.add(deferred);
  return deferred;
};

// The module stopped: out of memory (abort), a trap, or a throw in a callback into it. Nothing may run
// in it again, so every pending call rejects now, every request is dropped, and the loader makes a
// fresh module for the next client; its timers are cancelled. Idempotent.
function kycModuleStopped(cause) {
  if (kycStopped) return;
  ABORT = true; // Emscripten then drops every later timer and fetch callback into this module
  var reason = cause && typeof cause.message === 'string' ? cause.message : String(cause);
  kycStopped = {
    code: 'INTERNAL',
    message:
      'the WebAssembly module stopped (' +
      reason.slice(0, 200) +
      '); the call was ended, and the next ' +
      'createKycClient() loads a fresh module',
  };
  kycTimers.forEach(function (timer) {
    globalThis.clearTimeout(timer);
  });
  kycTimers.clear();
  Fetch.xhrs.forEach(function (xhr) {
    if (!xhr) return;
    xhr.onload = xhr.onerror = xhr.ontimeout = xhr.onprogress = xhr.onreadystatechange = null;
    try {
      xhr.abort();
    } catch (ignored) {
      // dropped either way
    }
  });
  kycPending.forEach(function (deferred) {
    deferred.reject(Module['kycStoppedError']());
  });
}
Module['kycModuleStopped'] = kycModuleStopped;
// A fresh copy of the INTERNAL error each time (each rejection gets its own object), or null.
Module['kycStoppedError'] = function () {
  return kycStopped && { code: kycStopped.code, message: kycStopped.message };
};
// abort() (out of memory, a failed assertion) tells us here before it throws.
Module['onAbort'] = function (what) {
  kycModuleStopped(new Error('Aborted(' + what + ')'));
};
// Emscripten prints aborts to the console; a library keeps quiet (the reason is in the INTERNAL error).
Module['printErr'] = function () {};

// Calls back into the module from outside its own callbacks (an abort listener, getToken's answer):
// a throw there means the module stopped, never an exception for the host.
function kycEnter(callIntoModule) {
  try {
    callIntoModule();
  } catch (error) {
    kycModuleStopped(error);
  }
}

// Links an AbortSignal to one call; returns the function that unlinks it when the call ends. The JS
// skin hands over only AbortSignals it made itself, so these methods do not throw.
Module['kycWatchAbort'] = function (signal, clientKey, callId) {
  var onAbort = function () {
    kycEnter(function () {
      Module['kycAbortCall'](clientKey, callId);
    });
  };
  signal.addEventListener('abort', onAbort, { once: true });
  return function () {
    signal.removeEventListener('abort', onAbort);
  };
};

// Calls the user's getToken and always answers later, whatever it does (returns, throws, rejects).
// After a 401 it passes { rejectedToken }: the token the server refused (a shared store drops it).
Module['kycCallGetToken'] = function (getToken, clientKey, requestId, rejectedToken) {
  Promise.resolve()
    .then(function () {
      return rejectedToken === undefined ? getToken() : getToken({ rejectedToken: rejectedToken });
    })
    .then(
      function (token) {
        kycEnter(function () {
          Module['kycDeliverToken'](clientKey, requestId, token, false);
        });
      },
      function (error) {
        var failure;
        try {
          failure = { message: error && typeof error.message === 'string' ? error.message : String(error) };
          // A KycError (from a FACEKI client of the caller's, or a tokenStore's fetch) keeps its code.
          if (error && error.name === 'KycError' && typeof error.code === 'string') {
            failure.code = error.code;
            failure.status = error.status;
            failure.retryable = error.retryable === true;
          }
        } catch (unreadable) {
          failure = { message: 'it threw a value that cannot be read' };
        }
        kycEnter(function () {
          Module['kycDeliverToken'](clientKey, requestId, failure, true);
        });
      },
    );
};
