// Waiting for another instance that holds a lock: short pauses that grow, ended early by an abort.

export const FIRST_PAUSE_MS = 5;
export const LONGEST_PAUSE_MS = 100;

export const nextPause = (ms) => Math.min(ms * 2, LONGEST_PAUSE_MS);

export function pause(ms, signal) {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
