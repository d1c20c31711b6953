// Issue 11's bulk findings, one test each, against the CLI and the sandbox: #3 CSV formula injection,
// #9 the output's permissions, temp file and symlinks, and the order of its rows, #10 a resumed run
// giving a person a second link, and bulk's share of #4 (file text escaped before the terminal).
// Run: node --test tests/js/security-bulk.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  linkRequestsPerApplication,
  readCsvObjects,
  runCli,
  startCli,
  until,
  writeCsv,
  bulkSetup,
  BULK_CONCURRENCY,
} from './cli-harness.mjs';

const CONCURRENCY = BULK_CONCURRENCY;
// What the formula guard must leave no cell starting with (after any leading whitespace).
const FORMULA_START = /^(?:[\t\r\n\0]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

/** Every cell of a CSV file as written, header included. */
function rawCells(file) {
  return readCsvObjects(file).flatMap((row) => [...Object.keys(row), ...Object.values(row)]);
}

test('#3: every cell bulk writes is formula-guarded, from the input or the server; resume still matches', async (t) => {
  const { sandbox, inFile, outFile, args, env } = await bulkSetup(t);
  writeCsv(inFile, [
    ['applicationId', '=cmd', 'note'],
    ['+61400000001', '=HYPERLINK("https://evil.test","x")', '-2'],
    ['@home', ' =1+1', '\t=1'],
    ['plain', "'quoted", '\uFF1D1'],
  ]);
  // The server's answers: link ids that are formulas.
  const answer = (data) => ({ body: JSON.stringify({ responseCode: 0, data, url: `${sandbox.url}/kycverify/x` }) });
  sandbox.failNext([answer('=1+2'), answer('@SUM(1)'), answer('-3')]);

  const result = await runCli([...args, '--concurrency', '1'], { env });
  assert.equal(result.code, 0, result.stderr);
  const cells = rawCells(outFile);
  const unguarded = cells.filter((cell) => FORMULA_START.test(cell));
  assert.deepEqual(unguarded, [], 'cells a spreadsheet would run');
  assert.ok(cells.includes("'=1+2") && cells.includes("'@SUM(1)") && cells.includes("'+61400000001"));
  assert.ok(cells.includes("''quoted"), 'a leading quote is doubled, so reading back is exact');

  // The guarded ids are read back as the ids they are: a resumed run sends nothing.
  const resumed = await runCli(args, { env });
  assert.equal(resumed.code, 0, resumed.stderr);
  assert.match(resumed.stdout, /3 already created in an earlier run/);
  assert.equal(sandbox.stats().linkRequests, 3);
});

test('#9: output and journal are 0600, replaced through a random temp name, never through a symlink', async (t) => {
  const { sandbox, dir, outFile, args, env } = await bulkSetup(t, 5);
  fs.writeFileSync(outFile, '', { mode: 0o644 }); // an empty output left by someone: replaced, not reused
  fs.chmodSync(outFile, 0o644);
  const first = await runCli(args, { env });
  assert.equal(first.code, 0, first.stderr);
  assert.equal(fs.statSync(outFile).mode & 0o777, 0o600);
  assert.deepEqual(fs.readdirSync(dir).sort(), ['links.csv', 'users.csv'], 'no temp file or journal left');

  // A symbolic link at --out, or at its journal, is refused; the file it points at is untouched.
  const victim = path.join(dir, 'victim.txt');
  fs.writeFileSync(victim, 'keep me\n');
  const linkedOut = path.join(dir, 'linked.csv');
  fs.symlinkSync(victim, linkedOut);
  const viaOut = await runCli([...args.slice(0, 3), '--out', linkedOut, ...args.slice(5)], { env });
  assert.equal(viaOut.code, 2, viaOut.stderr);
  assert.match(viaOut.stderr, /linked\.csv is a symbolic link/);
  fs.symlinkSync(victim, `${outFile}.journal`);
  const viaJournal = await runCli(args, { env });
  assert.equal(viaJournal.code, 2, viaJournal.stderr);
  assert.match(viaJournal.stderr, /links\.csv\.journal is a symbolic link/);
  assert.equal(fs.readFileSync(victim, 'utf8'), 'keep me\n');
  assert.equal(sandbox.stats().linkRequests, 5);
});

test('#9: rows are written in input order, whatever order the answers come in', async (t) => {
  const rowCount = 60;
  const { sandbox, outFile, args, env } = await bulkSetup(t, rowCount);
  // Later rows answer sooner, so at concurrency 8 they finish first.
  sandbox.failNext(Array.from({ length: rowCount }, (_, i) => ({ delayMs: ((rowCount - i) % CONCURRENCY) * 15 })));
  const result = await runCli(args, { env });
  assert.equal(result.code, 0, result.stderr);
  const finishOrder = sandbox.links.map((link) => link.applicationId);
  const inputOrder = Array.from({ length: rowCount }, (_, i) => `user-${i + 1}`);
  assert.notDeepEqual(finishOrder, inputOrder, 'the answers did come out of order');
  assert.deepEqual(
    readCsvObjects(outFile).map((row) => row.applicationId),
    inputOrder,
  );
});

test('#10: kill -9 at concurrency 8, then resume: no applicationId sent twice; rows in flight listed', async (t) => {
  const rowCount = 400;
  const { sandbox, outFile, args, env } = await bulkSetup(t, rowCount);
  sandbox.failNext(Array.from({ length: rowCount }, () => ({ delayMs: 25 })));

  const run = startCli(args, { env });
  // The sandbox's own list, in this process: nothing is read while the CLI writes it.
  await until(() => sandbox.links.length >= rowCount / 2);
  run.child.kill('SIGKILL');
  const killed = await run.exited;
  assert.equal(killed.signal, 'SIGKILL');

  const resumed = await runCli(args, { env });
  assert.equal(resumed.code, 1, resumed.stderr);
  const sentTwice = [...linkRequestsPerApplication(sandbox)].filter(([, count]) => count > 1);
  assert.deepEqual(sentTwice, [], 'an applicationId was sent again after kill -9');
  const rows = readCsvObjects(outFile);
  assert.deepEqual(
    rows.map((row) => row.applicationId),
    Array.from({ length: rowCount }, (_, i) => `user-${i + 1}`),
  );
  const uncertain = rows.filter((row) => row.status === 'uncertain');
  t.diagnostic(`rows in flight at kill -9, now uncertain: ${uncertain.length}`);
  assert.ok(uncertain.length >= 1 && uncertain.length <= CONCURRENCY, `${uncertain.length} uncertain rows`);
  assert.equal(rows.filter((row) => row.status === 'created').length, rowCount - uncertain.length);
  assert.match(resumed.stderr, new RegExp(`uncertain: ${uncertain.length} row\\(s\\) may already have a link`));
  assert.match(resumed.stderr, /FACEKI portal/);
  assert.match(resumed.stderr, /--resend-uncertain/);
  for (const row of uncertain) assert.match(resumed.stderr, new RegExp(`applicationId "${row.applicationId}"`));

  const again = await runCli([...args, '--resend-uncertain'], { env });
  assert.equal(again.code, 0, again.stderr);
  const final = readCsvObjects(outFile);
  assert.equal(final.length, rowCount);
  assert.ok(final.every((row) => row.status === 'created'));
  const resent = [...linkRequestsPerApplication(sandbox)].filter(([, count]) => count > 1).map(([id]) => id);
  assert.ok(
    resent.every((id) => uncertain.some((row) => row.applicationId === id)),
    'only uncertain rows were resent',
  );
});

test('#10: a row is in the journal before its request goes out; a timed-out row is not sent again', async (t) => {
  const { sandbox, outFile, args, env } = await bulkSetup(t, 3);
  sandbox.failNext([{ delayMs: 30000 }]);
  const run = startCli([...args, '--concurrency', '1'], { env });
  // With one row in flight and its answer held back, the CLI writes nothing while this reads.
  await until(() => sandbox.requests.some((entry) => entry.route === 'link' && entry.body !== null));
  const journal = fs.readFileSync(`${outFile}.journal`, 'utf8');
  assert.match(journal, /^\{"run":\{"pid":\d+,[^\n]*\n\{"sending":"user-1",/);
  assert.equal(fs.statSync(`${outFile}.journal`).mode & 0o777, 0o600);
  // A second run on the same output while this one is going is refused.
  const meanwhile = await runCli(args, { env });
  assert.equal(meanwhile.code, 2, meanwhile.stderr);
  assert.match(meanwhile.stderr, /another bulk run \(process \d+\) is writing/);
  run.child.kill('SIGKILL');
  await run.exited;

  // A TIMEOUT says the link may have been made: uncertain too.
  sandbox.failNext([{ delayMs: 2000 }]);
  // One at a time, so the held answer is user-2's.
  const timedOut = await runCli([...args, '--concurrency', '1', '--timeout-ms', '300', '--max-retries', '0'], { env });
  assert.equal(timedOut.code, 1, timedOut.stderr);
  const byId = Object.fromEntries(readCsvObjects(outFile).map((row) => [row.applicationId, row]));
  assert.equal(byId['user-1'].status, 'uncertain');
  assert.equal(byId['user-2'].status, 'uncertain');
  assert.equal(byId['user-2'].errorCode, 'TIMEOUT');
  assert.equal(byId['user-3'].status, 'created');

  const resumed = await runCli(args, { env });
  assert.equal(resumed.code, 1, resumed.stderr);
  assert.match(resumed.stdout, /2 uncertain from an earlier run, not sent again/);
  assert.match(resumed.stderr, /line 2: applicationId "user-1" \(in flight when the run stopped\)/);
  assert.match(resumed.stderr, /line 3: applicationId "user-2" \(TIMEOUT\)/);
  assert.deepEqual(Object.fromEntries(linkRequestsPerApplication(sandbox)), { 'user-1': 1, 'user-2': 1, 'user-3': 1 });
});

test('#4 (bulk): text from the file reaches the terminal with its control characters escaped', async (t) => {
  const { sandbox, inFile, args, env } = await bulkSetup(t);
  const title = '\u001b]0;pwned\u0007';
  fs.writeFileSync(inFile, `applicationId,x${title},x${title}\nuser-1,,\n`);
  const repeated = await runCli(args, { env });
  assert.equal(repeated.code, 2, repeated.stderr);
  assert.match(repeated.stderr, /repeats column\(s\): x\\x1b\]0;pwned\\x07/);

  writeCsv(inFile, [['applicationId'], ['\u202eevil'], ['\u202eevil']]);
  const duplicate = await runCli(args, { env });
  assert.equal(duplicate.code, 0, duplicate.stderr);
  assert.match(duplicate.stderr, /applicationId "\\u202eevil" repeats line 2/);
  for (const output of [repeated, duplicate])
    assert.doesNotMatch(output.stdout + output.stderr, /[\u001b\u0007\u202e]/);
  assert.equal(sandbox.stats().linkRequests, 1);
});
