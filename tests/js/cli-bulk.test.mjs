// `faceki-kyc-link bulk` against the sandbox: complete runs, interrupted and resumed runs, bad input,
// CSV round trips and exit codes. kill -9, files and the formula guard: security-bulk.test.mjs.
// Run: node --test tests/js/cli-bulk.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  assertCliShowsNoSecrets,
  linksPerApplication,
  readCsvObjects,
  runCli,
  sandboxEnv,
  startCli,
  until,
  WORKFLOW,
  writeCsv,
  bulkSetup,
  BULK_CONCURRENCY,
} from './cli-harness.mjs';

const CONCURRENCY = BULK_CONCURRENCY;

/** Every row created, one row per applicationId, and the sandbox made exactly the links the file holds. */
function assertComplete(sandbox, outFile, rowCount) {
  const rows = readCsvObjects(outFile);
  assert.equal(rows.length, rowCount);
  assert.ok(rows.every((row) => row.status === 'created' && row.errorCode === '' && row.errorMessage === ''));
  assert.equal(new Set(rows.map((row) => row.applicationId)).size, rowCount);
  const issued = new Set(sandbox.links.map((link) => link.linkId));
  assert.ok(rows.every((row) => issued.has(row.linkId) && row.url.endsWith(`/kycverify/${row.linkId}`)));
}

test('a 1,000-row run makes exactly 1,000 links and exits 0', async (t) => {
  const { sandbox, outFile, args, env } = await bulkSetup(t, 1000);
  const started = Date.now();
  const result = await runCli(args, { env });
  const seconds = (Date.now() - started) / 1000;
  t.diagnostic(`1000 rows in ${seconds.toFixed(2)} s (${Math.round(1000 / seconds)} rows/s, process start included)`);

  assert.equal(result.code, 0, result.stderr);
  assert.equal(sandbox.links.length, 1000);
  assert.ok([...linksPerApplication(sandbox).values()].every((count) => count === 1));
  assertComplete(sandbox, outFile, 1000);
  assert.match(result.stdout, /summary: 1000 created, 0 failed, 0 uncertain/);
  assertCliShowsNoSecrets(result);
  assert.doesNotMatch(result.stdout, /\/kycverify\//, 'the summary names no link');
});

test('SIGINT halfway finishes the rows in flight, exits 130, and a resumed run makes no second link', async (t) => {
  const rowCount = 400;
  const { sandbox, outFile, args, env } = await bulkSetup(t, rowCount);
  // Slow every request so the interrupt lands mid-run.
  sandbox.failNext(Array.from({ length: rowCount }, () => ({ delayMs: 25 })));

  const run = startCli(args, { env });
  // The sandbox's own list, in this process: nothing is read while the CLI writes it.
  await until(() => sandbox.links.length >= rowCount / 2);
  run.child.kill('SIGINT');
  const interrupted = await run.exited;

  assert.equal(interrupted.code, 130, interrupted.stderr);
  assert.match(interrupted.stderr, /to resume, run the same command again/);
  const written = readCsvObjects(outFile);
  assert.ok(written.length < rowCount, `interrupt came too late: ${written.length} rows`);
  // Everything the sandbox issued was waited for and written down.
  assert.equal(written.length, sandbox.links.length);
  assert.ok(written.every((row) => row.status === 'created'));
  assertCliShowsNoSecrets(interrupted);

  const resumed = await runCli(args, { env });
  assert.equal(resumed.code, 0, resumed.stderr);
  assert.match(resumed.stdout, new RegExp(`${written.length} already created in an earlier run`));
  assertComplete(sandbox, outFile, rowCount);
  assert.equal(sandbox.links.length, rowCount);
  assert.ok(
    [...linksPerApplication(sandbox).values()].every((count) => count === 1),
    'an applicationId got two links',
  );
});

test('a second SIGINT abandons the rows in flight: exit 130; they end uncertain, not resent unasked', async (t) => {
  const rowCount = 20;
  const { sandbox, outFile, args, env } = await bulkSetup(t, rowCount);
  // The first requests hang, so they are still in flight when Ctrl-C comes twice.
  sandbox.failNext(Array.from({ length: CONCURRENCY }, () => ({ delayMs: 30000 })));

  const run = startCli(args, { env });
  await until(() => sandbox.stats().linkRequests === CONCURRENCY);
  run.child.kill('SIGINT');
  await until(() => run.stderr().includes('stopping:'));
  run.child.kill('SIGINT');
  const interrupted = await run.exited;
  assert.equal(interrupted.code, 130, interrupted.stderr);
  assert.match(interrupted.stdout, new RegExp(`0 created, 0 failed, ${CONCURRENCY} uncertain`));
  const abandoned = readCsvObjects(outFile);
  assert.equal(abandoned.length, CONCURRENCY);
  assert.ok(abandoned.every((row) => row.status === 'uncertain' && row.errorCode === 'ABORTED'));

  // Abandoned rows may have reached FACEKI: not sent again without --resend-uncertain.
  const resumed = await runCli(args, { env });
  assert.equal(resumed.code, 1, resumed.stderr);
  assert.match(
    resumed.stdout,
    new RegExp(`${rowCount - CONCURRENCY} created, .*${CONCURRENCY} uncertain from an earlier run`),
  );
  assert.equal(sandbox.stats().linkRequests, rowCount);
  const again = await runCli([...args, '--resend-uncertain'], { env });
  assert.equal(again.code, 0, again.stderr);
  assertComplete(sandbox, outFile, rowCount);
});

test('failed rows are written with their error, exit 1, and a resumed run retries only them', async (t) => {
  const { sandbox, outFile, args, env } = await bulkSetup(t, 20);
  sandbox.failNext([{ responseCode: 5001 }, { responseCode: 5001 }, { responseCode: 5001 }]);

  const first = await runCli(args, { env });
  assert.equal(first.code, 1, first.stderr);
  const failed = readCsvObjects(outFile).filter((row) => row.status === 'failed');
  assert.equal(failed.length, 3);
  assert.ok(
    failed.every((row) => row.errorCode !== '' && row.errorMessage !== '' && row.url === '' && row.linkId === ''),
  );
  assert.match(first.stdout, /summary: 17 created, 3 failed, 0 uncertain/);

  const second = await runCli(args, { env });
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stdout, /summary: 3 created, 0 failed, 0 uncertain, 17 already created in an earlier run/);
  assertComplete(sandbox, outFile, 20);
  assert.equal(sandbox.links.length, 20);
});

