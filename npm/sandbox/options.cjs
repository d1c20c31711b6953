'use strict';
// Turns the caller's startSandbox() options into a complete, validated settings object.

const { checkOrigin } = require('./origins.cjs');
const { headerProblem } = require('./header-rules.cjs');

const DEFAULTS = Object.freeze({
  port: 0,
  host: '127.0.0.1',
  clients: [{ clientId: 'sandbox-client', clientSecret: 'sandbox-secret' }],
  workflows: ['sandbox-workflow'],
  tokens: [],
  tokenLifetimeSeconds: 3600,
  allowedOrigins: [],
  webhooks: [],
});

// The sandbox's own retry policy for webhook deliveries (FACEKI documents none): 3 attempts, 0.5 s then 1 s apart.
const DEFAULT_WEBHOOK_POLICY = Object.freeze({ attempts: 3, firstDelayMs: 500, timeoutMs: 5000 });
const WEBHOOK_METHODS = ['POST', 'PUT', 'PATCH'];
const MAX_WEBHOOK_ATTEMPTS = 10;
const MAX_WEBHOOK_WAIT_MS = 60_000;

function ensure(condition, message) {
  if (!condition) throw new TypeError(`startSandbox: ${message}`);
}

const isNonEmptyString = (value) => typeof value === 'string' && value.length > 0;

function isPositiveInteger(value) {
  return Number.isInteger(value) && value > 0;
}

function normalizeOptions(options = {}) {
  ensure(options !== null && typeof options === 'object', 'options must be an object');
  const settings = { ...DEFAULTS, ...withoutUndefined(options) };

  ensure(
    Number.isInteger(settings.port) && settings.port >= 0 && settings.port <= 65535,
    'port must be an integer between 0 and 65535',
  );
  ensure(isNonEmptyString(settings.host), 'host must be a non-empty string');
  ensure(
    Array.isArray(settings.clients) && settings.clients.every(isValidClient),
    'clients must be an array of { clientId, clientSecret } with non-empty strings',
  );
  ensure(
    Array.isArray(settings.workflows) && settings.workflows.every(isNonEmptyString),
    'workflows must be an array of non-empty strings',
  );
  ensure(
    Array.isArray(settings.tokens) && settings.tokens.every(isNonEmptyString),
    'tokens must be an array of non-empty strings',
  );
  ensure(isPositiveInteger(settings.tokenLifetimeSeconds), 'tokenLifetimeSeconds must be a positive integer');
  ensure(Array.isArray(settings.allowedOrigins), 'allowedOrigins must be an array of origins');
  for (const origin of settings.allowedOrigins) checkOrigin(origin, 'startSandbox: allowedOrigins');

  const endpoints = { generateToken: true, accessToken: true, ...withoutUndefined(options.endpoints ?? {}) };
  ensure(
    typeof endpoints.generateToken === 'boolean' && typeof endpoints.accessToken === 'boolean',
    'endpoints.generateToken and endpoints.accessToken must be booleans',
  );

  const webhookPolicy = { ...DEFAULT_WEBHOOK_POLICY, ...withoutUndefined(options.webhookPolicy ?? {}) };
  const inRange = (value, low, high) => Number.isInteger(value) && value >= low && value <= high;
  ensure(
    inRange(webhookPolicy.attempts, 1, MAX_WEBHOOK_ATTEMPTS),
    `webhookPolicy.attempts must be an integer from 1 to ${MAX_WEBHOOK_ATTEMPTS}`,
  );
  for (const field of ['firstDelayMs', 'timeoutMs']) {
    ensure(
      inRange(webhookPolicy[field], 0, MAX_WEBHOOK_WAIT_MS),
      `webhookPolicy.${field} must be an integer from 0 to ${MAX_WEBHOOK_WAIT_MS}`,
    );
  }
  ensure(Array.isArray(settings.webhooks), 'webhooks must be an array of { url, headers?, method? }');

  return {
    ...settings,
    webhooks: settings.webhooks.map(checkWebhookTarget),
    webhookPolicy,
    clients: settings.clients.map(({ clientId, clientSecret }) => ({ clientId, clientSecret })),
    workflows: new Set(settings.workflows),
    tokens: new Set(settings.tokens),
    endpoints,
  };
}

/** A copy of one webhook target: an http(s) URL, a method, and headers sent as they are. */
function checkWebhookTarget(target) {
  ensure(target !== null && typeof target === 'object', 'each webhook must be an object { url, headers?, method? }');
  let url = null;
  try {
    url = new URL(target.url);
  } catch {
    // reported below
  }
  ensure(url !== null && (url.protocol === 'http:' || url.protocol === 'https:'), 'webhook url must be an http(s) URL');
  const method = target.method ?? 'POST';
  ensure(WEBHOOK_METHODS.includes(method), `webhook method must be one of ${WEBHOOK_METHODS.join(', ')}`);
  const headers = target.headers ?? {};
  ensure(
    headers !== null && typeof headers === 'object' && !Array.isArray(headers),
    'webhook headers must be an object',
  );
  for (const [name, value] of Object.entries(headers)) {
    const problem = headerProblem(name, value);
    ensure(problem === null, `webhook ${problem}`);
  }
  const asText = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, String(value)]));
  return { url: url.href, method, headers: asText };
}

function isValidClient(client) {
  return (
    client !== null &&
    typeof client === 'object' &&
    isNonEmptyString(client.clientId) &&
    isNonEmptyString(client.clientSecret)
  );
}

// Lets callers pass `{ port: undefined }` to mean "use the default".
function withoutUndefined(object) {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

module.exports = { normalizeOptions, isPositiveInteger };
