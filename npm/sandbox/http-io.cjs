'use strict';
// Reading request bodies and writing responses (with CORS and fault headers merged in).

const MAX_BODY_BYTES = 64 * 1024;

const PREFLIGHT_HEADERS = Object.freeze({
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'Authorization, Content-Type, X-Sandbox-Fault',
  'access-control-max-age': '600',
});

/**
 * Reads the whole body as UTF-8. Past the limit it keeps draining without storing, so the client
 * still gets to read the 413 answer instead of a connection reset.
 * @returns {Promise<{ text: string } | { tooLarge: true }>} rejects if the client goes away
 */
function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      resolve(size > MAX_BODY_BYTES ? { tooLarge: true } : { text: Buffer.concat(chunks).toString('utf8') });
    });
    req.on('close', () => {
      if (!req.complete) reject(new Error('client disconnected before sending the whole body'));
    });
  });
}

/** CORS headers for an allowed origin (echoed, never `*`); `vary` because the answer depends on it. */
function corsHeaders(origin) {
  if (origin === null) return { vary: 'Origin' };
  return { 'access-control-allow-origin': origin, 'access-control-expose-headers': 'Retry-After', vary: 'Origin' };
}

/**
 * Wraps `res` with small send helpers. `corsOrigin` is the request's Origin when it may read the
 * answer, else null. `onStatus` hears the status synchronously before anything is written, so the
 * request log is complete by the time the client sees the answer.
 */
function createResponder(res, { corsOrigin, onStatus }) {
  const extraHeaders = {};

  function send(status, contentType, body, headers = {}) {
    if (res.headersSent || res.destroyed) return;
    onStatus(status);
    const payload = Buffer.from(body, 'utf8');
    const merged = mergeHeaders(
      corsHeaders(corsOrigin),
      contentType ? { 'content-type': contentType } : {},
      { 'cache-control': 'no-store' },
      headers,
      extraHeaders,
      { 'content-length': String(payload.length) },
    );
    res.writeHead(status, merged);
    res.end(payload);
  }

  return {
    /** Headers added to every answer this responder sends (used by faults). */
    addHeaders(headers) {
      Object.assign(extraHeaders, lowerCaseKeys(headers));
    },
    json: (status, value, headers) => send(status, 'application/json; charset=utf-8', JSON.stringify(value), headers),
    /** A body given verbatim (fault answers); labelled JSON like the endpoints it stands in for. */
    raw: (status, text) => send(status, 'application/json; charset=utf-8', text),
    text: (status, text) => send(status, 'text/plain; charset=utf-8', text),
    /** `csp`: the page's Content-Security-Policy (default: nothing but its own inline CSS may load). */
    html: (status, html, csp = "default-src 'none'; style-src 'unsafe-inline'") =>
      send(status, 'text/html; charset=utf-8', html, { 'content-security-policy': csp }),
    noContent: (headers) => send(204, null, '', headers),
    preflight: () => send(204, null, '', PREFLIGHT_HEADERS),
  };
}

/** The error shape FACEKI's docs show: {"status":false,"message":...,"statusCode":N}. */
function errorBody(statusCode, message, extra = {}) {
  return { status: false, message, statusCode, ...extra };
}

function mergeHeaders(...sources) {
  return Object.assign({}, ...sources.map(lowerCaseKeys));
}

function lowerCaseKeys(headers) {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), String(value)]));
}

module.exports = { readBody, createResponder, errorBody };