test('quoted fields with commas, quotes, line breaks and UTF-8 survive the round trip (BOM, CRLF)', async (t) => {
  const { sandbox, inFile, outFile, args, env } = await bulkSetup(t);
  const input = [
    ['applicationId', 'name', 'note'],
    ['ü-1', 'Doe, Jane', 'said "hi"\r\nthen left'],
    ['李-2', 'Ünïcödé 😀', 'line one\nline two'],
    ['plain-3', '', ',,,'],
  ];
  writeCsv(inFile, input, { bom: true, lineBreak: '\r\n' });

  const result = await runCli(args, { env });
  assert.equal(result.code, 0, result.stderr);
  const rows = readCsvObjects(outFile);
  assert.deepEqual(
    rows.map((row) => [row.applicationId, row.name, row.note]),
    input.slice(1),
  );
  assert.deepEqual(sandbox.links.map((link) => link.applicationId).sort(), ['plain-3', 'ü-1', '李-2'].sort());
});

test('bad rows are reported with their line numbers, exit 2, and nothing is sent', async (t) => {
  const { sandbox, inFile, args, env } = await bulkSetup(t);
  const text = [
    'applicationId,note,expiryTime,redirectUrl',
    'ok-1,"two\nlines",,', // lines 2-3
    ',empty id,,', // line 4
    '',
    'ok-2,x,0,', // line 6
    'ok-3,y,,http://example.com/back', // line 7
    'ok-4,z,60,https://example.com/back', // line 8
  ].join('\r\n');
  fs.writeFileSync(inFile, text);

  const result = await runCli(args, { env });
  assert.equal(result.code, 2, result.stderr);
  assert.match(result.stderr, /users\.csv line 4: applicationId: /);
  assert.match(result.stderr, /users\.csv line 6: expiryTime: /);
  assert.match(result.stderr, /users\.csv line 7: redirectUrl: /);
  assert.doesNotMatch(result.stderr, /line (2|3|8):/);
  assert.deepEqual(sandbox.stats(), { tokenRequests: 0, linkRequests: 0 });
});

