'use strict';
// The journal beside the output (links.csv.journal): one JSON line when a row is about to be sent,
// fsync'd before its request goes out, and one when its result is known. A run killed at any point
// leaves in it every row that may have reached FACEKI, so a resumed run never sends one of them twice
// by accident. Once the output holds what the journal says, the journal is removed. Its first line
// names the process writing it, so a second run on the same output can tell that one is still going.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { promisify } = require('node:util');
const { UsageError } = require('../usage-error.cjs');
const { createPrivateFile, fsyncFolder, readPrivateFile } = require('./safe-files.cjs');

const write = promisify(fs.write);
const fsync = promisify(fs.fsync);

const journalPathFor = (outPath) => `${outPath}.journal`;

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * What a journal says, by applicationId: the row's fields, and its result once it was written.
 * A last line cut short (a crash mid-write) is ignored: its fsync never finished, so its row was
 * not sent (a sending line) or is still known to be in flight (a result line). Throws a UsageError
 * while the run that writes it is still going.
 * @returns {Map<string, { fields: string[], result: object | null }>}
 */
function readJournal(file) {
  const text = readPrivateFile(file, 'journal');
  const rows = new Map();
  if (text === null) return rows;
  const lines = text.split('\n');
  lines.pop(); // '' after the last complete line, or a torn one
  for (const [index, line] of lines.entries()) {
    let entry;
    try {
      entry = JSON.parse(line);
    } catch {
      throw new UsageError(`journal ${file} line ${index + 1} is damaged; check its rows by hand before removing it`);
    }
    if (entry.run && entry.run.host === os.hostname() && entry.run.pid !== process.pid && isRunning(entry.run.pid)) {
      throw new UsageError(`another bulk run (process ${entry.run.pid}) is writing ${file}; let it finish first`);
    }
    if (typeof entry.sending === 'string') rows.set(entry.sending, { fields: entry.fields, result: null });
    else if (typeof entry.result === 'string') rows.set(entry.result, { fields: entry.fields, result: entry.outcome });
  }
  return rows;
}

/**
 * A new, empty journal. `sending` resolves once its line is on disk; lines that arrive while an fsync
 * runs share the next one (group commit), so eight rows in flight cost about one fsync per round.
 */
function createJournal(file) {
  let fd;
  try {
    fd = createPrivateFile(file);
    fs.writeSync(fd, `${JSON.stringify({ run: { pid: process.pid, host: os.hostname() } })}\n`);
    fs.fsyncSync(fd);
    fsyncFolder(path.dirname(file));
  } catch (error) {
    throw new UsageError(`cannot create journal ${file}: ${error.code ?? error.message}`);
  }
  let queue = [];
  let draining = null;

  async function drain() {
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      try {
        await write(fd, batch.map((item) => item.line).join(''));
        await fsync(fd);
        for (const item of batch) item.resolve();
      } catch (error) {
        for (const item of batch) item.reject(error);
      }
    }
    draining = null;
  }

  return {
    sending(id, fields) {
      return new Promise((resolve, reject) => {
        queue.push({ line: `${JSON.stringify({ sending: id, fields })}\n`, resolve, reject });
        draining ??= drain();
      });
    },
    // Straight to the OS with one write(2): a crash of this process loses no result; the next fsync
    // (or the output written at the end) makes it durable against a power cut too.
    result(id, fields, outcome) {
      fs.writeSync(fd, `${JSON.stringify({ result: id, fields, outcome })}\n`);
    },
    async close() {
      await draining;
      fs.closeSync(fd);
    },
  };
}

function removeJournal(file) {
  fs.rmSync(file, { force: true });
}

module.exports = { journalPathFor, readJournal, createJournal, removeJournal };
