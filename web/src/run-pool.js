/**
 * Runs `worker` over `items` with at most `limit` running at once, in order of the items. Once
 * `signal` aborts, items not yet started are skipped (the running ones see the same signal).
 * @template T
 * @param {T[]} items
 * @param {number} limit
 * @param {(item: T, index: number) => Promise<void>} worker must not reject
 * @param {AbortSignal} signal
 */
export async function runPool(items, limit, worker, signal) {
  let next = 0;
  async function lane() {
    while (next < items.length && !signal.aborted) {
      const index = next++;
      await worker(items[index], index);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
