// Every request and option rule, through the package (JS values cross into the C++ validators).

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { createKycClient, KycError } from '../../npm/index.mjs';
import { assertNoSecrets, rejectionOf, sandboxFor, WORKFLOW } from './support.mjs';

const long = (n) => 'x'.repeat(n);

// [description, request, field that must be reported (or null when valid)]
const REQUEST_CASES = [
  ['minimal request', { workflowId: WORKFLOW }, null],
  [
    'every field',
    { workflowId: WORKFLOW, applicationId: 'a', expiryTime: 60, redirectUrl: 'https://example.com/done' },
    null,
  ],
  ['docs spelling redirect_url', { workflowId: WORKFLOW, redirect_url: 'https://example.com' }, null],
  [
    'null and undefined mean absent',
    { workflowId: WORKFLOW, applicationId: null, expiryTime: undefined, redirectUrl: null },
    null,
  ],
  ['128 characters', { workflowId: long(128) }, null],
  ['128 code points of emoji', { workflowId: '😀'.repeat(128) }, null],
  ['http on localhost', { workflowId: WORKFLOW, redirectUrl: 'http://localhost:3000/x' }, null],
  ['http on 127.0.0.1', { workflowId: WORKFLOW, redirectUrl: 'http://127.0.0.1/x' }, null],
  ['http on [::1]', { workflowId: WORKFLOW, redirectUrl: 'http://[::1]:8080/' }, null],
  ['expiry 1', { workflowId: WORKFLOW, expiryTime: 1 }, null],
  ['expiry 525600', { workflowId: WORKFLOW, expiryTime: 525600 }, null],
  ['missing workflowId', {}, 'workflowId'],
  ['empty workflowId', { workflowId: '' }, 'workflowId'],
  ['numeric workflowId', { workflowId: 42 }, 'workflowId'],
  ['129 characters', { workflowId: long(129) }, 'workflowId'],
  ['leading whitespace', { workflowId: ' wf' }, 'workflowId'],
  ['trailing whitespace', { workflowId: 'wf ' }, 'workflowId'],
  ['control character', { workflowId: 'w\u0000f' }, 'workflowId'],
  ['newline', { workflowId: 'w\nf' }, 'workflowId'],
  ['workflowId null', { workflowId: null }, 'workflowId'],
  ['applicationId number', { workflowId: WORKFLOW, applicationId: 7 }, 'applicationId'],
  ['applicationId too long', { workflowId: WORKFLOW, applicationId: long(129) }, 'applicationId'],
  ['applicationId control character', { workflowId: WORKFLOW, applicationId: 'a\u0007' }, 'applicationId'],
  ['expiry 0', { workflowId: WORKFLOW, expiryTime: 0 }, 'expiryTime'],
  ['expiry 525601', { workflowId: WORKFLOW, expiryTime: 525601 }, 'expiryTime'],
  ['expiry negative', { workflowId: WORKFLOW, expiryTime: -5 }, 'expiryTime'],
  ['expiry fraction', { workflowId: WORKFLOW, expiryTime: 1.5 }, 'expiryTime'],
  ['expiry NaN', { workflowId: WORKFLOW, expiryTime: NaN }, 'expiryTime'],
  ['expiry Infinity', { workflowId: WORKFLOW, expiryTime: Infinity }, 'expiryTime'],
  ['expiry string', { workflowId: WORKFLOW, expiryTime: '60' }, 'expiryTime'],
  ['expiry boolean', { workflowId: WORKFLOW, expiryTime: true }, 'expiryTime'],
  ['redirect http elsewhere', { workflowId: WORKFLOW, redirectUrl: 'http://example.com' }, 'redirectUrl'],
  ['redirect relative', { workflowId: WORKFLOW, redirectUrl: '/done' }, 'redirectUrl'],
  ['redirect other scheme', { workflowId: WORKFLOW, redirectUrl: 'javascript:alert(1)' }, 'redirectUrl'],
  ['redirect credentials', { workflowId: WORKFLOW, redirectUrl: 'https://user:pw@example.com' }, 'redirectUrl'],
  ['redirect whitespace', { workflowId: WORKFLOW, redirectUrl: 'https://example.com/a b' }, 'redirectUrl'],
  ['redirect too long', { workflowId: WORKFLOW, redirectUrl: `https://example.com/${long(2030)}` }, 'redirectUrl'],
  ['redirect number', { workflowId: WORKFLOW, redirectUrl: 5 }, 'redirectUrl'],
];

test('each request rule accepts and rejects as specified, and validate() agrees', async (t) => {
  const sandbox = await sandboxFor(t, { workflows: [WORKFLOW, long(128), '😀'.repeat(128)] });
  const client = await createKycClient({ baseUrl: sandbox.url, token: sandbox.issueToken() });
  t.after(() => client.close());
  for (const [description, request, field] of REQUEST_CASES) {
    const issues = client.validate(request);
    if (field === null) {
      assert.deepEqual(issues, [], description);
      const link = await client.generateKycLink(request);
      assert.match(link.linkId, /^[0-9a-f-]{36}$/, description);
      continue;
    }
    assert.ok(
      issues.some((issue) => issue.field === field),
      `${description}: ${JSON.stringify(issues)}`,
    );
    const error = await rejectionOf(client.generateKycLink(request));
    assert.ok(error instanceof KycError, description);
    assert.equal(error.code, 'INVALID_REQUEST', description);
    assert.deepEqual(error.issues, issues, description);
    assert.equal(error.status, 0);
    assert.equal(error.retryable, false);
  }
  const linksMade = REQUEST_CASES.filter(([, , field]) => field === null).length;
  assert.equal(sandbox.stats().linkRequests, linksMade, 'nothing is sent for an invalid request');
});

