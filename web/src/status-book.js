// Every link's last known status, in memory only (a status carries the person's name). A lookup asked
// for while one for the same link is running gets that one's answer: never two in flight per link.

/**
 * @param {{ lookUp(linkId: string): Promise<object>, limiter: { run<T>(task: () => Promise<T>): Promise<T> } }} deps
 *   lookUp resolves to a status (link-status.js statusOf) or rejects with the client's error
 */
export function createStatusBook({ lookUp, limiter }) {
  const entries = new Map(); // linkId -> { status?, error?, checking, checkedAt? }
  const running = new Map(); // linkId -> the lookup's promise
  const listeners = new Set();
  const notify = (linkId) => {
    for (const listener of listeners) listener(linkId);
  };

  function check(linkId) {
    if (running.has(linkId)) return running.get(linkId);
    const before = entries.get(linkId);
    entries.set(linkId, { ...before, checking: true });
    notify(linkId);
    const lookup = limiter
      .run(() => lookUp(linkId))
      .then(
        (status) => ({ status, error: null }),
        (error) => ({ status: before?.status, error }), // the last status known stays beside the error
      )
      .then((outcome) => {
        running.delete(linkId);
        const entry = { ...outcome, checking: false, checkedAt: new Date().toISOString() };
        entries.set(linkId, entry);
        notify(linkId);
        return entry;
      });
    running.set(linkId, lookup);
    return lookup;
  }

  return {
    check,
    /** @returns {{ status?: object, error?: unknown, checking: boolean, checkedAt?: string } | undefined} */
    get: (linkId) => entries.get(linkId),
    /** Records a status known without asking (a link just made). */
    know(linkId, status) {
      entries.set(linkId, { status, error: null, checking: false });
      notify(linkId);
    },
    /** @param {(linkId: string) => void} listener called after each change of a link's entry */
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
