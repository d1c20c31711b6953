'use strict';
// Reads a whole CSV file (quoted fields, BOM, CRLF or LF) into its header and records, each record
// with the line it starts on, for messages a person can act on.

const fs = require('node:fs');
const { parse } = require('csv-parse/sync');
const { UsageError } = require('../usage-error.cjs');

const LINE_BREAK = /\r\n|\r|\n/g;
const LEADING_BLANK_LINES = /^[\r\n]*/;

function countLineBreaks(text) {
  return text.match(LINE_BREAK)?.length ?? 0;
}

/** @returns {{ header: string[], records: { line: number, fields: string[] }[] }} */
function readCsv(path, what) {
  let text;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${path}: ${error.code ?? error.message}`);
  }
  let parsed;
  try {
    parsed = parse(text, { bom: true, raw: true, skip_empty_lines: true });
  } catch (error) {
    throw new UsageError(`${what} ${path} is not valid CSV: ${error.message}`);
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

module.exports = { readCsv };
