'use strict';
// The output CSV: what an earlier run left in it, and appending one finished row at a time.

const fs = require('node:fs');
const { stringify } = require('csv-stringify/sync');
const { UsageError } = require('../usage-error.cjs');
const { ID_COLUMN } = require('./columns.cjs');
const { readCsv } = require('./read-csv.cjs');

const toCsv = (records) => stringify(records);

/** @returns {{ exists: boolean, records: { fields: string[] }[], finishedIds: Set<string> }} */
function readEarlierRun(path, columns) {
  if (!fs.existsSync(path)) return { exists: false, records: [], finishedIds: new Set() };
  const { header, records } = readCsv(path, 'output file');
  if (header.length > 0 && header.join('\n') !== columns.join('\n')) {
    throw new UsageError(
      `${path} exists with other columns than this input gives (${header.join(', ')}); ` +
        'to resume, pass the same --in as before; otherwise pass a new --out'
    );
  }
  const idIndex = columns.indexOf(ID_COLUMN);
  const statusIndex = columns.indexOf('status');
  const finishedIds = new Set(records.filter((r) => r.fields[statusIndex] === 'ok').map((r) => r.fields[idIndex]));
  return { exists: header.length > 0, records, finishedIds };
}

/**
 * Opens the output for appending. Rows of an earlier run that this run retries are dropped first, by
 * writing a new file and renaming it over the old one, so a crash leaves either file whole.
 */
function openOutput(path, columns, earlier, retriedIds) {
  const idIndex = columns.indexOf(ID_COLUMN);
  const kept = earlier.records.filter((r) => !retriedIds.has(r.fields[idIndex]));
  let fd;
  try {
    if (!earlier.exists || kept.length < earlier.records.length) {
      const fresh = `${path}.${process.pid}.tmp`;
      fs.writeFileSync(fresh, toCsv([columns, ...kept.map((r) => r.fields)]));
      fs.renameSync(fresh, path);
    }
    fd = fs.openSync(path, 'a');
  } catch (error) {
    throw new UsageError(`cannot write output file ${path}: ${error.code ?? error.message}`);
  }
  return {
    // One write(2) per row, straight to the OS: a crash of this process loses no finished row.
    append(fields) {
      fs.writeSync(fd, toCsv([fields]));
    },
    close() {
      fs.closeSync(fd);
    },
  };
}

module.exports = { readEarlierRun, openOutput };
