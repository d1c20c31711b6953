// The bulk CSV in and out, with the package's own engine (faceki-kyc-link/bulk): the same columns,
// checks, merging of repeated applicationIds, statuses and formula guard as the CLI.

import {
  BulkInputError,
  checkColumns,
  outputColumns,
  parseCsv,
  planRows,
  resultFields,
  STATUS_CHECK_COLUMNS,
  toCsv,
} from 'faceki-kyc-link/bulk';
import { validateKycLinkRequest } from 'faceki-kyc-link';

export const MAX_ROWS = 10_000;
export const TEMPLATE_CSV =
  'applicationId,expiryTime,redirectUrl\ncustomer-0001,1440,https://example.com/verified\ncustomer-0002,,\n';

/**
 * A file's header and records (each with its line; the header is line 1), or an Error whose message
 * the page can show.
 * @param {File | string} source
 * @returns {Promise<{ header: string[], records: { line: number, fields: string[] }[] }>}
 */
export async function readBulkFile(source) {
  const text = typeof source === 'string' ? source : await source.text();
  let parsed;
  try {
    parsed = parseCsv(text);
    checkColumns(parsed.header);
  } catch (error) {
    if (error instanceof BulkInputError) throw new Error(`The file ${error.message}.`);
    throw error;
  }
  if (parsed.records.length === 0) throw new Error('The file has a header but no rows.');
  if (parsed.records.length > MAX_ROWS)
    throw new Error(`The file has ${parsed.records.length} rows; at most ${MAX_ROWS} at a time.`);
  return parsed;
}

/** Every row checked by the package's rules, with the form's workflow ID as the default (a Promise). */
export function planFile(file, workflowId) {
  return planRows({ ...file, defaults: { workflowId }, validate: validateKycLinkRequest });
}

/** A status book entry (status-book.js) as STATUS_CHECK_COLUMNS cells; all empty without a link or a lookup. */
function statusFields(entry) {
  if (!entry?.status && !entry?.error) return STATUS_CHECK_COLUMNS.map(() => '');
  const { status, error, checkedAt = '' } = entry;
  if (error) return ['', '', '', checkedAt, error.code ?? 'UNEXPECTED', String(error.message ?? error)];
  return [status.verificationStatus, status.fullName ?? '', status.requestId ?? '', checkedAt, '', ''];
}

/**
 * The results CSV: the input's columns (extra ones included), then the result columns, then the status
 * columns when the run's statuses were checked; one row per row sent, in input order.
 * @param {string[]} header
 * @param {{ fields: string[], result: object }[]} rows
 * @param {((linkId: string) => object | undefined) | undefined} checked a link's status entry, when checked
 */
export function resultsCsv(header, rows, checked) {
  const columns = outputColumns(header);
  if (!checked) return toCsv([columns, ...rows.map(({ fields, result }) => resultFields(fields, result))]);
  return toCsv([
    [...columns, ...STATUS_CHECK_COLUMNS],
    ...rows.map(({ fields, result }) => [
      ...resultFields(fields, result),
      ...statusFields(result.linkId ? checked(result.linkId) : undefined),
    ]),
  ]);
}
