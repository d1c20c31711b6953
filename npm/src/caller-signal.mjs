// The caller's AbortSignal is the caller's object: its getters and methods may throw, or lie. The wasm
// core only ever sees a signal of ours, relayed from the caller's here, where anything the caller's
// signal throws is caught: it ends the call as ABORTED instead of reaching the host or hanging.

import { KycError, describeThrown, invalidConfig } from './kyc-error.mjs';

function unreadable(error) {
  return new KycError({ code: 'ABORTED', message: `the call's signal could not be read: ${describeThrown(error)}` });
}

/**
 * For an AbortSignal-like object: { relay, release } where relay aborts when the caller's signal does and
 * release() unlinks them. undefined for no signal. Throws KycError INVALID_CONFIG for a non-signal, ABORTED
 * for a signal that throws when read or watched.
 */
export function watchCallerSignal(signal) {
  if (signal === undefined || signal === null) return undefined;
  if (typeof signal !== 'object' && typeof signal !== 'function') throw invalidConfig('signal must be an AbortSignal');
  let watching = false;
  const controller = new AbortController();
  const forward = () => controller.abort();
  try {
    if (typeof signal.addEventListener !== 'function' || typeof signal.aborted !== 'boolean') {
      throw invalidConfig('signal must be an AbortSignal');
    }
    if (signal.aborted) {
      controller.abort();
    } else {
      signal.addEventListener('abort', forward, { once: true });
      watching = true;
    }
  } catch (error) {
    if (error instanceof KycError) throw error;
    throw unreadable(error);
  }
  return {
    relay: controller.signal,
    release() {
      if (!watching) return;
      watching = false;
      try {
        signal.removeEventListener('abort', forward);
      } catch {
        // the caller's signal keeps a listener that only aborts a finished call: harmless
      }
    },
  };
}
