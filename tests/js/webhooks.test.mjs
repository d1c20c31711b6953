// parseWebhook and the two webhook handlers: raw bodies in every form, the header check, bad bodies,
// the body cap, and the answers (200 only after onEvent, 401, 400, 413, 500) without a crash.

import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { test } from 'node:test';

import { createWebhookFetchHandler, createWebhookHandler, parseWebhook } from '../../npm/index.mjs';
import { hostileServer } from './hostile-server.mjs';
import { assertNoSecrets, rejectionOf } from './support.mjs';

const SECRET = 'hook-secret-93b1';
const LINK_ID = '4a7c8f2e-1111-2222-3333-444455556666';
const COMPLETED = JSON.stringify({
  requestId: 'req-1',
  fullName: 'JANE Q SAMPLE',
  status: 'ACCEPTED',
  kycData: { link: LINK_ID, record_identifier: 'user-7', document_data: [] },
});

test('parseWebhook: the KYC result as text, Buffer, Uint8Array or ArrayBuffer, with Node or Fetch headers', async () => {
  const bytes = new TextEncoder().encode(COMPLETED);
  const bodies = [COMPLETED, Buffer.from(COMPLETED), bytes, bytes.buffer.slice(0), new DataView(bytes.buffer)];
  const headerForms = [{ authorization: SECRET }, { Authorization: SECRET }, new Headers({ Authorization: SECRET })];
  for (const body of bodies) {
    for (const headers of headerForms) {
      const event = await parseWebhook({ body, headers }, { secret: SECRET });
      assert.deepEqual(event, {
        type: 'verification.completed',
        requestId: 'req-1',
        status: 'ACCEPTED',
        fullName: 'JANE Q SAMPLE',
        linkId: LINK_ID,
        applicationId: 'user-7',
        data: JSON.parse(COMPLETED),
      });
    }
  }
  const custom = await parseWebhook(
    { body: COMPLETED, headers: { 'x-faceki-key': SECRET } },
    { header: 'X-FaceKI-Key', secret: SECRET },
  );
  assert.equal(custom.type, 'verification.completed');
});

test('parseWebhook: other kinds parse as their type, new ones as unknown', async () => {
  const parse = (body) =>
    parseWebhook({ body: JSON.stringify(body), headers: { authorization: SECRET } }, { secret: SECRET });
  assert.equal(
    (await parse({ requestId: 'r', status: 'APPROVED', updatedBy: 'admin' })).type,
    'verification.status_updated',
  );
  assert.equal((await parse({ requestId: 'r', status: 'APPROVED' })).status, 'ACCEPTED');
  assert.equal((await parse({ requestId: 'r', amlData: { hits: 1 } })).type, 'aml.updated');
  const unknown = await parse({ event: 'something.new', x: [1] });
  assert.deepEqual(unknown, {
    type: 'unknown',
    requestId: null,
    status: 'UNKNOWN',
    fullName: null,
    data: { event: 'something.new', x: [1] },
  });
});

test('parseWebhook: a missing or wrong header is WEBHOOK_UNAUTHORIZED, and no secret is in the error', async () => {
  for (const headers of [
    {},
    { authorization: 'wrong' },
    { authorization: `${SECRET} ` },
    { authorization: [SECRET, SECRET] },
    undefined,
  ]) {
    const error = await rejectionOf(parseWebhook({ body: COMPLETED, headers }, { secret: SECRET }));
    assert.equal(error.code, 'WEBHOOK_UNAUTHORIZED');
    assert.equal(error.status, 401);
    assertNoSecrets(error, [SECRET, LINK_ID]);
  }
});

test('parseWebhook: bad bodies are WEBHOOK_INVALID, oversized ones too (413), parsed objects are refused', async () => {
  const headers = { authorization: SECRET };
  for (const body of [
    '',
    'null',
    '[]',
    '{"a":',
    '{"requestId":1,"status":"ACCEPTED","kycData":{}}',
    new Uint8Array([0x7b, 0xff, 0x7d]),
  ]) {
    const error = await rejectionOf(parseWebhook({ body, headers }, { secret: SECRET }));
    assert.equal(error.code, 'WEBHOOK_INVALID');
    assert.equal(error.status, 400);
  }
  const large = await rejectionOf(parseWebhook({ body: COMPLETED, headers }, { secret: SECRET, maxBodyBytes: 64 }));
  assert.equal(large.code, 'WEBHOOK_INVALID');
  assert.equal(large.status, 413);
  for (const body of [JSON.parse(COMPLETED), null, undefined, 42]) {
    const error = await rejectionOf(parseWebhook({ body, headers }, { secret: SECRET }));
    assert.equal(error.code, 'INVALID_REQUEST');
    assert.match(error.message, /raw text or bytes/);
  }
  for (const options of [
    {},
    { secret: '' },
    { secret: SECRET, header: 'bad header' },
    { secret: SECRET, maxBodyBytes: 0 },
    undefined,
  ]) {
    const error = await rejectionOf(parseWebhook({ body: COMPLETED, headers }, options));
    assert.equal(error.code, 'INVALID_CONFIG');
    assertNoSecrets(error, [SECRET]);
  }
});

// One request to a local server: resolves to { status, body }.
function post(url, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: 'POST', headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode, body: text }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

