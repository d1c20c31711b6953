'use strict';
// The columns of the input and output CSV files.

const { UsageError } = require('../usage-error.cjs');

const ID_COLUMN = 'applicationId';
/** Optional input columns; a non-empty cell overrides the matching flag for its row. */
const OVERRIDE_COLUMNS = ['workflowId', 'expiryTime', 'redirectUrl'];
/** Appended to the input columns in the output. */
const RESULT_COLUMNS = ['linkId', 'url', 'expiresAt', 'status', 'errorCode', 'errorMessage'];

function checkInputColumns(columns, path) {
  if (columns.length === 0) throw new UsageError(`${path} is empty: it needs a header line with an ${ID_COLUMN} column`);
  if (!columns.includes(ID_COLUMN)) throw new UsageError(`${path} has no ${ID_COLUMN} column (columns: ${columns.join(', ')})`);
  const repeated = columns.filter((name, index) => columns.indexOf(name) !== index);
  if (repeated.length > 0) throw new UsageError(`${path} repeats column(s): ${[...new Set(repeated)].join(', ')}`);
  const reserved = columns.filter((name) => RESULT_COLUMNS.includes(name));
  if (reserved.length > 0) {
    throw new UsageError(`${path} has column(s) the output adds itself: ${reserved.join(', ')}`);
  }
}

module.exports = { ID_COLUMN, OVERRIDE_COLUMNS, RESULT_COLUMNS, checkInputColumns };
