'use strict';
// What earlier runs left for this output: the rows of the output file, updated by the journal of a run
// that did not finish. A row the journal shows as sent with no result is uncertain: a link may exist.

const { ID_COLUMN, STATUS, outputColumns, parseOwnCsv, resultOf } = require('../../dist/bulk.cjs');
const { UsageError } = require('../usage-error.cjs');
const { journalPathFor, readJournal } = require('./journal.cjs');
const { asUsageError } = require('./read-csv.cjs');
const { readPrivateFile } = require('./safe-files.cjs');
const { terminalSafe } = require('../terminal-safe.cjs');

// Outputs written before the engine called a created row `created`; read so, they get no second link.
const LEGACY_CREATED = 'ok';

const IN_FLIGHT = {
  status: STATUS.UNCERTAIN,
  linkId: '',
  url: '',
  expiresAt: '',
  errorCode: '',
  errorMessage: 'the run stopped while this row was being sent: a link may have been created',
};

/**
 * @returns {Map<string, { fields: string[], result: object }>} rows by applicationId, in the order the
 *   output lists them (then the journal's new ones)
 */
function readEarlierRun(outPath, header) {
  const rows = new Map();
  const text = readPrivateFile(outPath, 'output file');
  if (text !== null) {
    const earlier = asUsageError('output file', outPath, () => parseOwnCsv(text));
    const columns = outputColumns(header);
    if (earlier.header.length > 0 && earlier.header.join('\n') !== columns.join('\n')) {
      throw new UsageError(
        `${outPath} exists with other columns than this input gives (${terminalSafe(earlier.header.join(', '))}); ` +
          'to resume, pass the same --in as before; otherwise pass a new --out',
      );
    }
    const idIndex = header.indexOf(ID_COLUMN);
    for (const { fields } of earlier.records) {
      const result = resultOf(fields, header.length);
      if (result.status === LEGACY_CREATED) result.status = STATUS.CREATED;
      rows.set(fields[idIndex], { fields: fields.slice(0, header.length), result });
    }
  }
  const journal = readJournal(journalPathFor(outPath));
  for (const [id, entry] of journal) rows.set(id, { fields: entry.fields, result: entry.result ?? IN_FLIGHT });
  return rows;
}

/** Status by applicationId, as the engine's planRows takes it. */
const statusesOf = (rows) => new Map([...rows].map(([id, row]) => [id, row.result.status]));

module.exports = { readEarlierRun, statusesOf };
