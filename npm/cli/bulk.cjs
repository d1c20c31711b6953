'use strict';
// `faceki-kyc-link bulk`: a CSV of people in, a CSV of links out. The engine (faceki-kyc-link/bulk)
// checks, merges and sends the rows; this file adds the files, resume, progress and signals. A row is
// recorded in the journal before its request goes out, so a resumed run never gives anyone a second
// link by accident: rows that were in flight, or timed out, are uncertain and not sent again unless
// --resend-uncertain is given.

const { setMaxListeners } = require('node:events');
const { createKycClient, validateKycLinkRequest } = require('../dist/index.cjs');
const { STATUS, defaultsProblems, planRows, runRows } = require('../dist/bulk.cjs');
const { clientOptionsFrom, CLIENT_FLAGS } = require('./credentials.cjs');
const { EXIT } = require('./exit-codes.cjs');
const { UsageError } = require('./usage-error.cjs');
const { readEarlierRun, statusesOf } = require('./bulk/earlier-run.cjs');
const { createJournal, journalPathFor, removeJournal } = require('./bulk/journal.cjs');
const { inputOrder, writeOutput } = require('./bulk/output.cjs');
const { startProgress } = require('./bulk/progress.cjs');
const { readInputCsv } = require('./bulk/read-csv.cjs');
const { withSharedStores, STORE_FLAGS } = require('./bulk/shared-stores.cjs');
const report = require('./bulk/report.cjs');
const { refuseSymlink, sameFile } = require('./bulk/safe-files.cjs');

const FLAGS = {
  in: { type: 'string' },
  out: { type: 'string' },
  'workflow-id': { type: 'string' },
  'expiry-minutes': { type: 'string' },
  'redirect-url': { type: 'string' },
  concurrency: { type: 'string' },
  check: { type: 'boolean' },
  'resend-uncertain': { type: 'boolean' },
  ...CLIENT_FLAGS,
  ...STORE_FLAGS,
};

const DEFAULT_CONCURRENCY = 8;
const MAX_CONCURRENCY = 256;
const NO_EARLIER_RUN = new Map();
const FLAG_FOR_FIELD = { workflowId: '--workflow-id', expiryTime: '--expiry-minutes', redirectUrl: '--redirect-url' };

function concurrencyFrom(text) {
  if (text === undefined) return DEFAULT_CONCURRENCY;
  const value = /^[0-9]+$/.test(text) ? Number(text) : NaN;
  if (!(value >= 1 && value <= MAX_CONCURRENCY)) {
    throw new UsageError(`--concurrency must be an integer from 1 to ${MAX_CONCURRENCY}`);
  }
  return value;
}

function settingsFrom(flags) {
  if (flags.in === undefined) throw new UsageError('--in is required');
  if (flags.out === undefined && !flags.check) throw new UsageError('--out is required (or --check to only validate)');
  if (flags.out !== undefined && sameFile(flags.in, flags.out)) {
    throw new UsageError(`--out names the input file ${flags.in}: bulk never overwrites its input; pass another --out`);
  }
  return {
    inPath: flags.in,
    outPath: flags.out,
    concurrency: concurrencyFrom(flags.concurrency),
    resendUncertain: Boolean(flags['resend-uncertain']),
    defaults: {
      workflowId: flags['workflow-id'],
      expiryTime: flags['expiry-minutes'],
      redirectUrl: flags['redirect-url'],
    },
  };
}

function readInput({ inPath, defaults }) {
  const input = readInputCsv(inPath);
  if (defaults.workflowId === undefined && !input.header.includes('workflowId')) {
    throw new UsageError(`--workflow-id is required unless ${inPath} has a workflowId column`);
  }
  return input;
}

function printLines(stream, lines) {
  if (lines.length > 0) stream.write(`${lines.join('\n')}\n`);
}

async function bulk(flags, io) {
  const settings = settingsFrom(flags);
  const input = readInput(settings);
  const earlier =
    settings.outPath === undefined ? NO_EARLIER_RUN : readEarlierRunSafely(settings.outPath, input.header);
  const stores = flags.check
    ? undefined
    : await withSharedStores(clientOptionsFrom(flags, io.env), flags, io.env, io.stderr);
  let client;
  try {
    // The rules need no client: --check never makes one, so it needs no credentials.
    const flagProblems = await defaultsProblems(settings.defaults, validateKycLinkRequest);
    if (flagProblems.length > 0) {
      const text = flagProblems.map((issue) => `${FLAG_FOR_FIELD[issue.field]}: ${report.terminalSafe(issue.message)}`);
      throw new UsageError(text.join('; '));
    }
    const plan = await planRows({
      ...input,
      defaults: settings.defaults,
      validate: validateKycLinkRequest,
      previous: statusesOf(earlier),
      resendUncertain: settings.resendUncertain,
    });
    const problems = report.invalidRowLines(settings.inPath, plan.invalid);
    const duplicates = report.duplicateLines(settings.inPath, plan.duplicates);
    if (flags.check) {
      printLines(io.stdout, [
        ...problems,
        ...duplicates,
        report.checkSummary(settings.inPath, input.records.length, plan),
      ]);
      return problems.length > 0 ? EXIT.USAGE : EXIT.OK;
    }
    if (problems.length > 0) {
      printLines(io.stderr, [
        ...problems,
        `error: ${plan.invalid.length} bad row(s) in ${settings.inPath}; nothing was sent`,
      ]);
      return EXIT.USAGE;
    }
    printLines(io.stderr, duplicates);
    client = await createKycClient(stores.options);
    return await send(client, plan, input, earlier, settings, io);
  } finally {
    client?.close();
    await stores?.close();
  }
}

