'use strict';
// Runs async work over a list with at most `concurrency` items in flight.

/**
 * Starts `work(item)` for items in order until all have started or `halt` is aborted; resolves once
 * every started item has finished. `work` must not reject.
 * @returns {Promise<number>} how many items were started
 */
async function runBounded(items, concurrency, halt, work) {
  let next = 0;
  async function worker() {
    while (!halt.aborted && next < items.length) await work(items[next++]);
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return next;
}

module.exports = { runBounded };
