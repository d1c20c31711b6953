// The bulk engine (faceki-kyc-link/bulk), the one the CLI and the admin tool share: CSV in and out,
// every row checked by the package's rules, repeated applicationIds merged, the bounded run and its
// result rows. Run: node --test tests/js/bulk-engine.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';

import * as bulk from '../../npm/bulk/index.mjs';
import { KycError, validateKycLinkRequest } from '../../npm/index.mjs';

const require = createRequire(import.meta.url);
const WORKFLOW = 'sandbox-workflow';
const HEADER = ['applicationId', 'name', 'expiryTime'];

const records = (...rows) => rows.map((fields, index) => ({ line: index + 2, fields }));

/** A client whose generateKycLink answers as `answer(request, signal)` says, counting what is in flight. */
function fakeClient(
  answer = (request) => ({ linkId: `id-${request.applicationId}`, url: `https://x.test/${request.applicationId}` }),
) {
  const client = { sent: [], inFlight: 0, maxInFlight: 0 };
  client.generateKycLink = async (request, options) => {
    client.sent.push(request.applicationId);
    client.inFlight++;
    client.maxInFlight = Math.max(client.maxInFlight, client.inFlight);
    try {
      await new Promise((resolve) => setImmediate(resolve));
      return await answer(request, options?.signal);
    } finally {
      client.inFlight--;
    }
  };
  return client;
}

const kycError = (code, message = `${code} happened`) => Object.assign(new KycError(message, { code }), { code });

test('parseCsv: quoted fields, BOM, CRLF, and the line each record starts on', () => {
  const text = '\ufeffapplicationId,note\r\na,"two\r\nlines"\r\n\r\nb,"say ""hi"", then, go"\r\nc,\r\n';
  const { header, records: rows } = bulk.parseCsv(text);
  assert.deepEqual(header, ['applicationId', 'note']);
  assert.deepEqual(rows, [
    { line: 2, fields: ['a', 'two\r\nlines'] },
    { line: 5, fields: ['b', 'say "hi", then, go'] },
    { line: 6, fields: ['c', ''] },
  ]);
  assert.throws(
    () => bulk.parseCsv('applicationId\n"a\n'),
    (error) => error instanceof bulk.BulkInputError && /not valid CSV/.test(error.message),
  );
});

test('checkColumns: an applicationId column, no repeats, no result column', () => {
  const refused = (header, message) =>
    assert.throws(
      () => bulk.checkColumns(header),
      (error) => error instanceof bulk.BulkInputError && message.test(error.message),
    );
  refused([], /is empty/);
  refused(['email'], /no applicationId column \(columns: email\)/);
  refused(['applicationId', 'x', 'x'], /repeats column\(s\): x/);
  refused(['applicationId', 'status'], /adds itself: status/);
  bulk.checkColumns(['applicationId', 'anything', 'else']);
  assert.deepEqual(bulk.outputColumns(['applicationId', 'x']), ['applicationId', 'x', ...bulk.RESULT_COLUMNS]);
});

test('planRows: every row checked by the package rules, with its line; nothing planned is invalid', async () => {
  const plan = await bulk.planRows({
    header: HEADER,
    records: records(['a', 'A', '60'], ['', 'no id', ''], ['b', 'B', '0'], ['c', 'C', '0x10'], ['d', 'D', '']),
    defaults: { workflowId: WORKFLOW },
    validate: validateKycLinkRequest,
  });
  assert.deepEqual(
    plan.jobs.map((job) => [job.line, job.request]),
    [
      [2, { workflowId: WORKFLOW, applicationId: 'a', expiryTime: 60 }],
      [6, { workflowId: WORKFLOW, applicationId: 'd' }],
    ],
  );
  assert.deepEqual(
    plan.invalid.map(({ line, issues }) => [line, issues.map((issue) => issue.field)]),
    [
      [3, ['applicationId']],
      [4, ['expiryTime']],
      [5, ['expiryTime']], // "0x10" is not read as 16
    ],
  );
  for (const { issues } of plan.invalid)
    assert.ok(issues.every((issue) => issue.message !== '' && !issue.message.includes('NaN')));
});

test('planRows: a repeated applicationId gets one link; the first row wins and the rest are listed', async () => {
  const plan = await bulk.planRows({
    header: HEADER,
    records: records(['u1', 'first', ''], ['u1', 'second', ''], ['u2', '', ''], ['u1', 'third', '']),
    defaults: { workflowId: WORKFLOW },
    validate: validateKycLinkRequest,
  });
  assert.deepEqual(
    plan.jobs.map((job) => job.fields[1]),
    ['first', ''],
  );
  assert.deepEqual(plan.duplicates, [
    { line: 3, applicationId: 'u1', firstLine: 2 },
    { line: 5, applicationId: 'u1', firstLine: 2 },
  ]);
});

