// `faceki-kyc-link status` and `bulk-status` against the sandbox.
// Run: node --test tests/js/cli-status.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  assertCliShowsNoSecrets,
  CLIENT_ID,
  CLIENT_SECRET,
  readCsvObjects,
  runCli,
  sandboxEnv,
  sandboxFor,
  tempDir,
  writeCsv,
  WORKFLOW,
} from './cli-harness.mjs';

const LINK_COLUMNS = ['applicationId', 'email', 'linkId', 'url', 'expiresAt', 'status', 'errorCode', 'errorMessage'];
const EXIT_PENDING = 6;

function envFor(sandbox, extra) {
  return sandboxEnv(sandbox, extra);
}

function status(sandbox, args, extra) {
  return runCli(['status', ...args], { env: envFor(sandbox, extra) });
}

function newLink(sandbox, applicationId) {
  return fetch(`${sandbox.url}/kycverify/api/kycverify/kyc-verify-link`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sandbox.issueToken()}`, 'content-type': 'application/json' },
    body: JSON.stringify({ workflowId: WORKFLOW, applicationId }),
  })
    .then((response) => response.json())
    .then((json) => json.data);
}

test('status: pending (exit 6) until a final record, then its status and name (exit 0)', async (t) => {
  const sandbox = await sandboxFor(t);
  const linkId = await newLink(sandbox, 'user-1');

  const nothing = await status(sandbox, ['--link', linkId]);
  assert.equal(nothing.code, EXIT_PENDING, nothing.stderr);
  assert.match(nothing.stdout, /^status: PENDING \(nothing submitted yet\)$/m);

  sandbox.complete(linkId, 'REVIEW', { fullName: 'Ada Lovelace' });
  const review = await status(sandbox, ['--link', linkId]);
  assert.equal(review.code, EXIT_PENDING);
  assert.match(review.stdout, /^status: REVIEW \(pending\)$/m);

  const record = sandbox.complete(linkId, 'ACCEPTED', { fullName: 'Ada \u001b[2J Lovelace' });
  const accepted = await status(sandbox, ['--link', linkId]);
  assert.equal(accepted.code, 0, accepted.stderr);
  assert.match(accepted.stdout, /^status: ACCEPTED$/m);
  assert.ok(accepted.stdout.includes('name: Ada \\x1b[2J Lovelace'), 'the name is printed terminal-safe');
  assert.ok(!accepted.stdout.includes('\u001b'));
  assert.ok(accepted.stdout.includes(`request id: ${record.requestId}`));
  assert.match(accepted.stdout, /^records: 2$/m);
  assertCliShowsNoSecrets(accepted);

  const json = await status(sandbox, ['--application-id', 'user-1', '--json']);
  assert.equal(json.code, 0);
  const parsed = JSON.parse(json.stdout);
  assert.equal(parsed.final, true);
  const { record: shown } = parsed;
  assert.deepEqual([shown.status, shown.requestId, shown.linkId], ['ACCEPTED', record.requestId, linkId]);
  assert.equal(parsed.records.length, 2);
  assert.equal(parsed.record.raw, undefined, 'raw records stay out of the output');
});

test('status: exactly one query flag; a refused token is exit 3', async (t) => {
  const sandbox = await sandboxFor(t);
  assert.equal((await status(sandbox, [])).code, 2);
  const two = await status(sandbox, ['--link', 'a', '--request-id', 'b']);
  assert.equal(two.code, 2);
  assert.match(two.stderr, /exactly one of --link, --request-id or --application-id/);
  const env = { ...envFor(sandbox), FACEKI_TOKEN: 'stale' };
  delete env.FACEKI_CLIENT_ID;
  delete env.FACEKI_CLIENT_SECRET;
  const refused = await runCli(['status', '--link', 'a'], { env });
  assert.equal(refused.code, 3, refused.stderr);
});

test('bulk-status: status columns for every link, formula-guarded, then a resume that skips final rows', async (t) => {
  const sandbox = await sandboxFor(t);
  const dir = tempDir(t);
  const [a, b, c] = [await newLink(sandbox, 'a'), await newLink(sandbox, 'b'), await newLink(sandbox, 'c')];
  const linksCsv = path.join(dir, 'links.csv');
  const statusCsv = path.join(dir, 'status.csv');
  const row = (id, linkId, state = 'created') => [
    id,
    `${id}@example.com`,
    linkId,
    linkId ? `${sandbox.url}/kycverify/${linkId}` : '',
    '',
    state,
    '',
    '',
  ];
  writeCsv(linksCsv, [LINK_COLUMNS, row('a', a), row('b', b), row('c', c), row('d', '', 'failed')]);
  sandbox.complete(a, 'ACCEPTED', { fullName: '=cmd|calc' });
  sandbox.complete(b, 'REVIEW');

  const args = ['bulk-status', '--in', linksCsv, '--out', statusCsv];
  const first = await runCli([...args, '--concurrency', '2'], { env: envFor(sandbox) });
  assert.equal(first.code, EXIT_PENDING, first.stderr);
  assert.match(first.stdout, /looked up 3 of 3 link\(s\): 1 final, 2 pending, 0 failed/);
  assert.equal(fs.statSync(statusCsv).mode & 0o777, 0o600);
  const rows = readCsvObjects(statusCsv);
  assert.deepEqual(
    rows.map((r) => r.verificationStatus),
    ['ACCEPTED', 'REVIEW', 'PENDING', ''],
  );
  assert.equal(rows[0].fullName, "'=cmd|calc", 'the formula guard applies');
  assert.equal(rows[0].email, 'a@example.com', 'input columns are kept');
  assert.equal(rows[3].lookupErrorCode, 'NO_LINK');
  assert.match(rows[1].checkedAt, /^\d{4}-\d\d-\d\dT/);

  sandbox.complete(b, 'DECLINED');
  sandbox.clearLog();
  const second = await runCli(args, { env: envFor(sandbox) });
  assert.equal(second.code, EXIT_PENDING, second.stderr);
  const looked = sandbox.requests
    .filter((entry) => entry.route === 'records')
    .map((entry) => new URL(entry.path, sandbox.url).searchParams.get('link'));
  assert.deepEqual(looked.sort(), [b, c].sort(), 'the final row (a) is not looked up again');
  const resumed = readCsvObjects(statusCsv);
  assert.deepEqual(
    resumed.map((r) => r.verificationStatus),
    ['ACCEPTED', 'DECLINED', 'PENDING', ''],
  );
  assert.equal(resumed[0].fullName, "'=cmd|calc", 'the kept row is guarded once, not twice');

  sandbox.complete(c, 'ACCEPTED');
  const third = await runCli(args, { env: envFor(sandbox) });
  assert.equal(third.code, 0, third.stderr);
});

test('bulk-status: refuses an input without linkId, its own output as input, and --out = --in', async (t) => {
  const sandbox = await sandboxFor(t);
  const dir = tempDir(t);
  const people = path.join(dir, 'people.csv');
  writeCsv(people, [['applicationId'], ['a']]);
  const bulkStatus = (input, output) =>
    runCli(['bulk-status', '--in', input, '--out', output], { env: envFor(sandbox) });
  const noLinks = await bulkStatus(people, path.join(dir, 'o.csv'));
  assert.equal(noLinks.code, 2);
  assert.match(noLinks.stderr, /no linkId column/);
  const own = path.join(dir, 'own.csv');
  writeCsv(own, [
    [...LINK_COLUMNS, 'verificationStatus'],
    ['a', '', 'l', '', '', 'created', '', '', 'ACCEPTED'],
  ]);
  assert.equal((await bulkStatus(own, path.join(dir, 'o2.csv'))).code, 2);
  assert.equal((await bulkStatus(own, own)).code, 2);
});

test('status and waitForVerification settle alike: REVIEW then UNKNOWN, UNKNOWN then DECLINED', async (t) => {
  const { createKycClient } = await import('../../npm/index.mjs');
  const sandbox = await sandboxFor(t);
  const client = await createKycClient({ baseUrl: sandbox.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  t.after(() => client.close());
  // A record without `status` reads as UNKNOWN (no documented field tells it), as FACEKI's would.
  const record = (requestId, status) => ({ link: 'link-1', record_identifier: 'user-1', requestId, status });
  const answer = (records) => ({
    route: 'records',
    body: JSON.stringify({ status: true, code: 200, message: 'OK', appVersion: 'v3.0.0', result: records }),
  });
  const cases = [
    [[record('r-review', 'REVIEW'), record('r-unknown')], 'r-unknown', 'UNKNOWN'],
    [[record('r-unknown'), record('r-declined', 'DECLINED')], 'r-declined', 'DECLINED'],
  ];
  for (const [records, requestId, expected] of cases) {
    sandbox.failNext(answer(records));
    const cli = await status(sandbox, ['--link', 'link-1', '--json']);
    assert.equal(cli.code, 0, cli.stderr);
    const shown = JSON.parse(cli.stdout);
    assert.equal(shown.final, true);
    sandbox.failNext(answer(records));
    const waited = await client.waitForVerification({ link: 'link-1' }, { intervalMs: 5, timeoutMs: 10_000 });
    assert.deepEqual([shown.record.requestId, shown.record.status], [requestId, expected]);
    assert.deepEqual([waited.requestId, waited.status], [requestId, expected]);
  }
});
