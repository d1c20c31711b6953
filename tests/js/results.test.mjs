// client.getVerifications and client.waitForVerification against small local servers: the GET on the
// wire, the records, the rules of the query, timeouts retried, redaction, and the wait's polling rules.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { createRequire } from 'node:module';

import { createKycClient, createMemoryStore, settledRecord } from '../../npm/index.mjs';
import { hostileServer } from './hostile-server.mjs';
import { assertNoSecrets, rejectionOf } from './support.mjs';

const LINK_ID = '4a7c8f2e-1111-2222-3333-444455556666';
const TOKEN = 'records-token-5d1e';

function envelope(result) {
  return JSON.stringify({ status: true, code: 200, message: 'OK', appVersion: 'v3.0.0', result });
}

function sendJson(response, status, body) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
}

// A server whose n-th request (from 0) gets answers[min(n, last)](request, response); it counts the
// requests in flight at once.
async function scriptedServer(t, answers) {
  const state = { inFlight: 0, mostInFlight: 0, count: 0 };
  const server = await hostileServer(t, (request, response) => {
    const answer = answers[Math.min(state.count++, answers.length - 1)];
    state.inFlight++;
    state.mostInFlight = Math.max(state.mostInFlight, state.inFlight);
    response.on('close', () => state.inFlight--);
    answer(request, response);
  });
  return Object.assign(server, { state });
}

async function clientFor(t, url, options = {}) {
  const client = await createKycClient({ baseUrl: url, token: TOKEN, ...options });
  t.after(() => client.close());
  return client;
}

const record = (fields) => ({ link: LINK_ID, record_identifier: 'user-7', requestId: 'req-1', ...fields });
const records = (list) => (_request, response) => sendJson(response, 200, envelope(list));

test('getVerifications: a GET with the bearer token, the key FACEKI names, the value percent-encoded', async (t) => {
  const server = await scriptedServer(t, [records([])]);
  const client = await clientFor(t, server.url);
  assert.deepEqual(await client.getVerifications({ link: LINK_ID }), []);
  assert.deepEqual(await client.getVerifications({ requestId: 'req 1' }), []);
  assert.deepEqual(await client.getVerifications({ applicationId: 'user/7&x=ä' }), []);
  assert.deepEqual(
    server.requests.map(({ method, url }) => `${method} ${url}`),
    [
      `GET /kycverify/api/kycverify/records?link=${LINK_ID}`,
      'GET /kycverify/api/kycverify/records?requestId=req%201',
      'GET /kycverify/api/kycverify/records?record_identifier=user%2F7%26x%3D%C3%A4',
    ],
  );
  for (const { headers } of server.requests) {
    assert.equal(headers.authorization, `Bearer ${TOKEN}`);
    assert.equal(headers['content-type'], undefined);
  }
});

test('getVerifications: each record with its fields, its documents and the record as FACEKI sent it', async (t) => {
  const sent = record({ document_data: [{ full_name: 'JANE Q SAMPLE', document_type: 'passport' }], score: 0.97 });
  const server = await scriptedServer(t, [records([sent, { status: 'DECLINED' }])]);
  const client = await clientFor(t, server.url);
  const [first, second] = await client.getVerifications({ link: LINK_ID });
  assert.deepEqual(first, {
    requestId: 'req-1',
    linkId: LINK_ID,
    applicationId: 'user-7',
    status: 'UNKNOWN',
    fullName: 'JANE Q SAMPLE',
    documents: sent.document_data,
    raw: sent,
  });
  assert.deepEqual(second, {
    requestId: null,
    linkId: null,
    applicationId: null,
    status: 'DECLINED',
    fullName: null,
    documents: [],
    raw: { status: 'DECLINED' },
  });
});

