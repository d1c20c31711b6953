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
};

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

async function listen(port, host, origins) {
  if (port > MAX_PORT) throw new UsageError(`--port must be from 0 to ${MAX_PORT}`);
  const options = { port, host, allowedOrigins: allowedOrigins(origins) };
  try {
    return await startSandbox(options);
  } catch (error) {
    const problem = LISTEN_PROBLEMS[error?.code];
    if (problem) throw new UsageError(problem(`${host} port ${port}`));
    if (error instanceof TypeError) throw new UsageError(error.message.replace(/^startSandbox: /, '--'));
    throw error;
  }
}

async function sandbox(flags, { stdout, signal }) {
  const server = await listen(Number(flags.port ?? 0), flags.host ?? '127.0.0.1', flags['allow-origin']);
  // The first line is the URL alone, so scripts can read it.
  stdout.write(`${server.url}\n`);
  stdout.write(
    `FACEKI sandbox listening. Client id: sandbox-client (secret: see README), workflow: sandbox-workflow. Ctrl-C stops it.\n`
  );
  await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
  await server.close();
  return EXIT.OK;
}

module.exports = { sandbox, SANDBOX_FLAGS: FLAGS };
