// At most `limit` tasks at once, the others wait their turn in order. The page's status lookups share
// one, so auto-refresh, refresh clicks and a bulk check together stay clear of FACEKI's rate limits.

/** @param {number} limit */
export function createLimiter(limit) {
  let running = 0;
  const waiting = [];

  function next() {
    if (running >= limit || waiting.length === 0) return;
    running++;
    const { task, resolve, reject } = waiting.shift();
    Promise.resolve()
      .then(task)
      .then(resolve, reject)
      .finally(() => {
        running--;
        next();
      });
  }

  return {
    /** @template T @param {() => Promise<T>} task @returns {Promise<T>} */
    run(task) {
      return new Promise((resolve, reject) => {
        waiting.push({ task, resolve, reject });
        next();
      });
    },
  };
}
