// A timer the core cancelled must do nothing if it fires anyway. Test runners' fake clocks (Playwright's
// clock, for one) can fire a cleared timer; the module's timers once carried a pointer into freed memory
// and such a fire hung a page in a loop inside the wasm core. Here the clock is faked by hand: every
// timer cleared during a call is recorded, then fired after the call, as such a clock would.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { createKycClient } from '../../npm/index.mjs';
import { CLIENT_ID, CLIENT_SECRET, WORKFLOW, sandboxFor } from './support.mjs';

/** Runs `work` with setTimeout/clearTimeout recorded (still real); resolves to the cleared callbacks. */
async function clearedTimersDuring(work) {
  const { setTimeout: realSet, clearTimeout: realClear } = globalThis;
  const callbacks = new Map();
  const cleared = [];
  // Emscripten keeps a timer as a number (Node's Timeout converts to its id), so both forms are keys.
  globalThis.setTimeout = (callback, ...rest) => {
    const timer = realSet(callback, ...rest);
    callbacks.set(Number(timer), callback);
    return timer;
  };
  globalThis.clearTimeout = (timer) => {
    if (callbacks.has(Number(timer))) cleared.push(callbacks.get(Number(timer)));
    realClear(timer);
  };
  try {
    await work();
  } finally {
    globalThis.setTimeout = realSet;
    globalThis.clearTimeout = realClear;
  }
  return cleared;
}

test('cancelled timers that fire anyway do nothing: no crash, no stopped module, the client still works', async (t) => {
  const sandbox = await sandboxFor(t);
  const client = await createKycClient({ baseUrl: sandbox.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  t.after(() => client.close());
  // Each call arms the core's attempt timeout (and the token's) and cancels it when the answer comes.
  const cleared = await clearedTimersDuring(async () => {
    for (let i = 0; i < 3; i++) await client.generateKycLink({ workflowId: WORKFLOW, applicationId: `stray-${i}` });
  });
  assert.ok(cleared.length >= 3, `the calls cancelled their timeouts (${cleared.length} cleared)`);
  for (const callback of cleared) callback(); // the fake clock's stray fires
  for (const callback of cleared) callback(); // and again: a second stray fire of the same timer
  const after = await client.generateKycLink({ workflowId: WORKFLOW, applicationId: 'after-the-strays' });
  assert.match(after.linkId, /\S/);
  assert.equal(sandbox.links.length, 4);
  assert.equal(client.pendingCalls, 0);
});
