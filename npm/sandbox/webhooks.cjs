'use strict';
// Sends webhook events to the targets given at start (startSandbox({ webhooks })), the way FACEKI's
// portal-configured webhooks do: a JSON body with fixed custom headers, no signature. A failed attempt
// (no answer, a non-2xx answer, a timeout) is retried with doubling delays. FACEKI documents no retry
// policy of its own; this one is the sandbox's. Every attempt is logged with its headers' values
// redacted. Nothing here throws or rejects: a bad receiver cannot take the sandbox down.

const http = require('node:http');
const https = require('node:https');

const REDACTED = '[redacted]';

/**
 * @param {{ url: string, method: string, headers: Record<string, string> }[]} targets checked options
 * @param {{ attempts: number, firstDelayMs: number, timeoutMs: number }} policy
 * @param {object[]} deliveries the live log (sandbox.webhookDeliveries)
 */
function createWebhookSender(targets, policy, deliveries) {
  const inFlight = new Set(); // delivery promises, for idle()
  const timers = new Set();
  const requests = new Set();
  let closed = false;

  /** Starts delivering `body` (an object) to every target; `kind` names the event in the log. */
  function send(kind, body) {
    const text = JSON.stringify(body);
    targets.forEach((target, index) => {
      const delivery = deliver(target, index, kind, body.requestId ?? null, text);
      inFlight.add(delivery);
      delivery.finally(() => inFlight.delete(delivery));
    });
  }

  async function deliver(target, index, kind, requestId, text) {
    for (let attempt = 1; attempt <= policy.attempts && !closed; attempt++) {
      const entry = {
        target: index,
        url: redactUrl(target.url),
        method: target.method,
        headers: Object.fromEntries(Object.keys(target.headers).map((name) => [name.toLowerCase(), REDACTED])),
        kind,
        requestId,
        attempt,
        status: null,
        error: null,
        ok: false,
        at: Date.now(),
      };
      deliveries.push(entry);
      Object.assign(entry, await attemptDelivery(target, text));
      if (entry.ok) return;
      // An attempt that close() cut short ends here: a pause begun after close() would be one that
      // close() never cleared, keeping idle() pending and the process alive for up to a minute.
      if (attempt < policy.attempts && !closed) await sleep(policy.firstDelayMs * 2 ** (attempt - 1));
    }
  }

  /** One request; resolves { status, ok, error }, never rejects. `error` is a code, never a message. */
  function attemptDelivery(target, text) {
    return new Promise((resolve) => {
      let request;
      let settled = false;
      const finish = (outcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        requests.delete(request);
        request.destroy(); // the answer's body is not needed; a slow one must not hold the socket
        resolve({ status: null, ok: false, error: null, ...outcome });
      };
      const url = new URL(target.url);
      try {
        request = (url.protocol === 'https:' ? https : http).request(url, {
          method: target.method,
          agent: false,
          headers: {
            ...target.headers,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(text),
            'user-agent': 'faceki-kyc-link-sandbox',
          },
        });
      } catch (error) {
        resolve({ status: null, ok: false, error: error?.code ?? 'REQUEST_FAILED' });
        return;
      }
      requests.add(request);
      const timer = setTimeout(() => finish({ error: 'TIMEOUT' }), policy.timeoutMs);
      request.on('response', (response) => {
        const status = response.statusCode;
        const ok = status >= 200 && status < 300;
        finish({ status, ok, error: ok ? null : 'HTTP_STATUS' });
      });
      request.on('error', (error) => finish({ error: closed ? 'CLOSED' : (error?.code ?? 'REQUEST_FAILED') }));
      request.end(text);
    });
  }

  function sleep(ms) {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timer.resolve = resolve;
      timers.add(timer);
    });
  }

  return {
    send,
    /** Resolves once every delivery started so far has succeeded or run out of attempts. */
    async idle() {
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    /** Stops retrying and drops requests in flight. */
    close() {
      closed = true;
      for (const timer of timers) {
        clearTimeout(timer);
        timer.resolve();
      }
      timers.clear();
      for (const request of requests) request.destroy();
    },
  };
}

/** The URL without credentials or query values, which may carry a secret. */
function redactUrl(text) {
  const url = new URL(text);
  return `${url.origin}${url.pathname}${url.search ? `?${REDACTED}` : ''}`;
}

module.exports = { createWebhookSender };
