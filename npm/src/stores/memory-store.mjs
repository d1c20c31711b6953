// The in-memory store: the same contract as a shared one (get, set with a TTL, delete, lock with a
// TTL), for one process. It is the default linkStore of `reuseLinks: true`. It starts no timer that
// could keep a process alive: expired entries are dropped when touched, and all of them whenever the
// map has doubled since the last sweep (so entries never touched again cannot pile up).

function randomId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

const FIRST_SWEEP_AT = 1024;

export function createMemoryStore() {
  const entries = new Map(); // key -> { value, expiresAt }
  let sweepAt = FIRST_SWEEP_AT;

  function put(key, value, ttlMs) {
    entries.set(key, { value, expiresAt: Date.now() + ttlMs });
    if (entries.size < sweepAt) return;
    const now = Date.now();
    for (const [name, entry] of entries) if (entry.expiresAt <= now) entries.delete(name);
    sweepAt = Math.max(FIRST_SWEEP_AT, entries.size * 2);
  }

  function live(key) {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  }

  return {
    /** Entries held, expired ones not yet swept included. */
    get size() {
      return entries.size;
    },
    async get(key) {
      return live(key)?.value ?? null;
    },
    async set(key, value, ttlMs) {
      put(key, value, ttlMs);
    },
    async delete(key) {
      entries.delete(key);
    },
    async lock(key, ttlMs) {
      if (live(key)) return null;
      const owner = randomId();
      put(key, owner, ttlMs);
      // Frees only its own lock: one that expired and was taken by someone else stays theirs.
      return async () => {
        if (live(key)?.value === owner) entries.delete(key);
      };
    },
  };
}
