// End to end against the sandbox: create a link, complete it through the sandbox's control route,
// getVerifications returns its record, and the webhook the sandbox delivers is verified by the handler;
// then the portal's status update and AML update, each delivered and read by parseWebhook as its kind.
// Run: node --test tests/js/results-sandbox.test.mjs

import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';

import { createKycClient, createWebhookHandler, parseWebhook } from '../../npm/index.mjs';
import { hostileServer } from './hostile-server.mjs';
import { CLIENT_ID, CLIENT_SECRET, sandboxFor, WORKFLOW } from './support.mjs';

const WEBHOOK_SECRET = 'e2e-hook-secret-71c0';
const require = createRequire(import.meta.url);
const bodies = require('../../npm/sandbox/webhook-bodies.cjs');

function control(sandbox, path, body) {
  return fetch(`${sandbox.url}/__sandbox/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

test('create, complete, records, webhook delivered and verified', async (t) => {
  let delivered;
  const event = new Promise((resolve) => (delivered = resolve));
  const receiver = await hostileServer(t, createWebhookHandler({ secret: WEBHOOK_SECRET, onEvent: delivered }));
  const sandbox = await sandboxFor(t, {
    webhooks: [{ url: `${receiver.url}/faceki`, headers: { Authorization: WEBHOOK_SECRET } }],
  });
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

test('every webhook body the sandbox builds reads, by parseWebhook, as the kind it is named', async (t) => {
  const sandbox = await sandboxFor(t);
  const client = await createKycClient({ baseUrl: sandbox.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  t.after(() => client.close());
  const { linkId } = await client.generateKycLink({ workflowId: WORKFLOW, applicationId: 'user-kinds' });
  const headers = { authorization: WEBHOOK_SECRET };
  const parse = (body) => parseWebhook({ body: JSON.stringify(body), headers }, { secret: WEBHOOK_SECRET });
  const read = (event) => [event.type, event.requestId, event.status];
  const { WEBHOOK_KINDS } = bodies;
  for (const status of ['ACCEPTED', 'DECLINED', 'REVIEW']) {
    const record = sandbox.complete(linkId, status, { fullName: 'Kind Tester' });
    const completed = await parse(bodies.resultWebhookBody(record));
    assert.deepEqual(read(completed), [WEBHOOK_KINDS.completed, record.requestId, status]);
    assert.deepEqual([completed.linkId, completed.applicationId], [linkId, 'user-kinds']);
    const updated = await parse(bodies.statusUpdateBody(record, 'ops@example.com'));
    assert.deepEqual(read(updated), [WEBHOOK_KINDS.statusUpdated, record.requestId, status]);
    assert.equal(updated.fullName, 'Kind Tester');
    assert.equal(updated.data.updatedBy, 'ops@example.com');
    for (const amlStatus of bodies.AML_STATUSES) {
      const aml = await parse(bodies.amlUpdateBody(record, amlStatus));
      assert.deepEqual(read(aml), [WEBHOOK_KINDS.amlUpdated, record.requestId, 'UNKNOWN']);
      assert.equal(aml.data.amlStatus, amlStatus);
    }
  }
  // The portal's documented word for an accepted verification is APPROVED; parseWebhook reads it as ACCEPTED.
  assert.equal(bodies.PORTAL_STATUS_WORDS.ACCEPTED, 'APPROVED');
});

test('status and AML updates: delivered with the same headers and retries, parsed; records follow', async (t) => {
  const events = [];
  const waiters = [];
  let failuresLeft = 1; // the status update's first delivery fails, so the sandbox must retry it
  const onEvent = async (event) => {
    if (event.type === 'verification.status_updated' && failuresLeft-- > 0) throw new Error('receiver hiccup');
    events.push(event);
    for (const waiter of waiters.splice(0)) waiter();
  };
  const nextEvent = async (count) => {
    while (events.length < count) await new Promise((resolve) => waiters.push(resolve));
    return events[count - 1];
  };
  const receiver = await hostileServer(t, createWebhookHandler({ secret: WEBHOOK_SECRET, onEvent }));
  const sandbox = await sandboxFor(t, {
    webhooks: [{ url: `${receiver.url}/faceki`, headers: { Authorization: WEBHOOK_SECRET, 'X-Tenant': 'acme' } }],
    webhookPolicy: { attempts: 3, firstDelayMs: 20, timeoutMs: 5000 },
  });
  const client = await createKycClient({ baseUrl: sandbox.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  t.after(() => client.close());
  const { linkId } = await client.generateKycLink({ workflowId: WORKFLOW, applicationId: 'user-portal' });

  const completed = await control(sandbox, `links/${linkId}/complete`, { status: 'REVIEW', fullName: 'Ada Lovelace' });
  const { requestId } = await completed.json();
  assert.equal((await nextEvent(1)).type, 'verification.completed');

  const change = { status: 'ACCEPTED', updatedBy: 'ops@x.test' };
  const changed = await control(sandbox, `records/${requestId}/status`, change);
  assert.equal(changed.status, 200);
  assert.equal((await changed.json()).status, 'ACCEPTED');
  const update = await nextEvent(2);
  assert.deepEqual(
    [update.type, update.requestId, update.status],
    ['verification.status_updated', requestId, 'ACCEPTED'],
  );
  assert.equal(update.fullName, 'Ada Lovelace');
  assert.deepEqual(update.data, { requestId, fullName: 'Ada Lovelace', status: 'APPROVED', updatedBy: 'ops@x.test' });

  const [record] = await client.getVerifications({ link: linkId });
  assert.equal(record.status, 'ACCEPTED', 'the records endpoint shows the new status');
  assert.equal((await client.waitForVerification({ link: linkId }, { intervalMs: 5 })).requestId, requestId);

  const aml = await control(sandbox, `records/${requestId}/aml`, { amlStatus: 'POTENTIAL_MATCH' });
  assert.equal(aml.status, 200);
  const amlEvent = await nextEvent(3);
  assert.deepEqual([amlEvent.type, amlEvent.requestId], ['aml.updated', requestId]);
  assert.equal(amlEvent.data.amlStatus, 'POTENTIAL_MATCH');

  // The API does the same as the routes.
  assert.equal(sandbox.updateStatus(requestId, 'DECLINED').status, 'DECLINED');
  assert.equal((await nextEvent(4)).status, 'DECLINED');
  assert.equal((await nextEvent(4)).data.updatedBy, bodies.DEFAULT_UPDATED_BY);
  assert.deepEqual(sandbox.updateAml(requestId, 'CLEAR'), { requestId, fullName: 'Ada Lovelace', amlStatus: 'CLEAR' });
  assert.equal((await nextEvent(5)).type, 'aml.updated');
  assert.equal((await client.getVerifications({ requestId }))[0].status, 'DECLINED');

  await sandbox.webhooksIdle();
  const log = sandbox.webhookDeliveries.map(({ kind, attempt, status }) => [kind, attempt, status]);
  assert.deepEqual(log, [
    ['verification.completed', 1, 200],
    ['verification.status_updated', 1, 500],
    ['verification.status_updated', 2, 200],
    ['aml.updated', 1, 200],
    ['verification.status_updated', 1, 200],
    ['aml.updated', 1, 200],
  ]);
  for (const { headers, url } of receiver.requests) {
    assert.equal(url, '/faceki');
    assert.equal(headers.authorization, WEBHOOK_SECRET);
    assert.equal(headers['x-tenant'], 'acme');
  }
  assert.ok(!JSON.stringify(sandbox.webhookDeliveries).includes(WEBHOOK_SECRET), 'no secret in the delivery log');
});

test('status and AML control routes: 404 for an unknown requestId, 400 for bad input, nothing sent', async (t) => {
  const receiver = await hostileServer(t, (_request, response) => response.writeHead(200).end());
  const sandbox = await sandboxFor(t, { webhooks: [{ url: receiver.url }] });
  const client = await createKycClient({ baseUrl: sandbox.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  t.after(() => client.close());
  const { linkId } = await client.generateKycLink({ workflowId: WORKFLOW });
  const { requestId } = sandbox.complete(linkId, 'REVIEW');
  await sandbox.webhooksIdle();
  const answers = [
    [await control(sandbox, 'records/no-such-id/status', { status: 'ACCEPTED' }), 404],
    [await control(sandbox, 'records/no-such-id/aml', { amlStatus: 'MATCH' }), 404],
    [await control(sandbox, `records/${requestId}/status`, { status: 'APPROVED' }), 400],
    [await control(sandbox, `records/${requestId}/status`, { status: 'ACCEPTED', updatedBy: ' ' }), 400],
    [await control(sandbox, `records/${requestId}/status`, ['ACCEPTED']), 400],
    [await control(sandbox, `records/${requestId}/aml`, { amlStatus: 'maybe' }), 400],
    [await control(sandbox, `records/${requestId}/aml`, null), 400],
  ];
  for (const [response, status] of answers) assert.equal(response.status, status, await response.text());
  const elsewhere = await fetch(`${sandbox.url}/__sandbox/records/${requestId}/status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
    body: JSON.stringify({ status: 'ACCEPTED' }),
  });
  assert.equal(elsewhere.status, 403, 'a page elsewhere cannot change a verification');
  assert.throws(() => sandbox.updateStatus('no-such-id', 'ACCEPTED'), /updateStatus: unknown requestId/);
  assert.throws(() => sandbox.updateAml(requestId, 'maybe'), /updateAml: amlStatus must be one of CLEAR, POTENTIAL/);
  await sandbox.webhooksIdle();
  assert.equal(sandbox.webhookDeliveries.length, 1, 'only the completion was sent');
  assert.equal((await client.getVerifications({ requestId }))[0].status, 'REVIEW');
});
