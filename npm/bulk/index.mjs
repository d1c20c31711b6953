// faceki-kyc-link/bulk: one link per CSV row, the same in the CLI and in a browser. Parse, check every
// row before anything is sent, merge repeated applicationIds, send with bounded concurrency, and write
// a results CSV a spreadsheet opens safely. Files, resume and signals are the caller's (see the CLI).

export {
  BulkInputError,
  checkColumns,
  ID_COLUMN,
  OVERRIDE_COLUMNS,
  outputColumns,
  RESULT_COLUMNS,
  STATUS,
  STATUS_CHECK_COLUMNS,
} from './columns.mjs';
export { parseCsv, parseOwnCsv, toCsv } from './csv.mjs';
export { spreadsheetSafe } from './formula-guard.mjs';
export { defaultsProblems, planRows } from './plan.mjs';
export { expiresAt, numberOrText } from './request.mjs';
export { resultFields, resultOf, runRows } from './run.mjs';
