// Bulk progress output (npm/cli/bulk/progress.cjs), in process with fake streams.
// Run: node --test tests/js/cli-progress.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startProgress } from '../../npm/cli/bulk/progress.cjs';

function fakeStream(isTTY) {
  const stream = {
    isTTY,
    columns: 100,
    written: '',
    write: (text) => {
      stream.written += text;
      return true;
    },
  };
  if (isTTY) Object.assign(stream, { cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  return stream;
}

test('not a terminal: one plain line per interval with counts, rate and ETA', async () => {
  const stream = fakeStream(false);
  const progress = startProgress(stream, 10, { intervalMs: 20 });
  progress.update({ created: 3, failed: 1, uncertain: 1 });
  await new Promise((resolve) => {
    const check = setInterval(() => {
      if (!stream.written) return;
      clearInterval(check);
      resolve();
    }, 5);
  });
  progress.stop();
  assert.match(stream.written, /^progress: 5\/10 rows \(3 created, 1 failed, 1 uncertain\), \d+ rows\/s, ETA \d+s\n/);
});

test('a terminal: a bar with created, failed and uncertain counts', () => {
  const stream = fakeStream(true);
  const progress = startProgress(stream, 10);
  progress.update({ created: 5, failed: 2, uncertain: 1 });
  progress.stop();
  assert.match(stream.written, /8\/10 \| created 5 \| failed 2 \| uncertain 1 \| \d+ rows\/s \| ETA/);
});