test("planRows: an earlier run's created and uncertain rows are skipped, failed ones sent again", async () => {
  const previous = new Map([
    ['a', bulk.STATUS.CREATED],
    ['b', bulk.STATUS.UNCERTAIN],
    ['c', bulk.STATUS.FAILED],
  ]);
  const input = {
    header: HEADER,
    records: records(['a'], ['b'], ['c'], ['d']),
    defaults: { workflowId: WORKFLOW },
    validate: validateKycLinkRequest,
  };
  const plan = await bulk.planRows({ ...input, previous });
  assert.deepEqual(
    plan.jobs.map((job) => job.request.applicationId),
    ['c', 'd'],
  );
  assert.deepEqual(plan.created, [{ line: 2, applicationId: 'a' }]);
  assert.deepEqual(plan.uncertain, [{ line: 3, applicationId: 'b' }]);
  const resend = await bulk.planRows({ ...input, previous, resendUncertain: true });
  assert.deepEqual(
    resend.jobs.map((job) => job.request.applicationId),
    ['b', 'c', 'd'],
  );
});

test('defaultsProblems: a bad default is reported once, by its field', async () => {
  assert.deepEqual(await bulk.defaultsProblems({ workflowId: WORKFLOW }, validateKycLinkRequest), []);
  const badDefaults = { workflowId: WORKFLOW, expiryTime: '0', redirectUrl: 'ftp://x' };
  const problems = await bulk.defaultsProblems(badDefaults, validateKycLinkRequest);
  assert.deepEqual(problems.map((issue) => issue.field).sort(), ['expiryTime', 'redirectUrl']);
});

test('planRows takes its rules as a function, sync or async, and refuses the old client form', async () => {
  const input = { header: HEADER, records: records(['a'], ['b']), defaults: { workflowId: WORKFLOW } };
  const seen = [];
  const onlyA = (request) => {
    seen.push(request.applicationId);
    return request.applicationId === 'a' ? [] : [{ field: 'applicationId', message: 'not a' }];
  };
  const plan = await bulk.planRows({ ...input, validate: onlyA });
  assert.deepEqual(seen, ['a', 'b']);
  assert.deepEqual(
    plan.jobs.map((job) => job.request.applicationId),
    ['a'],
  );
  assert.deepEqual(plan.invalid, [{ line: 3, issues: [{ field: 'applicationId', message: 'not a' }] }]);
  const client = { validate: () => [] };
  await assert.rejects(bulk.planRows({ ...input, client }), /planRows: validate must be a function/);
  await assert.rejects(bulk.defaultsProblems({ workflowId: WORKFLOW }, client), /defaultsProblems: validate must be/);
});

test('numberOrText reads plain decimals only; expiresAt gives ISO text', () => {
  assert.deepEqual(['60', ' 60 ', '1.5', '-1', '0x10', '1e3', 'Infinity', '', undefined].map(bulk.numberOrText), [
    60,
    60,
    1.5,
    -1,
    '0x10',
    '1e3',
    'Infinity',
    '',
    undefined,
  ]);
  assert.equal(bulk.expiresAt(90, Date.UTC(2026, 0, 1)), '2026-01-01T01:30:00.000Z');
  assert.equal(bulk.expiresAt(undefined), null);
});

test('runRows: at most `concurrency` in flight, every job sent once, results with the input fields', async () => {
  const client = fakeClient();
  const jobs = Array.from({ length: 50 }, (_, i) => ({
    line: i + 2,
    fields: [`u${i}`, 'extra'],
    request: { workflowId: WORKFLOW, applicationId: `u${i}`, expiryTime: 60 },
  }));
  const results = new Map();
  const summary = await bulk.runRows({
    client,
    jobs,
    concurrency: 4,
    onResult: (job, result) => results.set(job.line, result),
  });
  assert.deepEqual(summary, {
    created: 50,
    failed: 0,
    uncertain: 0,
    notStarted: 0,
    authFailure: null,
    haltError: null,
  });
  assert.equal(client.maxInFlight, 4);
  assert.deepEqual([...client.sent].sort(), jobs.map((job) => job.request.applicationId).sort());
  const first = results.get(2);
  assert.equal(first.status, 'created');
  assert.ok(Math.abs(Date.parse(first.expiresAt) - Date.now() - 3600000) < 60000);
  assert.deepEqual(bulk.resultFields(['u0', 'extra'], first), [
    'u0',
    'extra',
    'id-u0',
    'https://x.test/u0',
    first.expiresAt,
    'created',
    '',
    '',
  ]);
  assert.deepEqual(bulk.resultOf(bulk.resultFields(['u0', 'extra'], first), 2), first);
});

