// Auto-refresh of the statuses of the rows on screen, only while the tab is visible (Page Visibility
// API): each row is looked up again after a pause that doubles from FIRST_DELAY_MS up to MAX_DELAY_MS
// (+-20% jitter), not at all while the tab is hidden, and no more once its status is final. The book
// keeps it to one lookup per row in flight; its limiter bounds them all together.

const FIRST_DELAY_MS = 5_000;
const MAX_DELAY_MS = 60_000;

// Whole ms: a timer set for a fractional time may fire just before it, and find nothing due.
const jitter = (ms) => Math.round(ms * (0.8 + 0.4 * Math.random()));

/** No lookup will change it: final, or an error that a later try will not mend either. */
function isDone(entry) {
  if (entry?.error) return !(entry.error.retryable || entry.error.code === 'TIMEOUT');
  return Boolean(entry?.status?.final);
}

/**
 * @param {ReturnType<typeof import('./status-book.js').createStatusBook>} book
 * @param {{ doc?: Document }} [options]
 */
export function createStatusPoller(book, { doc = document } = {}) {
  const rows = new Map(); // linkId -> { delay, dueAt, busy }
  let timer = null;

  function schedule() {
    clearTimeout(timer);
    timer = null;
    if (doc.visibilityState !== 'visible') return;
    let soonest = Infinity;
    for (const row of rows.values()) if (!row.busy) soonest = Math.min(soonest, row.dueAt);
    if (soonest !== Infinity) timer = setTimeout(pollDue, Math.max(0, Math.ceil(soonest - Date.now())));
  }

  function pollDue() {
    timer = null;
    const now = Date.now();
    for (const [linkId, row] of rows) if (!row.busy && row.dueAt <= now) poll(linkId, row);
    schedule();
  }

  async function poll(linkId, row) {
    row.busy = true;
    const entry = await book.check(linkId);
    row.busy = false;
    if (rows.get(linkId) !== row) return; // no longer on screen
    if (isDone(entry)) rows.delete(linkId);
    else {
      row.dueAt = Date.now() + jitter(row.delay);
      row.delay = Math.min(row.delay * 2, MAX_DELAY_MS);
    }
    schedule();
  }

  doc.addEventListener('visibilitychange', schedule);
  // Another lookup (a refresh click, a bulk check) may have found a row final.
  book.subscribe((linkId) => {
    if (rows.has(linkId) && !rows.get(linkId).busy && isDone(book.get(linkId))) rows.delete(linkId);
  });

  return {
    /** The links on screen now: the others stop being polled. One never looked up is due at once. */
    watch(linkIds) {
      const now = Date.now();
      const shown = new Set(linkIds);
      for (const linkId of rows.keys()) if (!shown.has(linkId)) rows.delete(linkId);
      for (const linkId of shown) {
        const entry = book.get(linkId);
        if (rows.has(linkId) || isDone(entry)) continue;
        // A known status (a link just made) waits a first pause; an unknown one is looked up now.
        const row = entry?.status
          ? { delay: FIRST_DELAY_MS * 2, dueAt: now + jitter(FIRST_DELAY_MS) }
          : { delay: FIRST_DELAY_MS, dueAt: now };
        rows.set(linkId, { ...row, busy: false });
      }
      schedule();
    },
    /** A refresh click: looks the link up now and starts its backoff afresh. */
    refresh(linkId) {
      const row = rows.get(linkId);
      if (!row) return book.check(linkId);
      row.delay = FIRST_DELAY_MS;
      return row.busy ? book.check(linkId) : poll(linkId, row);
    },
  };
}