test('getVerifications: FACEKI data-not-found is []; other shapes and refusals are typed errors', async (t) => {
  const server = await scriptedServer(t, [
    (_request, response) => sendJson(response, 200, { status: false, code: 8013, message: 'data not found' }),
    (_request, response) => sendJson(response, 200, { status: false, code: 8014, message: `bad ${LINK_ID}` }),
    (_request, response) => sendJson(response, 200, envelope([{ requestId: 7 }])),
    (_request, response) => sendJson(response, 200, { status: true, result: { link: LINK_ID } }),
  ]);
  const client = await clientFor(t, server.url, { maxRetries: 0 });
  assert.deepEqual(await client.getVerifications({ link: LINK_ID }), []);
  const refused = await rejectionOf(client.getVerifications({ link: LINK_ID }));
  assert.equal(refused.code, 'API_ERROR');
  assert.equal(refused.reason, 'INVALID_LINK');
  for (const expected of ['record 0 has a requestId', 'no result array']) {
    const error = await rejectionOf(client.getVerifications({ link: LINK_ID }));
    assert.equal(error.code, 'BAD_RESPONSE');
    assert.match(error.message, new RegExp(expected));
  }
  for (const error of [refused]) assertNoSecrets(error, [LINK_ID, TOKEN]);
});

test('getVerifications: the query is exactly one identifier; nothing is sent otherwise', async (t) => {
  const server = await scriptedServer(t, [records([])]);
  const client = await clientFor(t, server.url);
  for (const [query, pattern] of [
    [{}, /needs one of/],
    [{ link: 'a', requestId: 'b' }, /exactly one/],
    [{ link: ' a' }, /whitespace/],
    [{ link: 3 }, /must be a string/],
    [{ linkId: 'a' }, /did you mean/],
    ['link', /must be a plain object/],
  ]) {
    const error = await rejectionOf(client.getVerifications(query));
    assert.equal(error.code, 'INVALID_REQUEST');
    assert.match(error.message, pattern);
  }
  assert.equal(server.requests.length, 0);
});

test('getVerifications: a GET that timed out is sent again (it changes nothing at FACEKI)', async (t) => {
  const server = await scriptedServer(t, [() => {}, records([record({})])]);
  const client = await clientFor(t, server.url, { timeoutMs: 300, maxRetries: 1 });
  const found = await client.getVerifications({ link: LINK_ID });
  assert.equal(found.length, 1);
  assert.equal(server.requests.length, 2);
});

test('getVerifications: the queried link ID is redacted from what the server says back', async (t) => {
  const server = await scriptedServer(t, [
    (_request, response) => sendJson(response, 500, { message: `no link ${LINK_ID}` }),
  ]);
  const client = await clientFor(t, server.url, { maxRetries: 0 });
  const error = await rejectionOf(client.getVerifications({ link: LINK_ID }));
  assert.equal(error.code, 'HTTP_ERROR');
  assert.match(error.message, /\[redacted\]/);
  assertNoSecrets(error, [LINK_ID, TOKEN]);
});

test('waitForVerification: polls one request at a time until a record is ACCEPTED or DECLINED', async (t) => {
  const server = await scriptedServer(t, [
    records([]),
    (_request, response) => sendJson(response, 503, {}),
    records([record({ status: 'REVIEW' })]),
    records([record({ status: 'REVIEW' }), record({ status: 'ACCEPTED', requestId: 'req-2' })]),
  ]);
  const client = await clientFor(t, server.url, { maxRetries: 0 });
  const settled = await client.waitForVerification({ link: LINK_ID }, { intervalMs: 5 });
  assert.equal(settled.status, 'ACCEPTED');
  assert.equal(settled.requestId, 'req-2');
  assert.equal(server.requests.length, 4);
  assert.equal(server.state.mostInFlight, 1);
});

test('waitForVerification: a record with no documented status counts once it appears', async (t) => {
  const server = await scriptedServer(t, [records([]), records([record({})])]);
  const client = await clientFor(t, server.url);
  const settled = await client.waitForVerification({ applicationId: 'user-7' }, { intervalMs: 5 });
  assert.equal(settled.status, 'UNKNOWN');
  assert.equal(settled.linkId, LINK_ID);
});

