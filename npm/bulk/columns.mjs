// The columns of a bulk CSV, in and out, and the statuses of its result rows.

export const ID_COLUMN = 'applicationId';
/** Optional input columns; a non-empty cell overrides the matching default for its row. */
export const OVERRIDE_COLUMNS = ['workflowId', 'expiryTime', 'redirectUrl'];
/** Appended to the input columns in the output. */
export const RESULT_COLUMNS = ['linkId', 'url', 'expiresAt', 'status', 'errorCode', 'errorMessage'];
/**
 * Appended to a results CSV by a status check (the CLI's bulk-status, the admin tool's Check statuses).
 * verificationStatus: ACCEPTED, DECLINED, REVIEW, UNKNOWN, or PENDING (no record yet).
 */
export const STATUS_CHECK_COLUMNS = [
  'verificationStatus',
  'fullName',
  'requestId',
  'checkedAt',
  'lookupErrorCode',
  'lookupErrorMessage',
];

export const STATUS = Object.freeze({
  /** FACEKI made the link; linkId and url are set. */
  CREATED: 'created',
  /** FACEKI made no link (it refused, or the request never left); sending the row again is safe. */
  FAILED: 'failed',
  /** The request went out and no clear answer came back: a link may exist. Check before sending again. */
  UNCERTAIN: 'uncertain',
});

/** A problem with the CSV itself (not with one row's values); the message reads after a file name. */
export class BulkInputError extends Error {
  constructor(message) {
    super(message);
    this.name = 'BulkInputError';
  }
}

/** Throws BulkInputError unless `header` has an applicationId column, no repeats and no result column. */
export function checkColumns(header) {
  if (header.length === 0) throw new BulkInputError(`is empty: it needs a header line with an ${ID_COLUMN} column`);
  if (!header.includes(ID_COLUMN)) {
    throw new BulkInputError(`has no ${ID_COLUMN} column (columns: ${header.join(', ')})`);
  }
  const repeated = header.filter((name, index) => header.indexOf(name) !== index);
  if (repeated.length > 0) throw new BulkInputError(`repeats column(s): ${[...new Set(repeated)].join(', ')}`);
  const reserved = header.filter((name) => RESULT_COLUMNS.includes(name));
  if (reserved.length > 0) throw new BulkInputError(`has column(s) the output adds itself: ${reserved.join(', ')}`);
}

/** The output's header: the input's columns, extra ones included, then the result columns. */
export const outputColumns = (header) => [...header, ...RESULT_COLUMNS];
