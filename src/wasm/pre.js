// Prepended to the glue (--pre-js); runs inside the module factory, so nothing here touches globals.

// Emscripten Fetch calls a free `XMLHttpRequest`. Node has none: the Node loader passes one in as
// Module.XMLHttpRequest, and this module-scoped binding shadows the global name without setting it.
var XMLHttpRequest = Module['XMLHttpRequest'] || globalThis.XMLHttpRequest;

// The glue takes any scope with an importScripts for a Web Worker and reads self.location.href there.
// workerd before compatibility date 2024-03-04 has importScripts but no location: there the glue sees
// none (this binding is module-scoped too; the global stays as it is).
var importScripts = globalThis.location ? globalThis.importScripts : undefined;

// embind in 3.1.6 cannot await: C++ makes its Promise here and settles it from the fetch callbacks.
Module['kycDeferred'] = function () {
  var deferred = {};
  deferred.promise = new Promise(function (resolve, reject) {
    deferred.resolve = resolve;
    deferred.reject = reject;
  });
  return deferred;
};

// Links an AbortSignal to one call; returns the function that unlinks it when the call ends.
Module['kycWatchAbort'] = function (signal, clientKey, callId) {
  var onAbort = function () {
    Module['kycAbortCall'](clientKey, callId);
  };
  signal.addEventListener('abort', onAbort, { once: true });
  return function () {
    signal.removeEventListener('abort', onAbort);
  };
};

// Calls the user's getToken and always answers later, whatever it does (returns, throws, rejects).
Module['kycCallGetToken'] = function (getToken, clientKey, requestId) {
  Promise.resolve()
    .then(function () {
      return getToken();
    })
    .then(
      function (token) {
        Module['kycDeliverToken'](clientKey, requestId, token, false);
      },
      function (error) {
        var message = error && typeof error.message === 'string' ? error.message : String(error);
        Module['kycDeliverToken'](clientKey, requestId, message, true);
      }
    );
};
