'use strict';
// Turns the caller's startSandbox() options into a complete, validated settings object.

const { checkOrigin } = require('./origins.cjs');

const DEFAULTS = Object.freeze({
  port: 0,
  host: '127.0.0.1',
  clients: [{ clientId: 'sandbox-client', clientSecret: 'sandbox-secret' }],
  workflows: ['sandbox-workflow'],
  tokens: [],
  tokenLifetimeSeconds: 3600,
  allowedOrigins: [],
});

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

  ensure(Number.isInteger(settings.port) && settings.port >= 0 && settings.port <= 65535,
    'port must be an integer between 0 and 65535');
  ensure(isNonEmptyString(settings.host), 'host must be a non-empty string');
  ensure(Array.isArray(settings.clients) && settings.clients.every(isValidClient),
    'clients must be an array of { clientId, clientSecret } with non-empty strings');
  ensure(Array.isArray(settings.workflows) && settings.workflows.every(isNonEmptyString),
    'workflows must be an array of non-empty strings');
  ensure(Array.isArray(settings.tokens) && settings.tokens.every(isNonEmptyString),
    'tokens must be an array of non-empty strings');
  ensure(isPositiveInteger(settings.tokenLifetimeSeconds), 'tokenLifetimeSeconds must be a positive integer');
  ensure(Array.isArray(settings.allowedOrigins), 'allowedOrigins must be an array of origins');
  settings.allowedOrigins.forEach((origin) => checkOrigin(origin, 'startSandbox: allowedOrigins'));

  const endpoints = { generateToken: true, accessToken: true, ...withoutUndefined(options.endpoints ?? {}) };
  ensure(typeof endpoints.generateToken === 'boolean' && typeof endpoints.accessToken === 'boolean',
    'endpoints.generateToken and endpoints.accessToken must be booleans');

  return {
    ...settings,
    clients: settings.clients.map(({ clientId, clientSecret }) => ({ clientId, clientSecret })),
    workflows: new Set(settings.workflows),
    tokens: new Set(settings.tokens),
    endpoints,
  };
}

function isValidClient(client) {
  return client !== null && typeof client === 'object'
    && isNonEmptyString(client.clientId) && isNonEmptyString(client.clientSecret);
}

// Lets callers pass `{ port: undefined }` to mean "use the default".
function withoutUndefined(object) {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

module.exports = { normalizeOptions, isPositiveInteger };