test('createWebhookHandler on node:http: 200 only after onEvent, else 401, 400, 413, 500; it keeps serving', async (t) => {
  const events = [];
  let onEventFinished = false;
  const handler = createWebhookHandler({
    secret: SECRET,
    maxBodyBytes: 4096,
    onEvent: async (event) => {
      if (event.requestId === 'throw') throw new Error('the app failed');
      await new Promise((resolve) => setTimeout(resolve, 50));
      events.push(event);
      onEventFinished = true;
    },
  });
  const server = await hostileServer(t, handler);
  const auth = { authorization: SECRET };

  const ok = await post(server.url, COMPLETED, auth);
  assert.equal(ok.status, 200);
  assert.ok(onEventFinished, 'answered only once onEvent had resolved');
  assert.equal(events[0].linkId, LINK_ID);
  assert.equal((await post(server.url, COMPLETED, { authorization: 'wrong' })).status, 401);
  assert.equal((await post(server.url, COMPLETED)).status, 401);
  assert.equal((await post(server.url, '{"requestId":', auth)).status, 400);
  assert.equal((await post(server.url, 'x'.repeat(10_000), auth)).status, 413);
  const failed = await post(server.url, JSON.stringify({ requestId: 'throw', status: 'ACCEPTED', kycData: {} }), auth);
  assert.equal(failed.status, 500);
  assert.ok(!failed.body.includes('the app failed'));
  assert.equal((await post(server.url, COMPLETED, auth)).status, 200);
  assert.equal(events.length, 2);
});

test('createWebhookHandler after a body parser: req.rawBody or a raw req.body is used; a parsed one is a 500 saying why', async (t) => {
  const handler = createWebhookHandler({ secret: SECRET, onEvent: () => {} });
  const server = await hostileServer(t, (req, res) => {
    // What Express's parsers leave: express.json() an object, express.raw() a Buffer, some apps req.rawBody.
    const mode = req.url.slice(1);
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      if (mode === 'json') req.body = JSON.parse(text);
      if (mode === 'raw') req.body = Buffer.from(text);
      if (mode === 'rawBody') Object.assign(req, { body: JSON.parse(text), rawBody: Buffer.from(text) });
      handler(req, res);
    });
  });
  const auth = { authorization: SECRET };
  const parsed = await post(`${server.url}/json`, COMPLETED, auth);
  assert.equal(parsed.status, 500);
  assert.match(JSON.parse(parsed.body).message, /before express\.json\(\)/);
  assert.equal((await post(`${server.url}/raw`, COMPLETED, auth)).status, 200);
  // Read by a middleware that kept nothing: a 500 that says so, not a request left hanging.
  assert.equal(JSON.parse((await post(`${server.url}/consumed`, COMPLETED, auth)).body).code, 'BODY_ALREADY_READ');
  assert.equal((await post(`${server.url}/rawBody`, COMPLETED, auth)).status, 200);
});

test('createWebhookHandler: misconfiguration answers 500, never throws; onEvent must be a function', async (t) => {
  assert.throws(() => createWebhookHandler({ secret: SECRET }), { code: 'INVALID_CONFIG' });
  const handler = createWebhookHandler({ secret: '', onEvent: () => {} });
  const server = await hostileServer(t, handler);
  const answer = await post(server.url, COMPLETED, { authorization: '' });
  assert.equal(answer.status, 500);
  assert.equal(JSON.parse(answer.body).code, 'INVALID_CONFIG');
});

test('createWebhookFetchHandler: Request in, Response out, with the same answers', async () => {
  const events = [];
  const handle = createWebhookFetchHandler({
    header: 'x-faceki-key',
    secret: SECRET,
    maxBodyBytes: 4096,
    onEvent: (event) => {
      if (event.requestId === 'throw') throw new Error('no');
      events.push(event);
    },
  });
  const send = (body, headers = { 'x-faceki-key': SECRET }) =>
    handle(new Request('http://127.0.0.1/hook', { method: 'POST', body, headers }));
  assert.equal((await send(COMPLETED)).status, 200);
  assert.equal(events[0].requestId, 'req-1');
  assert.equal((await send(COMPLETED, { authorization: SECRET })).status, 401);
  assert.equal((await send('nope')).status, 400);
  assert.equal((await send('x'.repeat(10_000))).status, 413);
  const streamed = new ReadableStream({
    pull(controller) {
      controller.enqueue(new Uint8Array(1024)); // endless: the handler must stop at the cap
    },
  });
  assert.equal(
    (
      await handle(
        new Request('http://127.0.0.1/hook', {
          method: 'POST',
          body: streamed,
          duplex: 'half',
          headers: { 'x-faceki-key': SECRET },
        }),
      )
    ).status,
    413,
  );
  assert.equal((await send(JSON.stringify({ requestId: 'throw', status: 'ACCEPTED', kycData: {} }))).status, 500);
  const response = await send(COMPLETED);
  assert.equal(response.headers.get('content-type'), 'application/json');
  assert.deepEqual(await response.json(), { ok: true });
});

test('parseWebhook: non-ASCII text reads the same as its UTF-8 bytes; a lone surrogate is WEBHOOK_INVALID', async () => {
  const body = JSON.stringify({ requestId: 'r', fullName: 'Zoë Ångström 山田', status: 'REVIEW', kycData: {} });
  const options = { secret: 'ß-secret' };
  const headers = { authorization: 'ß-secret' };
  const fromText = await parseWebhook({ body, headers }, options);
  const fromBytes = await parseWebhook({ body: new TextEncoder().encode(body), headers }, options);
  assert.equal(fromText.fullName, 'Zoë Ångström 山田');
  assert.deepEqual(fromBytes, fromText);
  for (const lone of ['{"a":"\\ud800"}', `{"a":"${String.fromCharCode(0xd800)}"}`]) {
    assert.equal((await rejectionOf(parseWebhook({ body: lone, headers }, options))).code, 'WEBHOOK_INVALID');
  }
});
