'use strict';
// `faceki-kyc-link webhook listen`: a local receiver for FACEKI-style webhooks (say from the sandbox).
// Each verified event is one JSON line on stdout; a request with a missing or wrong secret header gets
// 401, a malformed one 400, and both are reported on stderr without their contents. The secret comes
// from FACEKI_WEBHOOK_SECRET only.

const http = require('node:http');
const { EXIT } = require('../exit-codes.cjs');
const { UsageError } = require('../usage-error.cjs');
const { terminalSafe, terminalSafeJson } = require('../terminal-safe.cjs');
const { parseWebhook } = require('../../dist/index.cjs');

const FLAGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  header: { type: 'string' },
};

const SECRET_VARIABLE = 'FACEKI_WEBHOOK_SECRET';
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_PORT = 65535;
// A sender gets this long to deliver a request; a stalled one is cut off rather than held open.
const REQUEST_TIMEOUT_MS = 10_000;
const METHODS = new Set(['POST', 'PUT', 'PATCH']);

function settingsFrom(flags, env) {
  const secret = env[SECRET_VARIABLE];
  if (secret === undefined || secret === '') {
    throw new UsageError(`set ${SECRET_VARIABLE} to the webhook's secret header value`);
  }
  const port = Number(flags.port ?? 0);
  if (port > MAX_PORT) throw new UsageError(`--port must be from 0 to ${MAX_PORT}`);
  const header = flags.header ?? 'authorization';
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(header)) throw new UsageError('--header must be a header name');
  return { port, host: flags.host ?? '127.0.0.1', header, secret };
}

function answer(res, status, value) {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** Reads the body up to the cap; resolves null when it is larger (the rest is drained, not kept). */
function readCapped(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function createReceiver(settings, { stdout, stderr }) {
  const reject = (res, status, code, message) => {
    stderr.write(`rejected: ${status} ${code}: ${terminalSafe(message)}\n`);
    answer(res, status, { ok: false, code });
  };
  return async (req, res) => {
    if (!METHODS.has(req.method)) {
      return reject(res, 405, 'METHOD_NOT_ALLOWED', `${req.method} is not a webhook method`);
    }
    let body;
    try {
      body = await readCapped(req);
    } catch {
      return; // the sender went away
    }
    if (body === null) return reject(res, 413, 'WEBHOOK_INVALID', `the body is larger than ${MAX_BODY_BYTES} bytes`);
    let event;
    try {
      event = await parseWebhook({ body, headers: req.headers }, { header: settings.header, secret: settings.secret });
    } catch (error) {
      // The package's KycError carries the status a receiver should answer (401, 413 or 400).
      if (error?.code !== 'WEBHOOK_UNAUTHORIZED' && error?.code !== 'WEBHOOK_INVALID') throw error;
      return reject(res, error.status, error.code, error.message);
    }
    stdout.write(`${terminalSafeJson(event)}\n`);
    answer(res, 200, { ok: true });
  };
}

async function webhookListen(flags, io) {
  const settings = settingsFrom(flags, io.env);
  const receive = createReceiver(settings, io);
  const server = http.createServer((req, res) => {
    receive(req, res).catch(() => {
      if (!res.headersSent) answer(res, 500, { ok: false });
    });
  });
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = REQUEST_TIMEOUT_MS;
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise((resolve, reject) => {
    const where = `${settings.host} port ${settings.port}`;
    server.once('error', (error) => reject(new UsageError(`cannot listen on ${where}: ${error.code}`)));
    server.listen(settings.port, settings.host, resolve);
  });
  const { port } = server.address();
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  // On stderr, so stdout carries nothing but events.
  io.stderr.write(`listening on http://${host}:${port} (header ${settings.header}); Ctrl-C stops it\n`);
  await new Promise((resolve) => io.signal.addEventListener('abort', resolve, { once: true }));
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  return EXIT.OK;
}

module.exports = { webhookListen, WEBHOOK_LISTEN_FLAGS: FLAGS };
