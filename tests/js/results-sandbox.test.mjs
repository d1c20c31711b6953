// End to end against the sandbox: create a link, complete it through the sandbox's control route,
// getVerifications returns its record, and the webhook the sandbox delivers is verified by the handler.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { createKycClient, createWebhookHandler } from '../../npm/index.mjs';
import { hostileServer } from './hostile-server.mjs';
import { CLIENT_ID, CLIENT_SECRET, sandboxFor, WORKFLOW } from './support.mjs';

const WEBHOOK_SECRET = 'e2e-hook-secret-71c0';

test('create, complete, records, webhook delivered and verified', async (t) => {
  let delivered;
  const event = new Promise((resolve) => (delivered = resolve));
  const receiver = await hostileServer(t, createWebhookHandler({ secret: WEBHOOK_SECRET, onEvent: delivered }));
  const sandbox = await sandboxFor(t, { webhooks: [{ url: `${receiver.url}/faceki`, headers: { Authorization: WEBHOOK_SECRET } }] });
  const client = await createKycClient({ baseUrl: sandbox.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  t.after(() => client.close());

  const { linkId } = await client.generateKycLink({ workflowId: WORKFLOW, applicationId: 'user-e2e' });
  assert.deepEqual(await client.getVerifications({ link: linkId }), []);

  const completed = await fetch(`${sandbox.url}/__sandbox/links/${linkId}/complete`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ status: 'DECLINED' }),
  });
  assert.equal(completed.status, 200, await completed.text());

  const [record] = await client.getVerifications({ link: linkId });
  assert.equal(record.linkId, linkId);
  assert.equal(record.applicationId, 'user-e2e');
  assert.equal(record.status, 'DECLINED'); // the sandbox's own status field (FACEKI documents none)
  assert.equal(typeof record.fullName, 'string');
  assert.deepEqual(record.raw, sandbox.records[0]);
  const byApplication = await client.getVerifications({ applicationId: 'user-e2e' });
  assert.equal(byApplication[0].requestId, record.requestId);
  assert.equal((await client.waitForVerification({ requestId: record.requestId }, { intervalMs: 5 })).linkId, linkId);

  const verified = await event;
  assert.equal(verified.type, 'verification.completed');
  assert.equal(verified.requestId, record.requestId);
  assert.equal(verified.status, 'DECLINED');
  assert.equal(verified.linkId, linkId);
  await sandbox.webhooksIdle();
  assert.ok(sandbox.webhookDeliveries.some((delivery) => delivery.ok && delivery.status === 200));
});