test('--check validates only: lists bad rows and duplicates, sends nothing, needs no credentials', async (t) => {
  const { sandbox, inFile, outFile, env } = await bulkSetup(t);
  writeCsv(inFile, [
    ['applicationId', 'expiryTime'],
    ['a', '60'],
    ['b', 'soon'],
    ['a', ''],
  ]);
  const check = ['bulk', '--check', '--in', inFile, '--out', outFile, '--workflow-id', WORKFLOW];

  const bad = await runCli(check, { env: { PATH: process.env.PATH } });
  assert.equal(bad.code, 2, bad.stderr);
  assert.match(bad.stdout, /line 3: expiryTime: /);
  assert.match(bad.stdout, /line 4: applicationId "a" repeats line 2/);
  assert.match(bad.stdout, /3 row\(s\), 1 bad row\(s\), 1 duplicate .*nothing was sent/);

  writeCsv(inFile, [['applicationId'], ['a'], ['b']]);
  const good = await runCli(check, { env });
  assert.equal(good.code, 0, good.stderr);
  assert.match(good.stdout, /2 row\(s\), all rows valid/);
  assert.deepEqual(sandbox.stats(), { tokenRequests: 0, linkRequests: 0 });
  assert.equal(fs.existsSync(outFile), false);
});

test('a repeated applicationId is reported and gets one link', async (t) => {
  const { sandbox, inFile, outFile, args, env } = await bulkSetup(t);
  writeCsv(inFile, [['applicationId'], ['a'], ['b'], ['a']]);

  const result = await runCli(args, { env });
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stderr, /line 4: applicationId "a" repeats line 2; it gets one link/);
  assert.equal(sandbox.links.length, 2);
  assert.deepEqual(
    readCsvObjects(outFile).map((row) => row.applicationId),
    ['a', 'b'],
  );
});

test('per-row columns override the flags; expiresAt follows expiryTime', async (t) => {
  const { sandbox, inFile, outFile, args, env } = await bulkSetup(t, undefined, {
    workflows: [WORKFLOW, 'other-workflow'],
  });
  writeCsv(inFile, [
    ['applicationId', 'workflowId', 'expiryTime', 'redirectUrl'],
    ['a', '', '', ''],
    ['b', 'other-workflow', '30', 'https://example.com/b'],
  ]);
  const before = Date.now();
  const result = await runCli([...args, '--expiry-minutes', '90', '--redirect-url', 'https://example.com/all'], {
    env,
  });
  assert.equal(result.code, 0, result.stderr);
  const links = Object.fromEntries(sandbox.links.map((link) => [link.applicationId, link]));
  const asked = (link) => [link.workflowId, link.expiryTime, link.redirectUrl];
  assert.deepEqual(asked(links.a), [WORKFLOW, 90, 'https://example.com/all']);
  assert.deepEqual(asked(links.b), ['other-workflow', 30, 'https://example.com/b']);
  const rows = Object.fromEntries(readCsvObjects(outFile).map((row) => [row.applicationId, row]));
  const minutesLeft = (row) => (Date.parse(row.expiresAt) - before) / 60000;
  assert.ok(Math.abs(minutesLeft(rows.a) - 90) < 1 && Math.abs(minutesLeft(rows.b) - 30) < 1);
});

