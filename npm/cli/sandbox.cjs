'use strict';
// `faceki-kyc-link sandbox`: the local FACEKI-compatible server, until Ctrl-C.

const { startSandbox } = require('../sandbox/index.cjs');
const { EXIT } = require('./exit-codes.cjs');
const { UsageError } = require('./usage-error.cjs');

const FLAGS = {
  port: { type: 'string' },
  host: { type: 'string' },
};

const MAX_PORT = 65535;

// Why the sandbox could not listen, for the errors that are the caller's to fix.
const LISTEN_PROBLEMS = {
  EADDRINUSE: (where) => `${where} is already in use (pick another --port, or 0 for any free one)`,
  EACCES: (where) => `not allowed to listen on ${where} (ports below 1024 need privileges)`,
  EADDRNOTAVAIL: (where) => `cannot listen on ${where}: the address is not one of this machine's`,
  ENOTFOUND: (where) => `cannot listen on ${where}: unknown host`,
};

async function listen(port, host) {
  if (port > MAX_PORT) throw new UsageError(`--port must be from 0 to ${MAX_PORT}`);
  try {
    return await startSandbox({ port, host });
  } catch (error) {
    const problem = LISTEN_PROBLEMS[error?.code];
    if (problem) throw new UsageError(problem(`${host} port ${port}`));
    if (error instanceof TypeError) throw new UsageError(error.message.replace(/^startSandbox: /, '--'));
    throw error;
  }
}

async function sandbox(flags, { stdout, signal }) {
  const server = await listen(Number(flags.port ?? 0), flags.host ?? '127.0.0.1');
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
