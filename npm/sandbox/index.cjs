'use strict';
// A local FACEKI-compatible sandbox server: token endpoints, the KYC link endpoint, hosted link
// pages, a request log and fault injection, for testing clients without touching FACEKI.
// Built on Node's own modules only; the API is described in index.d.ts.

const http = require('node:http');
const { normalizeOptions, isPositiveInteger } = require('./options.cjs');
const { createTokenAuthority } = require('./tokens.cjs');
const { createFaultQueue } = require('./faults.cjs');
const { createRedactor } = require('./redaction.cjs');
const { createRoutes } = require('./routes/index.cjs');
const { handleRequest } = require('./handle-request.cjs');
const { errorBody } = require('./http-io.cjs');
const { createOriginPolicy } = require('./origins.cjs');
const { completeLink, updateAml, updateStatus } = require('./verifications.cjs');
const { createWebhookSender } = require('./webhooks.cjs');
const { allowedHosts, checksHost, formatHost } = require('./host-names.cjs');

/** Subject of tokens minted with sandbox.issueToken(), which belong to no client. */
const ISSUED_TOKEN_SUBJECT = 'sandbox';

async function startSandbox(options) {
  const settings = normalizeOptions(options);
  const state = {
    settings,
    baseUrl: '', // known once listening
    hosts: null, // the Host values answered, once listening; null: any (bound to every interface)
    tokenLifetimeSeconds: settings.tokenLifetimeSeconds,
    tokenAuthority: createTokenAuthority({ staticTokens: settings.tokens }),
    faultQueue: createFaultQueue(),
    redactor: createRedactor([...settings.clients.map((client) => client.clientSecret), ...settings.tokens]),
    routes: createRoutes(settings.endpoints),
    requests: [],
    links: [],
    records: [],
    webhookDeliveries: [],
    counters: { tokenRequests: 0, linkRequests: 0 },
    delayTimers: new Set(),
    origins: createOriginPolicy(settings.allowedOrigins, () => state.baseUrl),
  };

  state.webhooks = createWebhookSender(settings.webhooks, settings.webhookPolicy, state.webhookDeliveries);

  const server = http.createServer((req, res) => {
    handleRequest(state, req, res).catch(() => answerInternalError(res));
  });
  const sockets = trackSockets(server);
  await listen(server, settings.port, settings.host);
  const { port } = server.address();
  state.baseUrl = `http://${formatHost(settings.host)}:${port}`;
  if (checksHost(settings.host)) state.hosts = allowedHosts(settings.host, port);

  let closing = null;
  return {
    url: state.baseUrl,
    port,
    requests: state.requests,
    links: state.links,
    records: state.records,
    webhookDeliveries: state.webhookDeliveries,

    /** Stops the server, dropping open (also keep-alive) connections; safe to call twice. */
    close() {
      closing ??= new Promise((resolve) => {
        for (const timer of state.delayTimers) clearTimeout(timer);
        state.delayTimers.clear();
        state.webhooks.close();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },

    clearLog() {
      state.requests.length = 0; // in place, so references to sandbox.requests stay live
    },

    /** Mints a valid token without a request; a negative lifetime gives an already expired one. */
    issueToken({ lifetimeSeconds = state.tokenLifetimeSeconds } = {}) {
      if (!Number.isInteger(lifetimeSeconds)) throw new TypeError('issueToken: lifetimeSeconds must be an integer');
      return state.tokenAuthority.issue({ subject: ISSUED_TOKEN_SUBJECT, lifetimeSeconds });
    },

    /** Lifetime of tokens issued from now on by the token endpoints. */
    setTokenLifetime(seconds) {
      if (!isPositiveInteger(seconds)) throw new TypeError('setTokenLifetime: seconds must be a positive integer');
      state.tokenLifetimeSeconds = seconds;
    },

    failNext(faults) {
      state.faultQueue.add(faults);
    },

    pendingFaults: () => state.faultQueue.size(),

    allowOrigin(origin) {
      state.origins.allow(origin);
    },

    stats: () => ({ ...state.counters }),

    /** Completes a link's verification as the hosted page's buttons do; returns the new record. */
    complete(linkId, status, { fullName } = {}) {
      const outcome = completeLink(state, linkId, { status, fullName });
      if (outcome.error) throw new TypeError(`complete: ${outcome.error.message}`);
      return outcome.record;
    },

    /** Changes a finished verification's status as FACEKI's portal does; returns the updated record. */
    updateStatus(requestId, status, { updatedBy } = {}) {
      const outcome = updateStatus(state, requestId, { status, updatedBy });
      if (outcome.error) throw new TypeError(`updateStatus: ${outcome.error.message}`);
      return outcome.record;
    },

    /** Sends an AML monitoring update for a finished verification; returns the webhook body sent. */
    updateAml(requestId, amlStatus) {
      const outcome = updateAml(state, requestId, { amlStatus });
      if (outcome.error) throw new TypeError(`updateAml: ${outcome.error.message}`);
      return outcome.body;
    },

    /** Resolves once every webhook delivery started so far has succeeded or used up its attempts. */
    webhooksIdle: () => state.webhooks.idle(),
  };
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

// server.close() waits for idle keep-alive connections; close() destroys them, so it needs them all.
// (server.closeAllConnections() would do this, but only from Node 18.2.)
function trackSockets(server) {
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return sockets;
}

// Only reached through a bug in the sandbox: answer rather than leave the client hanging.
function answerInternalError(res) {
  if (res.headersSent) return res.destroy();
  res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(errorBody(500, 'sandbox internal error')));
}

module.exports = { startSandbox };