test('refused credentials stop the run with exit 3 and no secret printed', async (t) => {
  const { sandbox, outFile, args } = await bulkSetup(t, 50);
  const result = await runCli(args, { env: sandboxEnv(sandbox, { FACEKI_CLIENT_SECRET: 'wrong-secret-value' }) });
  assert.equal(result.code, 3, result.stderr);
  assert.match(result.stderr, /authentication failed/);
  assert.equal(sandbox.links.length, 0);
  const rows = readCsvObjects(outFile);
  assert.ok(rows.length <= CONCURRENCY, `${rows.length} rows were tried after the refusal`);
  assert.ok(rows.every((row) => row.status === 'failed' && row.errorCode === 'UNAUTHORIZED'));
  assert.ok(!(result.stdout + result.stderr).includes('wrong-secret-value'));
});

test('FACEKI_TOKEN works as the credential', async (t) => {
  const { sandbox, outFile, args } = await bulkSetup(t, 3);
  const token = sandbox.issueToken();
  const env = { PATH: process.env.PATH, FACEKI_BASE_URL: sandbox.url, FACEKI_TOKEN: token };
  const result = await runCli(args, { env });
  assert.equal(result.code, 0, result.stderr);
  assertComplete(sandbox, outFile, 3);
  assertCliShowsNoSecrets(result, { tokens: [token] });
});

test('usage errors exit 2 before sending anything', async (t) => {
  const { sandbox, dir, inFile, outFile, args, env } = await bulkSetup(t, 2);
  const noIdColumn = path.join(dir, 'no-id.csv');
  writeCsv(noIdColumn, [['email'], ['a@example.com']]);
  const otherOut = path.join(dir, 'other.csv');
  writeCsv(otherOut, [
    ['something', 'else'],
    ['1', '2'],
  ]);
  const unclosedQuote = path.join(dir, 'broken.csv');
  fs.writeFileSync(unclosedQuote, 'applicationId\n"a\n');
  const outInMissingDir = path.join(dir, 'no-such-dir', 'links.csv');

  const cases = [
    [['bulk', '--out', outFile, '--workflow-id', WORKFLOW], env, /--in is required/],
    [['bulk', '--in', inFile, '--workflow-id', WORKFLOW], env, /--out is required/],
    [['bulk', '--in', inFile, '--out', outFile], env, /--workflow-id is required/],
    [[...args, '--concurrency', '0'], env, /--concurrency must be/],
    [[...args, '--concurrency', '0x8'], env, /--concurrency must be/],
    [['bulk', '--in', inFile, '--out', inFile, '--workflow-id', WORKFLOW], env, /--out names the input file/],
    [[...args, '--expiry-minutes', '0'], env, /error: --expiry-minutes: expiryTime must be .*\nRun/],
    [['bulk', '--in', inFile, '--out', outInMissingDir, '--workflow-id', WORKFLOW], env, /cannot write output file/],
    [['bulk', '--in', noIdColumn, '--out', outFile, '--workflow-id', WORKFLOW], env, /no applicationId column/],
    [['bulk', '--in', unclosedQuote, '--out', outFile, '--workflow-id', WORKFLOW], env, /not valid CSV/],
    [['bulk', '--in', path.join(dir, 'missing.csv'), '--out', outFile, '--workflow-id', WORKFLOW], env, /cannot read/],
    [['bulk', '--in', inFile, '--out', otherOut, '--workflow-id', WORKFLOW], env, /exists with other columns/],
    [args, { PATH: process.env.PATH, FACEKI_BASE_URL: sandbox.url }, /no credentials/],
    [
      [...args, '--client-id', 'other'],
      { PATH: process.env.PATH, FACEKI_TOKEN: 'a-token' },
      /--client-id needs FACEKI_CLIENT_SECRET/,
    ],
    [[...args, '--client-secret', 'x'], env, /--client-secret is not a flag: .*FACEKI_CLIENT_SECRET/],
  ];
  for (const [caseArgs, caseEnv, message] of cases) {
    const result = await runCli(caseArgs, { env: caseEnv });
    assert.equal(result.code, 2, `${caseArgs.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr, message);
  }
  assert.deepEqual(sandbox.stats(), { tokenRequests: 0, linkRequests: 0 });
  assert.equal(fs.existsSync(outFile), false);
});
