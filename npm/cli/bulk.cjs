'use strict';
// `faceki-kyc-link bulk`: a CSV of people in, a CSV of links out, resumable without a second link for
// anyone who already has one.

const { createKycClient } = require('../dist/index.cjs');
const { clientOptionsFrom, CLIENT_FLAGS } = require('./credentials.cjs');
const { EXIT } = require('./exit-codes.cjs');
const { UsageError } = require('./usage-error.cjs');
const { checkInputColumns, RESULT_COLUMNS } = require('./bulk/columns.cjs');
const { openOutput, readEarlierRun } = require('./bulk/output-file.cjs');
const { defaultsProblems, planRows } = require('./bulk/plan.cjs');
const { startProgress } = require('./bulk/progress.cjs');
const { readCsv } = require('./bulk/read-csv.cjs');
const report = require('./bulk/report.cjs');
const { sendRows } = require('./bulk/send-rows.cjs');

const FLAGS = {
  in: { type: 'string' },
  out: { type: 'string' },
  'workflow-id': { type: 'string' },
  'expiry-minutes': { type: 'string' },
  'redirect-url': { type: 'string' },
  concurrency: { type: 'string' },
  check: { type: 'boolean' },
  ...CLIENT_FLAGS,
};

const DEFAULT_CONCURRENCY = 8;
const MAX_CONCURRENCY = 256;
// --check only validates: its client never sends, so it needs no real credentials.
const CHECK_ONLY_CLIENT = { token: 'check-only' };
const NO_EARLIER_RUN = { exists: false, records: [], finishedIds: new Set() };

function settingsFrom(flags) {
  if (flags.in === undefined) throw new UsageError('--in is required');
  if (flags.out === undefined && !flags.check) throw new UsageError('--out is required (or --check to only validate)');
  const concurrency = Number(flags.concurrency ?? DEFAULT_CONCURRENCY);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
    throw new UsageError(`--concurrency must be an integer from 1 to ${MAX_CONCURRENCY}`);
  }
  return {
    inPath: flags.in,
    outPath: flags.out,
    concurrency,
    defaults: { workflowId: flags['workflow-id'], expiryTime: flags['expiry-minutes'], redirectUrl: flags['redirect-url'] },
  };
}

function readInput({ inPath, defaults }) {
  const { header, records } = readCsv(inPath, 'input file');
  checkInputColumns(header, inPath);
  if (defaults.workflowId === undefined && !header.includes('workflowId')) {
    throw new UsageError(`--workflow-id is required unless ${inPath} has a workflowId column`);
  }
  return { columns: header, records };
}

function printLines(stream, lines) {
  if (lines.length > 0) stream.write(lines.join('\n') + '\n');
}

async function bulk(flags, io) {
  const settings = settingsFrom(flags);
  const input = readInput(settings);
  const outColumns = [...input.columns, ...RESULT_COLUMNS];
  const earlier = settings.outPath === undefined ? NO_EARLIER_RUN : readEarlierRun(settings.outPath, outColumns);
  const client = await createKycClient(flags.check ? CHECK_ONLY_CLIENT : clientOptionsFrom(flags, io.env));
  try {
    const validate = (request) => client.validate(request);
    const flagProblems = defaultsProblems(settings.defaults, validate);
    if (flagProblems.length > 0) throw new UsageError(flagProblems.join('; '));
    const plan = planRows({
      records: input.records,
      columns: input.columns,
      defaults: settings.defaults,
      validate,
      finishedIds: earlier.finishedIds,
    });
    const problems = report.invalidRowLines(settings.inPath, plan.invalid);
    const duplicates = report.duplicateLines(settings.inPath, plan.duplicates);
    if (flags.check) {
      printLines(io.stdout, [...problems, ...duplicates, report.checkSummary(settings.inPath, input.records.length, plan)]);
      return problems.length > 0 ? EXIT.USAGE : EXIT.OK;
    }
    if (problems.length > 0) {
      printLines(io.stderr, [...problems, `error: ${plan.invalid.length} bad row(s) in ${settings.inPath}; nothing was sent`]);
      return EXIT.USAGE;
    }
    printLines(io.stderr, duplicates);
    return await send(client, plan, settings, outColumns, earlier, io);
  } finally {
    client.close();
  }
}

async function send(client, plan, settings, outColumns, earlier, io) {
  const output = openOutput(settings.outPath, outColumns, earlier, new Set(plan.jobs.map((job) => job.request.applicationId)));
  const progress = startProgress(io.stderr, plan.jobs.length);
  const onStop = () => io.stderr.write('\nstopping: finishing the rows in flight (Ctrl-C again abandons them)\n');
  io.signal.addEventListener('abort', onStop, { once: true });
  const startedAt = Date.now();
  let result;
  try {
    result = await sendRows({
      client,
      jobs: plan.jobs,
      output,
      concurrency: settings.concurrency,
      stop: io.signal,
      abandon: io.abandonSignal,
      onProgress: (counts) => progress.update(counts),
    });
  } finally {
    progress.stop();
    output.close();
    io.signal.removeEventListener('abort', onStop);
  }
  const seconds = (Date.now() - startedAt) / 1000;
  io.stdout.write(report.runSummary({ outPath: settings.outPath, plan, result, seconds }) + '\n');
  return conclude(result, io, settings.outPath);
}

/** Says why the run ended, and how to resume when it did not finish; returns the exit code. */
function conclude(result, io, outPath) {
  if (io.signal.aborted) {
    io.stderr.write(`interrupted; ${report.resumeHint(outPath)}\n`);
    return EXIT.INTERRUPTED;
  }
  if (result.authFailure) {
    io.stderr.write(`error: authentication failed: ${result.authFailure.message}; stopped sending.\n`);
    io.stderr.write(`fix the credentials, then ${report.resumeHint(outPath)}\n`);
    return EXIT.AUTH;
  }
  return result.failed > 0 ? EXIT.SOME_FAILED : EXIT.OK;
}

module.exports = { bulk, BULK_FLAGS: FLAGS };
