'use strict';
// Reading the input CSV file, with the engine's parser; its problems as usage errors naming the file.

const fs = require('node:fs');
const { BulkInputError, checkColumns, parseCsv } = require('../../dist/bulk.cjs');
const { UsageError } = require('../usage-error.cjs');
const { terminalSafe } = require('../terminal-safe.cjs');

/**
 * Runs `read()`, turning the engine's BulkInputError into a UsageError that names the file. Its message
 * can quote the file (a column name, a bad field), so it is made terminal-safe.
 */
function asUsageError(what, file, read) {
  try {
    return read();
  } catch (error) {
    if (error instanceof BulkInputError) throw new UsageError(`${what} ${file} ${terminalSafe(error.message)}`);
    throw error;
  }
}

/** @returns {{ header: string[], records: { line: number, fields: string[] }[] }} */
function readInputCsv(file) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read input file ${file}: ${error.code ?? error.message}`);
  }
  return asUsageError('input file', file, () => {
    const parsed = parseCsv(text);
    checkColumns(parsed.header);
    return parsed;
  });
}

module.exports = { readInputCsv, asUsageError };