test('every problem is reported at once, with suggestions for near misses', async () => {
  const client = await createKycClient({ baseUrl: 'http://127.0.0.1:9', token: 't' });
  const issues = client.validate({ workflowID: 'w', redirectURL: 'https://a.b', expiry: 5, expiryTime: 0 });
  const text = JSON.stringify(issues);
  assert.match(text, /did you mean \\"workflowId\\"/);
  assert.match(text, /did you mean \\"redirectUrl\\"/);
  assert.match(text, /did you mean \\"expiryTime\\"/);
  assert.ok(issues.some((issue) => issue.field === 'workflowId'));
  assert.ok(issues.some((issue) => issue.field === 'expiryTime'));
  assert.ok(issues.length >= 5, text);
  client.close();
});

test('redirectUrl and redirect_url together is an issue', async () => {
  const client = await createKycClient({ baseUrl: 'http://127.0.0.1:9', token: 't' });
  const issues = client.validate({ workflowId: 'w', redirectUrl: 'https://a.b', redirect_url: 'https://a.b' });
  assert.equal(issues.length, 1);
  assert.match(issues[0].message, /not both/);
  client.close();
});

test('the request must be a plain object', async () => {
  const client = await createKycClient({ baseUrl: 'http://127.0.0.1:9', token: 't' });
  class Request {
    workflowId = 'w';
  }
  for (const request of [null, undefined, 'wf', 42, ['wf'], new Request(), new Map()]) {
    const error = await rejectionOf(client.generateKycLink(request));
    assert.equal(error.code, 'INVALID_REQUEST');
    assert.equal(error.issues[0].field, 'request', String(request));
  }
  assert.deepEqual(client.validate(Object.assign(Object.create(null), { workflowId: 'w' })), []);
  client.close();
});

test('a request whose getter throws rejects as INVALID_REQUEST, not a crash', async () => {
  const client = await createKycClient({ baseUrl: 'http://127.0.0.1:9', token: 't' });
  const request = {
    get workflowId() {
      throw new Error('boom');
    },
  };
  const error = await rejectionOf(client.generateKycLink(request));
  assert.equal(error.code, 'INVALID_REQUEST');
  assert.match(error.message, /boom/);
  assert.deepEqual(client.validate({ workflowId: 'still works' }), []);
  client.close();
});

const CONFIG_CASES = [
  ['no credentials', {}],
  ['token and getToken', { token: 'secret-token-1', getToken: () => 't' }],
  ['token and client credentials', { token: 'secret-token-2', clientId: 'a', clientSecret: 'secret-b' }],
  ['clientId without secret', { clientId: 'a' }],
  ['empty token', { token: '' }],
  ['token with CR LF', { token: 'secret-token-3\r\nX-Evil: 1' }],
  ['token with a tab', { token: 'secret\ttoken-4' }],
  ['getToken not a function', { getToken: 'nope' }],
  ['http base URL elsewhere', { token: 't', baseUrl: 'http://sdk.faceki.com' }],
  ['base URL not a URL', { token: 't', baseUrl: 'sdk.faceki.com' }],
  ['base URL with credentials', { token: 't', baseUrl: 'https://u:p@sdk.faceki.com' }],
  ['timeout zero', { token: 't', timeoutMs: 0 }],
  ['timeout NaN', { token: 't', timeoutMs: NaN }],
  ['maxRetries fraction', { token: 't', maxRetries: 1.5 }],
  ['maxRetries negative', { token: 't', maxRetries: -1 }],
  ['tokenEndpoint unknown', { clientId: 'a', clientSecret: 'b', tokenEndpoint: 'oauth' }],
  ['unknown option', { token: 't', baseURL: 'https://sdk.faceki.com' }],
];

test('bad options reject createKycClient with INVALID_CONFIG, never echoing a secret', async () => {
  for (const [description, options] of CONFIG_CASES) {
    const error = await rejectionOf(createKycClient(options));
    assert.ok(error instanceof KycError, description);
    assert.equal(error.code, 'INVALID_CONFIG', description);
    assert.ok(error.issues.length > 0, description);
    assertNoSecrets(
      error,
      [options.token, options.clientSecret].filter((secret) => secret?.length > 3),
    );
  }
  for (const options of [null, 'token', 42]) {
    assert.equal((await rejectionOf(createKycClient(options))).code, 'INVALID_CONFIG');
  }
});

test('bad call options reject the call with INVALID_CONFIG', async () => {
  const client = await createKycClient({ baseUrl: 'http://127.0.0.1:9', token: 't' });
  for (const options of [{ timeoutMs: -1 }, { maxRetries: 'two' }, { signal: {} }, { retries: 2 }]) {
    const error = await rejectionOf(client.generateKycLink({ workflowId: 'w' }, options));
    assert.equal(error.code, 'INVALID_CONFIG', JSON.stringify(options));
  }
  client.close();
});
