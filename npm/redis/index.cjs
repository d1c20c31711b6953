'use strict';
// faceki-kyc-link/redis: the tokenStore and linkStore contract over Redis, for fleets of instances.
// Works with a node-redis client (the optional peer dependency `redis`, opened here from a URL) or a
// client you pass: node-redis (sendCommand) or ioredis (call). Only raw commands are used, so the
// client's own API versions do not matter.
//
// What lands in Redis is secret: the FACEKI bearer token and each person's link URL and link ID. Keys
// are keyPrefix + a SHA-256 hash (no applicationId or client ID in the clear); keep the Redis private.

const crypto = require('node:crypto');

// Frees a lock only if it is still ours: a holder whose lock expired (and was taken by another)
// must not free the other's.
const RELEASE_IF_OWNER =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
const DEFAULT_CONNECT_TIMEOUT_MS = 5000;

function commandRunner(client) {
  if (typeof client?.call === 'function') return (args) => client.call(...args); // ioredis
  if (typeof client?.sendCommand === 'function') return (args) => client.sendCommand(args); // node-redis
  throw new TypeError('createRedisStores: client must be a node-redis or ioredis client');
}

function positiveMs(ttlMs) {
  return String(Math.max(1, Math.ceil(ttlMs)));
}

/** The store contract (get, set with a TTL, delete, lock with a TTL) over one Redis connection. */
function redisStore(run, keyPrefix) {
  const key = (name) => keyPrefix + name;
  return {
    async get(name) {
      const value = await run(['GET', key(name)]);
      return value == null ? null : String(value);
    },
    async set(name, value, ttlMs) {
      await run(['SET', key(name), value, 'PX', positiveMs(ttlMs)]);
    },
    async delete(name) {
      await run(['DEL', key(name)]);
    },
    async lock(name, ttlMs) {
      const owner = crypto.randomBytes(16).toString('hex');
      const answer = await run(['SET', key(name), owner, 'NX', 'PX', positiveMs(ttlMs)]);
      if (answer !== 'OK') return null;
      return async () => {
        await run(['EVAL', RELEASE_IF_OWNER, '1', key(name), owner]);
      };
    },
  };
}

async function openClient(url, connectTimeoutMs) {
  let redis;
  try {
    redis = require('redis');
  } catch {
    throw new Error("createRedisStores({ url }) needs the package 'redis' (npm install redis), or pass { client }");
  }
  let client;
  try {
    client = redis.createClient({
      url,
      // While Redis is away, commands fail at once (each store call then falls back) instead of queueing.
      disableOfflineQueue: true,
      socket: { connectTimeout: connectTimeoutMs, reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 1000) },
    });
  } catch (error) {
    // Node's ERR_INVALID_URL keeps the whole URL, password and all, in error.input: never passed on.
    const code = typeof error?.code === 'string' ? ` (${error.code})` : '';
    throw new Error(`createRedisStores: url is not a Redis URL node-redis can use${code}`);
  }
  // Without a listener an 'error' event would throw in the host process; outages reach callers as
  // failed store calls (the client's onWarning), and the client reconnects on its own.
  client.on('error', () => {});
  let timer;
  const timeout = new Promise((_resolve, reject) => {
    const late = () => reject(new Error(`createRedisStores: no connection to Redis within ${connectTimeoutMs} ms`));
    timer = setTimeout(late, connectTimeoutMs);
  });
  try {
    await Promise.race([client.connect(), timeout]);
  } catch (error) {
    client.destroy?.() ?? client.disconnect?.().catch(() => {});
    // The URL may carry a password: the message never quotes it or the client's own error text.
    const ours = error?.message?.startsWith('createRedisStores:');
    throw new Error(ours ? error.message : `createRedisStores: could not connect to Redis (${error?.code ?? 'error'})`);
  } finally {
    clearTimeout(timer);
  }
  return client;
}

/**
 * @param {{ url?: string, client?: object, keyPrefix?: string, connectTimeoutMs?: number }} options
 * @returns {Promise<{ tokenStore, linkStore, close(): Promise<void> }>}
 */
async function createRedisStores(options = {}) {
  const { url, client, keyPrefix = 'faceki-kyc:', connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS } = options;
  if ((url === undefined) === (client === undefined)) {
    throw new TypeError('createRedisStores: pass either { url } or { client }');
  }
  if (typeof keyPrefix !== 'string') throw new TypeError('createRedisStores: keyPrefix must be a string');
  const ownClient = client ?? (await openClient(url, connectTimeoutMs));
  const store = redisStore(commandRunner(ownClient), keyPrefix);
  let closing;
  return {
    tokenStore: store,
    linkStore: store,
    /** Quits the connection createRedisStores opened from { url }; a client you passed stays yours. */
    close() {
      if (client !== undefined) return Promise.resolve();
      closing ??= (async () => {
        if (!ownClient.isOpen) return;
        try {
          await (ownClient.close?.() ?? ownClient.quit());
        } catch {
          ownClient.destroy?.();
        }
      })();
      return closing;
    },
  };
}

module.exports = { createRedisStores };
