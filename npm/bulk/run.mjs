// Sends planned rows over a client, a bounded number at a time, and turns each outcome into a result.

import { RESULT_COLUMNS, STATUS } from './columns.mjs';
import { expiresAt } from './request.mjs';

// After these the request went out and no readable answer came back, so FACEKI may have made a link.
// (TIMEOUT says so itself; ABORTED here means given up in flight; BAD_RESPONSE is a 2xx not understood.)
const OUTCOME_UNKNOWN = new Set(['TIMEOUT', 'ABORTED', 'BAD_RESPONSE']);

/**
 * Starts `work(item)` for items in order until all have started or `halt` is aborted; resolves once
 * every started item has finished. `work` must not reject.
 * @returns {Promise<number>} how many items were started
 */
async function runBounded(items, concurrency, halt, work) {
  let next = 0;
  async function lane() {
    while (!halt.aborted && next < items.length) await work(items[next++]);
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  return next;
}

/** The result of a row that got a link. */
function createdResult(job, link, now = Date.now()) {
  return {
    status: STATUS.CREATED,
    linkId: link.linkId,
    url: link.url,
    expiresAt: expiresAt(job.request.expiryTime, now) ?? '',
    errorCode: '',
    errorMessage: '',
  };
}

/** The result of a row whose call rejected. KycError messages are secret-free by design. */
function failedResult(error) {
  const code = error?.code ?? 'UNEXPECTED';
  return {
    status: OUTCOME_UNKNOWN.has(code) ? STATUS.UNCERTAIN : STATUS.FAILED,
    linkId: '',
    url: '',
    expiresAt: '',
    errorCode: code,
    errorMessage: String(error?.message ?? error),
  };
}

/** An output row: the input's fields (extra columns included), then the result columns. */
export const resultFields = (fields, result) => [...fields, ...RESULT_COLUMNS.map((column) => result[column] ?? '')];

/** The result columns of an output row, by name. */
export function resultOf(outputFields, inputWidth) {
  return Object.fromEntries(RESULT_COLUMNS.map((column, index) => [column, outputFields[inputWidth + index] ?? '']));
}

/**
 * Sends `jobs` with at most `concurrency` in flight. Stops starting rows when `stop` aborts, when the
 * credentials are refused (UNAUTHORIZED) or when `beforeSend` throws; `abandon` is each call's signal,
 * so aborting it gives up the rows in flight (they end uncertain).
 * @param {object} input
 * @param {{ generateKycLink(request: object, options?: { signal?: AbortSignal }): Promise<object> }} input.client
 * @param {{ line: number, fields: string[], request: object }[]} input.jobs
 * @param {number} input.concurrency
 * @param {AbortSignal} [input.stop]
 * @param {AbortSignal} [input.abandon]
 * @param {(job: object) => Promise<void> | void} [input.beforeSend] awaited before each request goes out
 * @param {(job: object, result: object) => void} [input.onResult] once per row sent; a throw halts like beforeSend's
 * @returns {Promise<{ created: number, failed: number, uncertain: number, notStarted: number,
 *                     authFailure: Error | null, haltError: Error | null }>}
 */
export async function runRows({ client, jobs, concurrency, stop, abandon, beforeSend, onResult }) {
  const halt = new AbortController();
  const onStop = () => halt.abort();
  if (stop?.aborted) halt.abort();
  else stop?.addEventListener('abort', onStop, { once: true });
  const counts = { created: 0, failed: 0, uncertain: 0 };
  let authFailure = null;
  let haltError = null;
  let notSent = 0;

  const started = await runBounded(jobs, concurrency, halt.signal, async (job) => {
    try {
      await beforeSend?.(job);
    } catch (error) {
      haltError ??= error;
      halt.abort();
      notSent++;
      return;
    }
    let result;
    try {
      result = createdResult(job, await client.generateKycLink(job.request, { signal: abandon }));
    } catch (error) {
      result = failedResult(error);
      if (error?.code === 'UNAUTHORIZED') {
        authFailure ??= error;
        halt.abort();
      }
    }
    counts[result.status]++;
    try {
      onResult?.(job, result);
    } catch (error) {
      haltError ??= error;
      halt.abort();
    }
  });
  stop?.removeEventListener('abort', onStop);
  return { ...counts, notStarted: jobs.length - started + notSent, authFailure, haltError };
}
