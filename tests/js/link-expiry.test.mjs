// generateKycLink's expiresAt: computed client-side from the request's expiryTime and the answer's
// arrival; null when no expiryTime was asked for.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { createKycClient } from '../../npm/index.mjs';
import { sandboxFor, CLIENT_ID, CLIENT_SECRET, WORKFLOW } from './support.mjs';

test('expiresAt is expiryTime minutes after the answer, or null without expiryTime', async (t) => {
  const sandbox = await sandboxFor(t);
  const client = await createKycClient({ baseUrl: sandbox.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  t.after(() => client.close());
  const before = Date.now();
  const link = await client.generateKycLink({ workflowId: WORKFLOW, applicationId: 'u-1', expiryTime: 90 });
  const after = Date.now();
  const expires = Date.parse(link.expiresAt);
  assert.match(link.expiresAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  assert.ok(expires >= before + 90 * 60000 && expires <= after + 90 * 60000, link.expiresAt);
  const open = await client.generateKycLink({ workflowId: WORKFLOW, applicationId: 'u-2', expiryTime: null });
  assert.equal(open.expiresAt, null);
  assert.equal((await client.generateKycLink({ workflowId: WORKFLOW })).expiresAt, null);
});
