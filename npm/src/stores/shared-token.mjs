// The getToken a client with a tokenStore runs on: every instance reads one token from the store.
// One instance fetches at a time, under the store's lock; the others poll the store (short pauses,
// bounded by the call's timeout) and read its token. After a 401 the C++ client asks again with
// { rejectedToken }: that token is then never handed out again, and the instance holding the lock
// replaces it in the store, so every instance moves on to the new one.

import { STORE_DOWN } from './guarded-store.mjs';
import { lockKeyOf } from './store-keys.mjs';
import { FIRST_PAUSE_MS, nextPause, pause } from './pause.mjs';

// A token is kept in the store until shortly before its exp: no instance is handed one that runs out
// during its request. Short-lived tokens (sandboxes) keep half their life instead.
const EXPIRY_MARGIN_MS = 30000;

function jwtExpiresAtMs(token) {
  try {
    const base64 = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const json = JSON.parse(new TextDecoder().decode(bytes));
    return Number.isFinite(json.exp) ? json.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

function storeTtlMs(token) {
  const expiresAt = jwtExpiresAtMs(token);
  if (expiresAt === undefined) return 0; // no known expiry: not shared
  const left = expiresAt - Date.now();
  return Math.floor(left - Math.min(EXPIRY_MARGIN_MS, left / 2));
}

/**
 * @param {{ store: object, key: string, fetchToken: () => Promise<string>, waitMs: number, lockTtlMs: number }} how
 *   store is guarded (answers STORE_DOWN); fetchToken asks FACEKI for a new token
 */
export function createSharedGetToken({ store, key, fetchToken, waitMs, lockTtlMs }) {
  const usable = (token, rejected) => typeof token === 'string' && token !== '' && token !== rejected;

  async function fetchAndShare(rejected) {
    const stored = await store.get(key); // again, now under the lock: the last holder may have just set it
    if (usable(stored, rejected)) return stored;
    if (rejected !== undefined && stored === rejected) await store.delete(key);
    const token = await fetchToken();
    const ttlMs = storeTtlMs(token);
    if (ttlMs > 0) await store.set(key, token, ttlMs);
    return token;
  }

  return async function getToken(info) {
    const rejected = info?.rejectedToken;
    const deadline = Date.now() + waitMs;
    for (let pauseMs = FIRST_PAUSE_MS; ; pauseMs = nextPause(pauseMs)) {
      const stored = await store.get(key);
      if (stored === STORE_DOWN) return fetchToken(); // warned: this instance fetches its own
      if (usable(stored, rejected)) return stored;
      const release = await store.lock(lockKeyOf(key), lockTtlMs);
      if (release === STORE_DOWN) return fetchToken();
      if (release) {
        try {
          return await fetchAndShare(rejected);
        } finally {
          await release();
        }
      }
      if (Date.now() + pauseMs > deadline) {
        throw new Error('no token in the tokenStore: the instance fetching it did not finish in time');
      }
      await pause(pauseMs);
    }
  };
}
