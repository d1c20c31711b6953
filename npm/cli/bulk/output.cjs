'use strict';
// The output CSV, always written whole: the rows in input order (then any rows of an earlier run whose
// applicationId is no longer in the input), every cell through the engine's formula guard.

const { ID_COLUMN, outputColumns, resultFields, toCsv } = require('../../dist/bulk.cjs');
const { replaceFile } = require('./safe-files.cjs');

/** applicationIds of the input records, first occurrence only, in input order. */
function inputOrder(header, records) {
  const idIndex = header.indexOf(ID_COLUMN);
  return [...new Set(records.map(({ fields }) => fields[idIndex]))];
}

/**
 * @param {string} outPath
 * @param {string[]} header the input's columns
 * @param {string[]} order applicationIds in input order
 * @param {Map<string, { fields: string[], result: object }>} rows
 */
function writeOutput(outPath, header, order, rows) {
  const inInput = new Set(order);
  const ids = [...order.filter((id) => rows.has(id)), ...[...rows.keys()].filter((id) => !inInput.has(id))];
  const lines = ids.map((id) => resultFields(rows.get(id).fields, rows.get(id).result));
  replaceFile(outPath, toCsv([outputColumns(header), ...lines]));
}

module.exports = { inputOrder, writeOutput };
