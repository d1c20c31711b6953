// reuseLinks: one link per person (workflowId, applicationId, redirectUrl) across every instance that
// shares the linkStore. A stored link with at least minRemainingMinutes left is handed out again;
// otherwise one instance makes it under the store's lock while the others wait for it. A failed
// creation releases the lock, and the next waiter tries itself; one that timed out leaves UNCERTAIN
// behind first, so the waiters do not make a second link for a person who may have one.
//
// A stored link needs a known expiry, so only a request with an expiryTime is reused (FACEKI does not
// document its default lifetime); without an applicationId there is no person to key on. Both are
// normal calls.

import { KycError } from '../kyc-error.mjs';
import { STORE_DOWN } from './guarded-store.mjs';
import { linkKey, lockKeyOf } from './store-keys.mjs';
import { FIRST_PAUSE_MS, nextPause, pause } from './pause.mjs';

const MINUTE_MS = 60000;

function aborted(why) {
  return new KycError({ code: 'ABORTED', message: `${why} while waiting for a shared link` });
}

/** The part of a request that names a person, or null when the request is not reusable. */
function reusableShape(request, minRemainingMinutes) {
  const { workflowId, applicationId, expiryTime } = request;
  const redirectUrl = request.redirectUrl ?? request.redirect_url ?? null;
  if (typeof applicationId !== 'string' || applicationId === '') return null;
  if (typeof expiryTime !== 'number' || expiryTime <= minRemainingMinutes) return null;
  return { workflowId, applicationId, expiryTime, redirectUrl };
}

// Stored instead of a link when the call making it timed out: FACEKI may have made the link anyway, so
// the calls waiting for it must not make a second one (for one lock TTL; a later call is a new decision).
const UNCERTAIN = JSON.stringify({ uncertain: true });

function uncertainError() {
  return new KycError({
    code: 'TIMEOUT',
    message: "another call's link request for this person timed out, so a link may already exist: none was made",
  });
}

/** A stored link still good for minRemainingMs, as { linkId, url }; null for none. Throws for UNCERTAIN. */
function parseStored(value, minRemainingMs, isUsableLink) {
  if (value === UNCERTAIN) throw uncertainError();
  if (typeof value !== 'string') return null;
  try {
    const { linkId, url, expiresAt } = JSON.parse(value);
    if (typeof linkId !== 'string' || typeof url !== 'string' || !Number.isFinite(expiresAt)) return null;
    if (!isUsableLink(linkId, url)) return null; // tampered or damaged: a new link is made instead
    return expiresAt - Date.now() >= minRemainingMs ? { linkId, url } : null;
  } catch {
    return null; // not ours or damaged: treated as no link
  }
}

/**
 * @param {{ store: object, baseUrl: string, minRemainingMinutes: number, lockTtlMs: (callOptions) => number,
 *           isClosed: () => boolean, isUsableLink: (linkId: string, url: string) => boolean,
 *           create: (request: object, callOptions: object) => Promise<{ linkId: string, url: string }> }} how
 *   store is guarded (answers STORE_DOWN)
 * @returns (request, callOptions) => a promise of a link, or undefined when the request is not reusable
 */
export function createLinkReuse({ store, baseUrl, minRemainingMinutes, lockTtlMs, isClosed, isUsableLink, create }) {
  const minRemainingMs = minRemainingMinutes * MINUTE_MS;

  async function createAndStore(key, request, shape, callOptions) {
    const startedAt = Date.now(); // the link lives expiryTime from about now: counted from before it was sent
    let link;
    try {
      link = await create(request, callOptions);
    } catch (error) {
      const uncertain = error instanceof KycError && error.code === 'TIMEOUT';
      if (uncertain) await store.set(key, UNCERTAIN, lockTtlMs(callOptions));
      throw error;
    }
    const expiresAt = startedAt + shape.expiryTime * MINUTE_MS;
    await store.set(key, JSON.stringify({ ...link, expiresAt }), expiresAt - minRemainingMs - Date.now());
    return link;
  }

  return function reuse(request, callOptions) {
    const shape = reusableShape(request, minRemainingMinutes);
    if (!shape) return undefined;
    return (async () => {
      const key = await linkKey(baseUrl, shape.workflowId, shape.applicationId, shape.redirectUrl);
      const signal = callOptions.signal;
      for (let pauseMs = FIRST_PAUSE_MS; ; pauseMs = nextPause(pauseMs)) {
        if (signal?.aborted) throw aborted('the call was aborted');
        if (isClosed()) throw aborted('the client was closed');
        const stored = await store.get(key);
        if (stored === STORE_DOWN) return create(request, callOptions); // warned: a link without reuse
        const found = parseStored(stored, minRemainingMs, isUsableLink);
        if (found) return found;
        const release = await store.lock(lockKeyOf(key), lockTtlMs(callOptions));
        if (release === STORE_DOWN) return create(request, callOptions);
        if (release) {
          try {
            const again = parseStored(await store.get(key), minRemainingMs, isUsableLink); // a holder just before us
            return again ?? (await createAndStore(key, request, shape, callOptions));
          } finally {
            await release();
          }
        }
        // Another instance is making it. Its lock ends with its call (or its TTL if it died).
        await pause(pauseMs, signal);
      }
    })();
  };
}
