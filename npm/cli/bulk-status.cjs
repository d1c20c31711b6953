'use strict';
// `faceki-kyc-link bulk-status`: a bulk output in (its linkId column), the same rows out with status
// columns, from FACEKI's records, a bounded number of lookups at a time. Lookups are GETs, safe to
// repeat, so resuming needs no journal: when --out exists, rows it already shows as final (settled by
// the package's settledRecord, as `status` decides) are kept and every other row is looked up again. Files are written like bulk's: whole,
// 0600, never through a symbolic link, every cell through the formula guard.

const { setMaxListeners } = require('node:events');
const { createKycClient, settledRecord } = require('../dist/index.cjs');
const { parseOwnCsv, STATUS_CHECK_COLUMNS, toCsv } = require('../dist/bulk.cjs');
const { clientOptionsFrom, CLIENT_FLAGS } = require('./credentials.cjs');
const { EXIT } = require('./exit-codes.cjs');
const { UsageError } = require('./usage-error.cjs');
const { startProgress } = require('./bulk/progress.cjs');
const { asUsageError } = require('./bulk/read-csv.cjs');
const { readPrivateFile, refuseSymlink, replaceFile, sameFile } = require('./bulk/safe-files.cjs');
const { terminalSafe } = require('./terminal-safe.cjs');
const { decidingRecord } = require('./verification-lookup.cjs');

const FLAGS = {
  in: { type: 'string' },
  out: { type: 'string' },
  concurrency: { type: 'string' },
  ...CLIENT_FLAGS,
};

const LINK_COLUMN = 'linkId';
const PENDING = 'PENDING'; // no record yet: nothing was submitted through the link
const DEFAULT_CONCURRENCY = 8;
const MAX_CONCURRENCY = 64;
const NO_LINK = { lookupErrorCode: 'NO_LINK', lookupErrorMessage: 'the row has no linkId (bulk made no link for it)' };

function concurrencyFrom(text) {
  if (text === undefined) return DEFAULT_CONCURRENCY;
  const value = /^[0-9]+$/.test(text) ? Number(text) : NaN;
  if (!(value >= 1 && value <= MAX_CONCURRENCY)) {
    throw new UsageError(`--concurrency must be an integer from 1 to ${MAX_CONCURRENCY}`);
  }
  return value;
}

/** A CSV this package wrote (bulk's output, or this command's), parsed with the formula guard undone. */
function readCsv(file, what) {
  refuseSymlink(file, what);
  const text = readPrivateFile(file, what);
  if (text === null) return null;
  return asUsageError(what, file, () => parseOwnCsv(text));
}

function readInput(inPath) {
  const input = readCsv(inPath, 'input file');
  if (input === null) throw new UsageError(`cannot read input file ${inPath}: ENOENT`);
  if (!input.header.includes(LINK_COLUMN)) {
    throw new UsageError(
      `input file ${inPath} has no ${LINK_COLUMN} column: pass the output of "faceki-kyc-link bulk"`,
    );
  }
  const added = input.header.filter((name) => STATUS_CHECK_COLUMNS.includes(name));
  if (added.length > 0) {
    throw new UsageError(`input file ${inPath} already has status column(s) ${added.join(', ')}: pass the bulk output`);
  }
  return input;
}

/** Status columns by linkId from an earlier run's --out, final rows only (the others are looked up again). */
function readEarlierFinal(outPath, columns) {
  const earlier = readCsv(outPath, 'output file');
  const finals = new Map();
  if (earlier === null || earlier.header.length === 0) return finals;
  if (earlier.header.join('\n') !== columns.join('\n')) {
    throw new UsageError(
      `${outPath} exists with other columns than this input gives; pass the same --in, or a new --out`,
    );
  }
  const linkIndex = earlier.header.indexOf(LINK_COLUMN);
  const statusIndex = earlier.header.indexOf('verificationStatus');
  for (const { fields } of earlier.records) {
    if (!settledRecord([{ status: fields[statusIndex] }])) continue;
    finals.set(fields[linkIndex], fields.slice(-STATUS_CHECK_COLUMNS.length));
  }
  return finals;
}

const statusFields = (result) => STATUS_CHECK_COLUMNS.map((column) => result[column] ?? '');

