// The admin tool's status auto-refresh (web/src/status-poller.js, status-book.js, limiter.js) on node's
// mock timers: pauses that double from 5 s to 60 s, nothing while the tab is hidden, one lookup per
// link in flight, a shared bound on all of them, and no more lookups once a status is final.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { createLimiter } from '../../web/src/limiter.js';
import { createStatusBook } from '../../web/src/status-book.js';
import { createStatusPoller } from '../../web/src/status-poller.js';

const PENDING = { state: 'pending', final: false };
const ACCEPTED = { state: 'accepted', final: true };

class FakeDocument extends EventTarget {
  visibilityState = 'visible';

  show(state) {
    this.visibilityState = state;
    this.dispatchEvent(new Event('visibilitychange'));
  }
}

const settle = () => new Promise((resolve) => setImmediate(resolve)); // setImmediate is not mocked

/** A poller over a book whose lookUp answers `answer(linkId)`; `calls` lists the links looked up. */
function setUp(t, { answer = () => PENDING, limit = 4 } = {}) {
  t.mock.timers.enable({ apis: ['setTimeout', 'Date'] });
  t.mock.method(Math, 'random', () => 0.5); // no jitter: pauses of exactly 5, 10, 20... s
  const calls = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const book = createStatusBook({
    limiter: createLimiter(limit),
    async lookUp(linkId) {
      calls.push(linkId);
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      try {
        return await answer(linkId);
      } finally {
        inFlight--;
      }
    },
  });
  const doc = new FakeDocument();
  const poller = createStatusPoller(book, { doc });
  return { book, poller, doc, calls, mostInFlight: () => mostInFlight };
}

async function advance(t, ms) {
  t.mock.timers.tick(ms);
  await settle();
}

test('a pending row is looked up after pauses of 5, 10, 20, 40, then 60 s at most', async (t) => {
  const { book, poller, calls } = setUp(t);
  book.know('link-1', PENDING); // just made: the first lookup waits a pause
  poller.watch(['link-1']);
  const times = [];
  for (let elapsed = 0; elapsed <= 300_000; elapsed += 1_000) {
    const before = calls.length;
    await advance(t, 1_000);
    if (calls.length > before) times.push(elapsed + 1_000);
  }
  assert.deepEqual(times, [5_000, 15_000, 35_000, 75_000, 135_000, 195_000, 255_000]);
});

test('a row never looked up is looked up at once; a final answer ends its polling', async (t) => {
  const { poller, calls } = setUp(t, { answer: () => ACCEPTED });
  poller.watch(['link-1']);
  await advance(t, 0);
  assert.deepEqual(calls, ['link-1']);
  await advance(t, 10 * 60_000);
  assert.deepEqual(calls, ['link-1']);
});

test('nothing while the tab is hidden; the rows due are looked up as soon as it is visible', async (t) => {
  const { book, poller, doc, calls } = setUp(t);
  book.know('link-1', PENDING);
  poller.watch(['link-1']);
  doc.show('hidden');
  await advance(t, 10 * 60_000);
  assert.equal(calls.length, 0);
  doc.show('visible');
  await advance(t, 0);
  assert.equal(calls.length, 1);
  doc.show('hidden'); // polling stops again with the next pause pending
  await advance(t, 10 * 60_000);
  assert.equal(calls.length, 1);
});

test('one lookup per link in flight, refresh clicks included, and a shared bound on all of them', async (t) => {
  const waiting = [];
  const { poller, calls, mostInFlight } = setUp(t, {
    limit: 3,
    answer: () => new Promise((resolve) => waiting.push(() => resolve(PENDING))),
  });
  const links = Array.from({ length: 8 }, (_, index) => `link-${index}`);
  poller.watch(links);
  await advance(t, 0);
  assert.equal(calls.length, 3, 'three at once: the limiter holds the others');
  const refreshed = [poller.refresh('link-0'), poller.refresh('link-0')];
  await settle();
  assert.equal(calls.filter((linkId) => linkId === 'link-0').length, 1);
  while (waiting.length > 0) {
    waiting.shift()();
    await settle();
  }
  await Promise.all(refreshed);
  assert.equal(calls.length, 8);
  assert.equal(mostInFlight(), 3);
  assert.deepEqual([...new Set(calls)].sort(), links.sort());
});

test('an error a retry will not mend ends the polling; one that may pass gets the next pause', async (t) => {
  const refused = Object.assign(new Error('refused'), { code: 'UNAUTHORIZED', retryable: false });
  const busy = Object.assign(new Error('busy'), { code: 'RATE_LIMITED', retryable: true });
  const { poller, calls, book } = setUp(t, {
    answer: (linkId) => Promise.reject(linkId === 'refused' ? refused : busy),
  });
  poller.watch(['refused', 'busy']);
  await advance(t, 0);
  assert.equal(book.get('refused').error, refused);
  await advance(t, 5_000);
  assert.deepEqual(calls.sort(), ['busy', 'busy', 'refused']);
});
