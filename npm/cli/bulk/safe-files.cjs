'use strict';
// The files bulk writes hold link URLs, which are secrets: they are created 0600 with O_EXCL, never
// through a symbolic link, and replaced whole (a temp file with an unpredictable name in the same
// folder, fsync'd, renamed over the target), so a crash leaves the old file or the new one.

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { UsageError } = require('../usage-error.cjs');

const { O_RDONLY, O_WRONLY, O_CREAT, O_EXCL, O_APPEND, O_NOFOLLOW } = fs.constants;
const PRIVATE = 0o600;

function describe(error) {
  return error.code === 'ELOOP' ? 'it is a symbolic link, which bulk does not follow' : (error.code ?? error.message);
}

/** Throws a UsageError when `file` is a symbolic link (a dangling one too). */
function refuseSymlink(file, what) {
  let stats;
  try {
    stats = fs.lstatSync(file);
  } catch (error) {
    if (error.code === 'ENOENT') return;
    throw new UsageError(`cannot use ${what} ${file}: ${describe(error)}`);
  }
  if (stats.isSymbolicLink()) throw new UsageError(`${what} ${file} is a symbolic link; bulk does not follow links`);
}

/** True when both paths name one file (or, for a file not there yet, one path). */
function sameFile(a, b) {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const [x, y] = [fs.statSync(a), fs.statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/** The text of a regular file, or null when there is none; never follows a symbolic link. */
function readPrivateFile(file, what) {
  let fd;
  try {
    fd = fs.openSync(file, O_RDONLY | O_NOFOLLOW);
  } catch (error) {
    if (error.code === 'ENOENT') return null;
    throw new UsageError(`cannot read ${what} ${file}: ${describe(error)}`);
  }
  try {
    if (!fs.fstatSync(fd).isFile()) throw new UsageError(`${what} ${file} is not a regular file`);
    return fs.readFileSync(fd, 'utf8');
  } finally {
    fs.closeSync(fd);
  }
}

function fsyncFolder(folder) {
  const fd = fs.openSync(folder, O_RDONLY);
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Replaces `file` with `text`, durably; the new file is 0600. */
function replaceFile(file, text) {
  const folder = path.dirname(file);
  const temp = path.join(folder, `.${path.basename(file)}.${crypto.randomBytes(12).toString('hex')}.tmp`);
  const fd = fs.openSync(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, PRIVATE);
  try {
    try {
      fs.writeFileSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
  fsyncFolder(folder);
}

/** A new 0600 file for appending; fails if anything (a file, a link) is already at `file`. */
function createPrivateFile(file) {
  return fs.openSync(file, O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_NOFOLLOW, PRIVATE);
}

module.exports = { refuseSymlink, sameFile, readPrivateFile, replaceFile, createPrivateFile, fsyncFolder };
