'use strict';
// Sends the planned rows, a bounded number at a time, and appends each result to the output as it
// lands. Stops starting rows when `stop` aborts or the credentials are refused; gives up the rows in
// flight when `abandon` aborts (they are not written, so a resumed run sends them again).

const { setMaxListeners } = require('node:events');
const { expiresAt } = require('../link-values.cjs');
const { runBounded } = require('./run-bounded.cjs');

function okFields(job, link) {
  return [...job.fields, link.linkId, link.url, expiresAt(job.request.expiryTime) ?? '', 'ok', '', ''];
}

// KycError messages are secret-free by design; the code says what kind of failure it was.
function failedFields(job, error) {
  return [...job.fields, '', '', '', 'failed', error?.code ?? 'UNEXPECTED', error?.message ?? String(error)];
}

/**
 * @returns {Promise<{ ok: number, failed: number, abandoned: number, notStarted: number, authFailure: Error | null }>}
 */
async function sendRows({ client, jobs, output, concurrency, stop, abandon, onProgress }) {
  // Each row in flight listens on `abandon`; past 10, Node would warn of a leak that is not one.
  setMaxListeners(concurrency + 1, abandon);
  const halt = new AbortController();
  if (stop.aborted) halt.abort();
  else stop.addEventListener('abort', () => halt.abort(), { once: true });
  const counts = { ok: 0, failed: 0 };
  let abandoned = 0;
  let authFailure = null;

  const started = await runBounded(jobs, concurrency, halt.signal, async (job) => {
    try {
      const link = await client.generateKycLink(job.request, { signal: abandon });
      output.append(okFields(job, link));
      counts.ok++;
    } catch (error) {
      if (abandon.aborted && error?.code === 'ABORTED') {
        abandoned++;
        return;
      }
      if (error?.code === 'UNAUTHORIZED') {
        authFailure ??= error;
        halt.abort();
      }
      output.append(failedFields(job, error));
      counts.failed++;
    }
    onProgress(counts);
  });
  return { ...counts, abandoned, notStarted: jobs.length - started, authFailure };
}

module.exports = { sendRows };