/** What earlier runs left at --out; a symbolic link there (or at its journal) is refused. */
function readEarlierRunSafely(outPath, header) {
  refuseSymlink(outPath, 'output file');
  refuseSymlink(journalPathFor(outPath), 'journal');
  return readEarlierRun(outPath, header);
}

/** Writes the output whole; the journal goes only once the output holds all it says. */
function settle(outPath, header, order, rows) {
  writeOutput(outPath, header, order, rows);
  removeJournal(journalPathFor(outPath));
}

async function send(client, plan, input, earlier, settings, io) {
  const { outPath } = settings;
  const rows = new Map(earlier);
  const order = inputOrder(input.header, input.records);
  // An earlier run's journal is folded into the output first, so this run starts a journal of its own.
  try {
    settle(outPath, input.header, order, rows);
  } catch (error) {
    throw new UsageError(`cannot write output file ${outPath}: ${error.code ?? error.message}`);
  }
  const uncertain = plan.uncertain.map((row) => ({ ...row, errorCode: rows.get(row.applicationId).result.errorCode }));
  const startedAt = Date.now();
  const result = await sendJournaled(client, plan.jobs, settings, io, (job, outcome) => {
    rows.set(job.request.applicationId, { fields: job.fields, result: outcome });
    if (outcome.status === STATUS.UNCERTAIN) {
      uncertain.push({ line: job.line, applicationId: job.request.applicationId, errorCode: outcome.errorCode });
    }
  });
  try {
    settle(outPath, input.header, order, rows);
  } catch (error) {
    io.stderr.write(
      `error: cannot write output file ${outPath} (${error.code ?? error.message}); every result is kept in ` +
        `${journalPathFor(outPath)}: run the same command again to write them\n`,
    );
    return EXIT.INTERNAL;
  }
  const seconds = (Date.now() - startedAt) / 1000;
  io.stdout.write(`${report.runSummary({ outPath, plan, result, seconds })}\n`);
  printLines(
    io.stderr,
    report.uncertainLines(
      outPath,
      uncertain.sort((a, b) => a.line - b.line),
    ),
  );
  return conclude(result, io, outPath, uncertain.length);
}

/** The engine's run with this run's journal, progress on stderr and Ctrl-C; `onResult` once per row sent. */
async function sendJournaled(client, jobs, settings, io, onResult) {
  const journal = createJournal(journalPathFor(settings.outPath));
  const progress = startProgress(io.stderr, jobs.length);
  const counts = { created: 0, failed: 0, uncertain: 0 };
  const onStop = () => io.stderr.write('\nstopping: finishing the rows in flight (Ctrl-C again abandons them)\n');
  io.signal.addEventListener('abort', onStop, { once: true });
  // Each row in flight listens on `abandon`; past 10, Node would warn of a leak that is not one.
  setMaxListeners(settings.concurrency + 1, io.abandonSignal);
  try {
    return await runRows({
      client,
      jobs,
      concurrency: settings.concurrency,
      stop: io.signal,
      abandon: io.abandonSignal,
      beforeSend: (job) => journal.sending(job.request.applicationId, job.fields),
      onResult(job, outcome) {
        journal.result(job.request.applicationId, job.fields, outcome);
        onResult(job, outcome);
        counts[outcome.status]++;
        progress.update(counts);
      },
    });
  } finally {
    progress.stop();
    io.signal.removeEventListener('abort', onStop);
    await journal.close();
  }
}

/** Says why the run ended, and how to resume when it did not finish; returns the exit code. */
function conclude(result, io, outPath, uncertainCount) {
  if (result.haltError) {
    io.stderr.write(
      `error: cannot write the journal (${result.haltError.code ?? result.haltError.message}); stopped sending\n`,
    );
    return EXIT.INTERNAL;
  }
  if (io.signal.aborted) {
    io.stderr.write(`interrupted; ${report.resumeHint(outPath)}\n`);
    return EXIT.INTERRUPTED;
  }
  if (result.authFailure) {
    io.stderr.write(
      `error: authentication failed: ${report.terminalSafe(result.authFailure.message)}; stopped sending.\n`,
    );
    io.stderr.write(`fix the credentials, then ${report.resumeHint(outPath)}\n`);
    return EXIT.AUTH;
  }
  return result.failed > 0 || uncertainCount > 0 ? EXIT.SOME_FAILED : EXIT.OK;
}

module.exports = { bulk, BULK_FLAGS: FLAGS };