test('runRows: TIMEOUT, BAD_RESPONSE, ABORTED are uncertain; FACEKI refusals failed; UNAUTHORIZED halts', async () => {
  const codes = { t: 'TIMEOUT', b: 'BAD_RESPONSE', a: 'ABORTED', r: 'API_ERROR', n: 'NETWORK_ERROR' };
  const client = fakeClient((request) => {
    throw kycError(codes[request.applicationId]);
  });
  const jobs = Object.keys(codes).map((id, i) => ({
    line: i + 2,
    fields: [id],
    request: { workflowId: WORKFLOW, applicationId: id },
  }));
  const statuses = {};
  const summary = await bulk.runRows({
    client,
    jobs,
    concurrency: 1,
    onResult: (job, result) => (statuses[job.fields[0]] = [result.status, result.errorCode]),
  });
  assert.deepEqual(statuses, {
    t: ['uncertain', 'TIMEOUT'],
    b: ['uncertain', 'BAD_RESPONSE'],
    a: ['uncertain', 'ABORTED'],
    r: ['failed', 'API_ERROR'],
    n: ['failed', 'NETWORK_ERROR'],
  });
  assert.deepEqual([summary.created, summary.failed, summary.uncertain], [0, 2, 3]);

  const refused = fakeClient(() => {
    throw kycError('UNAUTHORIZED');
  });
  const many = Array.from({ length: 20 }, (_, i) => ({
    line: i + 2,
    fields: [`${i}`],
    request: { applicationId: `${i}` },
  }));
  const stopped = await bulk.runRows({ client: refused, jobs: many, concurrency: 2 });
  assert.equal(stopped.authFailure.code, 'UNAUTHORIZED');
  assert.ok(refused.sent.length <= 2, `${refused.sent.length} sent after the refusal`);
  assert.equal(stopped.notStarted, 20 - refused.sent.length);
});

test('runRows: beforeSend finishes before each request goes out; when it throws, nothing more is sent', async () => {
  const recorded = new Set();
  const client = fakeClient((request) => {
    assert.ok(recorded.has(request.applicationId), 'sent before beforeSend finished');
    return { linkId: 'x', url: 'https://x.test/' };
  });
  const jobs = Array.from({ length: 10 }, (_, i) => ({
    line: i + 2,
    fields: [`${i}`],
    request: { applicationId: `${i}` },
  }));
  const diskFull = Object.assign(new Error('no space'), { code: 'ENOSPC' });
  const summary = await bulk.runRows({
    client,
    jobs,
    concurrency: 3,
    async beforeSend(job) {
      await new Promise((resolve) => setImmediate(resolve));
      if (job.request.applicationId === '4') throw diskFull;
      recorded.add(job.request.applicationId);
    },
  });
  assert.equal(summary.haltError, diskFull);
  assert.ok(!client.sent.includes('4'));
  assert.ok(client.sent.length <= 6, `${client.sent.length} sent`);
  assert.equal(summary.created + summary.notStarted, 10);
});

test('runRows: stop starts nothing more; abandon gives up the rows in flight as uncertain', async () => {
  const stop = new AbortController();
  const abandon = new AbortController();
  const client = fakeClient(
    (_request, signal) =>
      new Promise((_resolve, reject) => {
        if (signal.aborted) return reject(kycError('ABORTED'));
        signal.addEventListener('abort', () => reject(kycError('ABORTED')), { once: true });
        if (client.sent.length === 3) {
          stop.abort();
          abandon.abort();
        }
      }),
  );
  const jobs = Array.from({ length: 10 }, (_, i) => ({
    line: i + 2,
    fields: [`${i}`],
    request: { applicationId: `${i}` },
  }));
  const summary = await bulk.runRows({ client, jobs, concurrency: 3, stop: stop.signal, abandon: abandon.signal });
  assert.deepEqual([summary.uncertain, summary.notStarted], [3, 7]);
});

test('toCsv guards every cell a spreadsheet could run as a formula; parseOwnCsv reads it back exactly', () => {
  const risky = ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', '\n=1', ' =1', '  @x', '\uFF1D1', "'quoted", '\0x'];
  const safe = ['plain', 'a=b', 'user-1', '', 'https://x.test/=a', '1-2'];
  const cells = [...risky, ...safe];
  const csv = bulk.toCsv([['header', 'cell'], ...cells.map((cell, index) => [String(index), cell])]);
  const written = bulk.parseCsv(csv).records.map((record) => record.fields[1]);
  assert.deepEqual(written, [...risky.map((cell) => `'${cell}`), ...safe]);
  assert.deepEqual(
    bulk.parseOwnCsv(csv).records.map((record) => record.fields[1]),
    cells,
  );
});

test('one engine: the CommonJS build the CLI loads has the same exports; the engine stays browser-safe', () => {
  const cjs = require('../../npm/dist/bulk.cjs');
  assert.deepEqual(Object.keys(cjs).sort(), Object.keys(bulk).sort());
  assert.equal(cjs.toCsv([['=x']]), bulk.toCsv([['=x']]));
  const folder = new URL('../../npm/bulk/', import.meta.url);
  // The engine's own files, and the package's expires-at helper it shares with generateKycLink.
  const files = fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.mjs'))
    .map((name) => new URL(name, folder));
  for (const file of [...files, new URL('../src/expires-at.mjs', folder)]) {
    const text = fs.readFileSync(file, 'utf8');
    const imports = [...text.matchAll(/from '([^']+)'/g)].map((match) => match[1]);
    for (const specifier of imports) {
      const allowed =
        specifier.startsWith('./') || specifier === '../src/expires-at.mjs' || specifier.endsWith('/browser/esm/sync');
      assert.ok(allowed, `${file.pathname} imports ${specifier}`);
    }
    assert.doesNotMatch(text, /\bprocess\.|\brequire\(|\bBuffer\b/, `${file.pathname} uses a Node-only global`);
  }
});
