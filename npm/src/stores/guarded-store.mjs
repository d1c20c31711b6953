// A caller's store behind a bounded timeout: an operation that fails or takes too long answers
// STORE_DOWN instead, after one warning through onWarning. The callers then fall back to what an
// instance does alone (fetch its own token, make a link without reuse): links are still made.

export const STORE_DOWN = Symbol('store down');
// What withTimeout rejects with: told apart by identity, not by reading a `code` off the store's error.
const TIMED_OUT = Symbol('timed out');

// Only the error's name or code (e.g. ECONNREFUSED) goes into a warning: a store's own message may
// quote a key, a value or a connection URL with a password.
// Read in a try: an error whose getters throw (or a revoked Proxy) must still leave a STORE_DOWN answer.
function errorLabel(error) {
  if (error === TIMED_OUT) return 'TIMEOUT';
  try {
    for (const label of [error?.code, error?.name]) {
      if (typeof label === 'string' && /^[A-Za-z_][A-Za-z0-9_]{0,40}$/.test(label)) return label;
    }
  } catch {
    // unreadable: no label
  }
  return 'an error';
}

function withTimeout(promise, timeoutMs) {
  let timer;
  const timeout = new Promise((_resolve, reject) => {
    timer = setTimeout(() => reject(TIMED_OUT), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * @param {object} store the caller's { get, set, delete, lock }
 * @param {{ name: string, timeoutMs: number, warn: (warning: object) => void, fallback: string }} how
 */
export function guardStore(store, { name, timeoutMs, warn, fallback }) {
  async function run(operation, args) {
    const pending = Promise.resolve().then(() => store[operation](...args));
    try {
      return await withTimeout(pending, timeoutMs);
    } catch (error) {
      // A lock that arrives after its timeout is nobody's: freed at once rather than left to its TTL.
      if (operation === 'lock') pending.then((late) => typeof late === 'function' && late()).catch(() => {});
      const cause = error === TIMED_OUT ? `no answer within ${timeoutMs} ms` : errorLabel(error);
      const message = `${name}.${operation} failed (${cause}): ${fallback}`;
      warn({ code: 'STORE_UNAVAILABLE', store: name, operation, message });
      return STORE_DOWN;
    }
  }

  return {
    get: (key) => run('get', [key]),
    set: (key, value, ttlMs) => run('set', [key, value, ttlMs]),
    delete: (key) => run('delete', [key]),
    // Resolves to release() (itself guarded: a failed release leaves the lock to its TTL), null, or STORE_DOWN.
    async lock(key, ttlMs) {
      const release = await run('lock', [key, ttlMs]);
      if (typeof release !== 'function') return release === STORE_DOWN ? STORE_DOWN : null;
      return () =>
        withTimeout(Promise.resolve().then(release), timeoutMs).catch((error) => {
          const message = `${name} lock release failed (${errorLabel(error)}): the lock expires after its TTL`;
          warn({ code: 'STORE_UNAVAILABLE', store: name, operation: 'release', message });
        });
    },
  };
}

/** onWarning called so that nothing it does (throw, reject) reaches the client's calls. */
export function safeWarner(onWarning) {
  if (typeof onWarning !== 'function') return () => {};
  return (warning) => {
    try {
      Promise.resolve(onWarning(Object.freeze(warning))).catch(() => {});
    } catch {
      // the caller's hook failed: the warning is dropped, the call goes on
    }
  };
}
