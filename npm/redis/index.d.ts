// Types for `faceki-kyc-link/redis` (npm/redis/index.cjs), written by hand.

import type { KycStore } from '../index';

export interface RedisStoresFromUrl {
  /** e.g. redis://user:password@host:6379/0 or rediss:// for TLS; opened with the `redis` package. */
  url: string;
  client?: never;
  /** Default 5000: createRedisStores rejects if the first connection takes longer. */
  connectTimeoutMs?: number;
  /** Prepended to every key; default 'faceki-kyc:'. */
  keyPrefix?: string;
}

export interface RedisStoresFromClient {
  /** A connected node-redis client (sendCommand) or ioredis client (call). It stays yours: close() leaves it open. */
  client: object;
  url?: never;
  connectTimeoutMs?: never;
  keyPrefix?: string;
}

export interface RedisStores {
  tokenStore: KycStore;
  linkStore: KycStore;
  /** Quits the connection createRedisStores opened from `url`; a passed client is left open. */
  close(): Promise<void>;
}

/** Stores over Redis. What they hold (tokens, link URLs) is secret: keep the Redis private. */
export function createRedisStores(options: RedisStoresFromUrl | RedisStoresFromClient): Promise<RedisStores>;
