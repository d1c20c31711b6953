'use strict';
// Builds the entries of the request log (sandbox.requests, GET /__sandbox/requests).

/**
 * A new entry for an incoming request; status, body and fault are filled in as the request is
 * handled. `route` is 'token' | 'link' | 'page' | 'other'.
 */
function createLogEntry(req, route, redactor) {
  return {
    method: req.method,
    path: redactor.path(req.url),
    headers: redactor.headers(req.headers),
    body: null,
    route,
    status: null, // stays null when the sandbox never answers (fault reset, or client gone)
    fault: null,
    at: Date.now(),
  };
}

/** Records the raw body, with token-endpoint secrets redacted. */
function recordBody(entry, text, redactor) {
  entry.body = entry.route === 'token' ? redactor.tokenBody(text) : redactor.body(text);
}

module.exports = { createLogEntry, recordBody };
