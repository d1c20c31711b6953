// The in-memory store: the same contract as a shared one (get, set with a TTL, delete, lock with a
// TTL), for one process. It is the default linkStore of `reuseLinks: true`; expired entries are
// dropped when touched, so it starts no timer that could keep a process alive.

function randomId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function createMemoryStore() {
  const entries = new Map(); // key -> { value, expiresAt }

  function live(key) {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  }

  return {
    async get(key) {
      return live(key)?.value ?? null;
    },
    async set(key, value, ttlMs) {
      entries.set(key, { value, expiresAt: Date.now() + ttlMs });
    },
    async delete(key) {
      entries.delete(key);
    },
    async lock(key, ttlMs) {
      if (live(key)) return null;
      const owner = randomId();
      entries.set(key, { value: owner, expiresAt: Date.now() + ttlMs });
      // Frees only its own lock: one that expired and was taken by someone else stays theirs.
      return async () => {
        if (live(key)?.value === owner) entries.delete(key);
      };
    },
  };
}
