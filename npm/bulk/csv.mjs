// CSV text in and out (quoted fields, BOM, CRLF or LF), with csv-parse and csv-stringify's browser
// builds, which run unchanged in Node, browsers and workers.

import { parse } from 'csv-parse/browser/esm/sync';
import { stringify } from 'csv-stringify/browser/esm/sync';

import { BulkInputError } from './columns.mjs';
import { spreadsheetSafe, unguardCell } from './formula-guard.mjs';

const LINE_BREAK = /\r\n|\r|\n/g;
const LEADING_BLANK_LINES = /^[\r\n]*/;

const countLineBreaks = (text) => text.match(LINE_BREAK)?.length ?? 0;

/**
 * The header and the records of a CSV text, each record with the line it starts on (the header is
 * line 1), for messages a person can act on. Blank lines are skipped. Throws BulkInputError.
 * @returns {{ header: string[], records: { line: number, fields: string[] }[] }}
 */
export function parseCsv(text) {
  let parsed;
  try {
    parsed = parse(text, { bom: true, raw: true, skip_empty_lines: true });
  } catch (error) {
    throw new BulkInputError(`is not valid CSV: ${error.message}`);
  }
  // csv-parse's own line count counts a CRLF inside a quoted field as two lines; its raw text
  // (blank lines skipped before a record included) counts right.
  let nextLine = 1;
  const records = parsed.map(({ record, raw }) => {
    const line = nextLine + countLineBreaks(LEADING_BLANK_LINES.exec(raw)[0]);
    nextLine += countLineBreaks(raw);
    return { line, fields: record };
  });
  const [header, ...rows] = records;
  return { header: header?.fields ?? [], records: rows };
}

/** CSV text of `rows` (arrays of cells), every cell through the formula guard. */
export function toCsv(rows) {
  return stringify(rows.map((fields) => fields.map(spreadsheetSafe)));
}

/** parseCsv for a CSV that toCsv wrote: the guard's `'` taken off again. */
export function parseOwnCsv(text) {
  const { header, records } = parseCsv(text);
  const unguard = (fields) => fields.map(unguardCell);
  return { header: unguard(header), records: records.map(({ line, fields }) => ({ line, fields: unguard(fields) })) };
}
