'use strict';
// `faceki-kyc-link sandbox`: the local FACEKI-compatible server, until Ctrl-C.

const { startSandbox } = require('../sandbox/index.cjs');
const { checkOrigin } = require('../sandbox/origins.cjs');
const { EXIT } = require('./exit-codes.cjs');
const { UsageError } = require('./usage-error.cjs');

const FLAGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  // A page on another origin (say a dev server) that may call the sandbox from a browser; none by default.
  'allow-origin': { type: 'string', multiple: true },
  // Where to POST the result webhook when a link is completed; each gets every --webhook-header.
  'webhook-url': { type: 'string', multiple: true },
  'webhook-header': { type: 'string', multiple: true },
  // The header that carries FACEKI_WEBHOOK_SECRET (so the secret need not be in argv); default Authorization.
  'webhook-secret-header': { type: 'string' },
};

const WEBHOOK_SECRET_VARIABLE = 'FACEKI_WEBHOOK_SECRET';

const MAX_PORT = 65535;

// Why the sandbox could not listen, for the errors that are the caller's to fix.
const LISTEN_PROBLEMS = {
  EADDRINUSE: (where) => `${where} is already in use (pick another --port, or 0 for any free one)`,
  EACCES: (where) => `not allowed to listen on ${where} (ports below 1024 need privileges)`,
  EADDRNOTAVAIL: (where) => `cannot listen on ${where}: the address is not one of this machine's`,
  ENOTFOUND: (where) => `cannot listen on ${where}: unknown host`,
};

function allowedOrigins(origins = []) {
  try {
    return origins.map((origin) => checkOrigin(origin, '--allow-origin'));
  } catch (error) {
    throw new UsageError(error.message);
  }
}

/** 'Name: value' -> ['Name', 'value']; the value is never echoed in an error (it may be a secret). */
function splitHeader(text) {
  const colon = text.indexOf(':');
  if (colon <= 0) throw new UsageError('--webhook-header must look like "Name: value"');
  return [text.slice(0, colon).trim(), text.slice(colon + 1).trim()];
}

function webhooksFrom(flags, env) {
  const urls = flags['webhook-url'] ?? [];
  const headers = Object.fromEntries((flags['webhook-header'] ?? []).map(splitHeader));
  const secret = env[WEBHOOK_SECRET_VARIABLE];
  if (secret !== undefined && secret !== '') headers[flags['webhook-secret-header'] ?? 'Authorization'] = secret;
  else if (flags['webhook-secret-header'] !== undefined) {
    throw new UsageError(`--webhook-secret-header needs ${WEBHOOK_SECRET_VARIABLE} in the environment`);
  }
  if (urls.length === 0 && flags['webhook-header'] !== undefined) {
    throw new UsageError('--webhook-header needs --webhook-url');
  }
  return urls.map((url) => ({ url, headers }));
}

/** startSandbox's wording of a bad option, in terms of the flag that gave it. */
function flagWording(message) {
  return message
    .replace(/^startSandbox: webhook url /, '--webhook-url ')
    .replace(/^startSandbox: webhook /, '--webhook-header: ')
    .replace(/^startSandbox: /, '--');
}

async function listen(port, host, origins, webhooks) {
  if (port > MAX_PORT) throw new UsageError(`--port must be from 0 to ${MAX_PORT}`);
  const options = { port, host, allowedOrigins: allowedOrigins(origins), webhooks };
  try {
    return await startSandbox(options);
  } catch (error) {
    const problem = LISTEN_PROBLEMS[error?.code];
    if (problem) throw new UsageError(problem(`${host} port ${port}`));
    if (error instanceof TypeError) throw new UsageError(flagWording(error.message));
    throw error;
  }
}

async function sandbox(flags, { stdout, signal, env }) {
  const webhooks = webhooksFrom(flags, env);
  const server = await listen(Number(flags.port ?? 0), flags.host ?? '127.0.0.1', flags['allow-origin'], webhooks);
  // The first line is the URL alone, so scripts can read it.
  stdout.write(`${server.url}\n`);
  stdout.write(
    // The default client's credentials are public demo values (sandbox/options.cjs), not a secret.
    `FACEKI sandbox listening. Client id: sandbox-client, client secret: sandbox-secret (demo credentials), ` +
      `workflow: sandbox-workflow. Ctrl-C stops it.\n`,
  );
  if (webhooks.length > 0) stdout.write(`Completions and record updates send webhooks to ${webhooks.length} URL(s).\n`);
  await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
  await server.close();
  return EXIT.OK;
}

module.exports = { sandbox, SANDBOX_FLAGS: FLAGS };
