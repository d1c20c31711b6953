'use strict';
// `faceki-kyc-link sandbox`: the local FACEKI-compatible server, until Ctrl-C.

const { startSandbox } = require('../sandbox/index.cjs');
const { EXIT } = require('./exit-codes.cjs');

const FLAGS = {
  port: { type: 'string' },
  host: { type: 'string' },
};

async function sandbox(flags, { stdout, signal }) {
  const server = await startSandbox({ port: Number(flags.port ?? 0), host: flags.host ?? '127.0.0.1' });
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
