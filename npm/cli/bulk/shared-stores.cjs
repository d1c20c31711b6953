'use strict';
// bulk --redis-url (or FACEKI_REDIS_URL): the run shares the backend's Redis stores (same keyPrefix),
// so it uses the fleet's token and reuses a person's link instead of making a second one (rows with an
// applicationId and an expiry; see "Running many instances" in the README). Store outages only warn.

const { createRedisStores } = require('../../redis/index.cjs');
const { UsageError } = require('../usage-error.cjs');
const { terminalSafe } = require('../terminal-safe.cjs');

/** Adds the stores to `options` when a Redis URL is given; close() after the run. */
async function withSharedStores(options, flags, env, stderr) {
  const url = flags['redis-url'] ?? env.FACEKI_REDIS_URL;
  if (url === undefined) return { options, close: async () => {} };
  let stores;
  try {
    stores = await createRedisStores({ url, keyPrefix: flags['redis-key-prefix'] ?? env.FACEKI_REDIS_KEY_PREFIX });
  } catch (error) {
    // createRedisStores' messages never quote the URL (it may carry a password).
    throw new UsageError(`--redis-url: ${terminalSafe(error.message)}`);
  }
  const shared = {
    ...options,
    ...(options.clientId !== undefined ? { tokenStore: stores.tokenStore } : {}),
    linkStore: stores.linkStore,
    reuseLinks: true,
    onWarning: (warning) => stderr.write(`warning: ${terminalSafe(warning.message)}\n`),
  };
  return { options: shared, close: () => stores.close() };
}

const STORE_FLAGS = { 'redis-url': { type: 'string' }, 'redis-key-prefix': { type: 'string' } };

module.exports = { withSharedStores, STORE_FLAGS };