test("settledRecord: the wait's rule, exported from the ESM and CommonJS entries for callers who poll", () => {
  const require = createRequire(import.meta.url);
  assert.equal(require('../../npm').settledRecord, settledRecord);
  const [review, unknown, declined] = ['REVIEW', 'UNKNOWN', 'DECLINED'].map((status) => ({ status }));
  assert.equal(settledRecord([]), undefined);
  assert.equal(settledRecord([review]), undefined);
  assert.equal(settledRecord([review, unknown]), unknown);
  assert.equal(settledRecord([unknown, declined]), declined);
});

test('waitForVerification: TIMEOUT when time runs out, even with a request in flight', async (t) => {
  const server = await scriptedServer(t, [records([]), () => {}]);
  const client = await clientFor(t, server.url);
  const error = await rejectionOf(client.waitForVerification({ link: LINK_ID }, { intervalMs: 5, timeoutMs: 400 }));
  assert.equal(error.code, 'TIMEOUT');
  assert.ok(server.requests.length >= 2);
  assertNoSecrets(error, [LINK_ID, TOKEN]);
});

test('waitForVerification: ABORTED at once when the signal fires mid-sleep or mid-request', async (t) => {
  for (const answers of [[records([])], [() => {}]]) {
    let arrived;
    const first = new Promise((resolve) => (arrived = resolve));
    const server = await scriptedServer(t, [
      (request, response) => {
        arrived();
        answers[0](request, response);
      },
    ]);
    const client = await clientFor(t, server.url);
    const controller = new AbortController();
    // Sleeps of a minute: only an abort that cuts the sleep short ends this test in time.
    const wait = client.waitForVerification({ link: LINK_ID }, { signal: controller.signal, intervalMs: 60_000 });
    await first;
    setImmediate(() => controller.abort());
    const error = await rejectionOf(wait);
    assert.equal(error.code, 'ABORTED');
    assert.equal(server.requests.length, 1);
  }
  const aborted = await rejectionOf(
    (await clientFor(t, 'http://127.0.0.1:9')).waitForVerification({ link: 'x' }, { signal: AbortSignal.abort() }),
  );
  assert.equal(aborted.code, 'ABORTED');
});

test('waitForVerification: an error that will not pass ends the wait; bad options are INVALID_CONFIG', async (t) => {
  const server = await scriptedServer(t, [(_request, response) => sendJson(response, 401, {})]);
  const client = await clientFor(t, server.url);
  assert.equal(
    (await rejectionOf(client.waitForVerification({ link: LINK_ID }, { intervalMs: 5 }))).code,
    'UNAUTHORIZED',
  );
  assert.equal((await rejectionOf(client.waitForVerification({}, { intervalMs: 5 }))).code, 'INVALID_REQUEST');
  for (const options of [{ intervalMs: 0 }, { timeoutMs: -1 }, { timeoutMs: '5' }, { interval: 5 }, 'x']) {
    assert.equal((await rejectionOf(client.waitForVerification({ link: LINK_ID }, options))).code, 'INVALID_CONFIG');
  }
  assert.equal(server.requests.length, 1); // the 401's; nothing for the bad query or the bad options
});

test('a client with a link store looks records up and waits the same way', async (t) => {
  const server = await scriptedServer(t, [records([]), records([record({ status: 'DECLINED' })])]);
  const client = await clientFor(t, server.url, { linkStore: createMemoryStore(), reuseLinks: true });
  assert.deepEqual(await client.getVerifications({ link: LINK_ID }), []);
  assert.equal((await client.waitForVerification({ link: LINK_ID }, { intervalMs: 5 })).status, 'DECLINED');
  assert.equal(client.pendingCalls, 0);
});