/** One link's lookup as status columns, and how it counts in the progress. Never rejects. */
async function lookUp(getVerifications, linkId, signal) {
  const checkedAt = new Date().toISOString();
  try {
    const { final, record } = decidingRecord(await getVerifications({ link: linkId }, { signal }));
    const result = {
      verificationStatus: record?.status ?? PENDING,
      fullName: record?.fullName ?? '',
      requestId: record?.requestId ?? '',
      checkedAt,
    };
    return { fields: statusFields(result), outcome: final ? 'final' : 'pending' };
  } catch (error) {
    const result = {
      checkedAt,
      lookupErrorCode: error?.code ?? 'UNEXPECTED',
      lookupErrorMessage: String(error?.message ?? error),
    };
    return { fields: statusFields(result), outcome: 'failed', error };
  }
}

/** Looks up `linkIds` with at most `concurrency` in flight; stops starting on `stop` or a refused token. */
async function lookUpAll({ getVerifications, linkIds, concurrency, io, onResult }) {
  let next = 0;
  let authFailure = null;
  const lane = async () => {
    while (!io.signal.aborted && authFailure === null && next < linkIds.length) {
      const linkId = linkIds[next++];
      const result = await lookUp(getVerifications, linkId, io.abandonSignal);
      if (result.error?.code === 'UNAUTHORIZED') authFailure ??= result.error;
      onResult(linkId, result);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, linkIds.length) }, lane));
  return { authFailure };
}

async function bulkStatus(flags, io) {
  if (flags.in === undefined) throw new UsageError('--in is required (the output of "faceki-kyc-link bulk")');
  if (flags.out === undefined) throw new UsageError('--out is required');
  if (sameFile(flags.in, flags.out)) throw new UsageError('--out names the input file; pass another --out');
  const concurrency = concurrencyFrom(flags.concurrency);
  const input = readInput(flags.in);
  const columns = [...input.header, ...STATUS_CHECK_COLUMNS];
  const earlier = readEarlierFinal(flags.out, columns);
  const linkIndex = input.header.indexOf(LINK_COLUMN);
  const toLookUp = input.records.map(({ fields }) => fields[linkIndex]).filter((id) => id && !earlier.has(id));
  const linkIds = [...new Set(toLookUp)];

  const client = await createKycClient(clientOptionsFrom(flags, io.env));
  const found = new Map(earlier);
  const counts = { final: 0, pending: 0, failed: 0 };
  let authFailure = null;
  try {
    const getVerifications = (query, options) => client.getVerifications(query, options);
    const progress = startProgress(io.stderr, linkIds.length, { labels: Object.keys(counts) });
    setMaxListeners(concurrency + 1, io.abandonSignal);
    try {
      ({ authFailure } = await lookUpAll({
        getVerifications,
        linkIds,
        concurrency,
        io,
        onResult(linkId, result) {
          found.set(linkId, result.fields);
          counts[result.outcome]++;
          progress.update(counts);
        },
      }));
    } finally {
      progress.stop();
    }
  } finally {
    client.close();
  }

  const rows = input.records.map(({ fields }) => {
    const linkId = fields[linkIndex];
    return [...fields, ...(linkId ? (found.get(linkId) ?? statusFields({})) : statusFields(NO_LINK))];
  });
  try {
    replaceFile(flags.out, toCsv([columns, ...rows]));
  } catch (error) {
    io.stderr.write(`error: cannot write output file ${flags.out}: ${error.code ?? error.message}\n`);
    return EXIT.INTERNAL;
  }
  io.stdout.write(
    `${flags.out}: looked up ${sum(counts)} of ${linkIds.length} link(s): ` +
      `${counts.final} final, ${counts.pending} pending, ${counts.failed} failed; ` +
      `${earlier.size} final from an earlier run\n`,
  );
  return conclude({ io, counts, authFailure, unfinished: linkIds.length - sum(counts) });
}

const sum = (counts) => Object.values(counts).reduce((total, count) => total + count, 0);

function conclude({ io, counts, authFailure, unfinished }) {
  const again = 'run the same command again to look up the rest';
  if (io.signal.aborted) {
    io.stderr.write(`interrupted; ${again}\n`);
    return EXIT.INTERRUPTED;
  }
  if (authFailure) {
    const reason = terminalSafe(authFailure.message);
    io.stderr.write(`error: authentication failed: ${reason}; stopped. Fix it, then ${again}\n`);
    return EXIT.AUTH;
  }
  if (counts.failed > 0 || unfinished > 0) return EXIT.SOME_FAILED;
  return counts.pending > 0 ? EXIT.PENDING : EXIT.OK;
}

module.exports = { bulkStatus, BULK_STATUS_FLAGS: FLAGS };
