'use strict';
// Client options from flags and the environment. Secrets come only from the environment: a flag's
// value lands in shell history and process listings.

const { UsageError } = require('./usage-error.cjs');

// The flags every command that calls FACEKI takes; none of them carries a secret.
const CLIENT_FLAGS = {
  'base-url': { type: 'string' },
  'client-id': { type: 'string' },
  'timeout-ms': { type: 'string' },
  'max-retries': { type: 'string' },
};

function clientOptionsFrom(flags, env) {
  const options = { baseUrl: flags['base-url'] ?? env.FACEKI_BASE_URL };
  if (options.baseUrl === undefined) delete options.baseUrl;
  if (flags['timeout-ms'] !== undefined) options.timeoutMs = Number(flags['timeout-ms']);
  if (flags['max-retries'] !== undefined) options.maxRetries = Number(flags['max-retries']);

  if (flags['client-id'] !== undefined && env.FACEKI_CLIENT_SECRET === undefined) {
    throw new UsageError('--client-id needs FACEKI_CLIENT_SECRET in the environment');
  }
  const clientId = flags['client-id'] ?? env.FACEKI_CLIENT_ID;
  if (clientId !== undefined && env.FACEKI_CLIENT_SECRET !== undefined) {
    options.clientId = clientId;
    options.clientSecret = env.FACEKI_CLIENT_SECRET;
  } else if (env.FACEKI_TOKEN !== undefined) {
    options.token = env.FACEKI_TOKEN;
  } else {
    throw new UsageError(
      'no credentials: set FACEKI_CLIENT_ID and FACEKI_CLIENT_SECRET, or FACEKI_TOKEN, in the environment',
    );
  }
  return options;
}

module.exports = { clientOptionsFrom, CLIENT_FLAGS };
