// client.waitForVerification(): polls getVerifications with backoff until a record is settled. The polling
// policy lives here, the rule for "settled" in settled-record.mjs; the records come from the C++ core.

import { KycError, invalidConfig } from './kyc-error.mjs';
import { watchCallerSignal } from './caller-signal.mjs';
import { settledRecord } from './settled-record.mjs';
import { snapshot } from './snapshot.mjs';

// Still importable from here, where the rule lived first.

const DEFAULT_TIMEOUT_MS = 30 * 60_000; // a person takes minutes, not hours, to finish a KYC flow
const DEFAULT_INTERVAL_MS = 5_000;
const MAX_INTERVAL_MS = 60_000;
const LARGEST_TIMEOUT_MS = 2_147_483_647; // what setTimeout can wait
const WAIT_KEYS = new Set(['signal', 'timeoutMs', 'intervalMs']);

function checkedMs(options, key, fallback, smallest) {
  const value = options[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < smallest || value > LARGEST_TIMEOUT_MS) {
    throw invalidConfig(`${key} must be an integer number of ms between ${smallest} and ${LARGEST_TIMEOUT_MS}`);
  }
  return value;
}

function readWaitOptions(callerOptions) {
  const options = snapshot(callerOptions ?? {}, 'INVALID_CONFIG', 'wait options');
  if (typeof options !== 'object' || Array.isArray(options)) throw invalidConfig('wait options must be an object');
  for (const key of Object.keys(options)) {
    if (!WAIT_KEYS.has(key)) throw invalidConfig(`unknown wait option "${key.slice(0, 64)}"`);
  }
  return {
    signal: options.signal,
    timeoutMs: checkedMs(options, 'timeoutMs', DEFAULT_TIMEOUT_MS, 1),
    intervalMs: checkedMs(options, 'intervalMs', DEFAULT_INTERVAL_MS, 1),
  };
}

// Resolves after ms, or at once when stop aborts.
function pause(ms, stop) {
  return new Promise((resolve) => {
    if (stop.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      stop.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    stop.addEventListener('abort', done, { once: true });
  });
}

/**
 * @param {(query: object, options: object) => Promise<object[]>} getVerifications the client's
 * @param {object} query passed to getVerifications as it is
 * @param {{ signal?: AbortSignal, timeoutMs?: number, intervalMs?: number }} [options]
 */
export async function waitForVerification(getVerifications, query, options) {
  const { signal, timeoutMs, intervalMs } = readWaitOptions(options);
  const caller = watchCallerSignal(signal);
  // One controller ends the wait for both reasons; `ended` says which came first.
  const stop = new AbortController();
  let ended;
  const end = (why) => {
    ended ??= why;
    stop.abort();
  };
  const onCallerAbort = () => end('aborted');
  if (caller?.relay.aborted) end('aborted');
  else caller?.relay.addEventListener('abort', onCallerAbort, { once: true });
  const deadline = setTimeout(() => end('timeout'), timeoutMs);
  const endedError = () =>
    ended === 'aborted'
      ? new KycError({ code: 'ABORTED', message: 'the wait for a verification was aborted' })
      : new KycError({ code: 'TIMEOUT', message: `no settled verification record within ${timeoutMs} ms` });
  try {
    const longest = Math.max(MAX_INTERVAL_MS, intervalMs);
    for (let delay = intervalMs; ; delay = Math.min(delay * 2, longest)) {
      if (ended) throw endedError();
      let records = [];
      try {
        records = await getVerifications(query, { signal: stop.signal });
      } catch (error) {
        if (ended) throw endedError();
        // The client has already retried what may pass; what may pass still gets the next poll.
        if (!(error instanceof KycError) || !(error.retryable || error.code === 'TIMEOUT')) throw error;
      }
      const record = settledRecord(records);
      if (record) return record;
      await pause(delay * (0.8 + 0.4 * Math.random()), stop.signal); // +-20% jitter spreads the pollers
    }
  } finally {
    clearTimeout(deadline);
    caller?.relay.removeEventListener('abort', onCallerAbort);
    caller?.release();
  }
}
