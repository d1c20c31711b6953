// Packaging lint on the packed tarball: publint (strict: warnings fail) and @arethetypeswrong/cli
// (every entry resolves to types of the right module format for node10, node16 CJS/ESM and bundlers).
// The './wasm' entry is an asset with no types, so attw leaves it out.

import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';

import { NODE_MODULES, NPM_DIR as npmDir } from './support.mjs';

const bin = (name) => join(NODE_MODULES, '.bin', name);
let tarball;

before(() => {
  const work = mkdtempSync(join(tmpdir(), 'kyc-lint-'));
  const output = execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: npmDir, encoding: 'utf8' });
  const [packed] = JSON.parse(output);
  tarball = join(work, packed.filename);
});

test('publint --strict passes on the tarball', () => {
  const run = spawnSync(bin('publint'), ['run', tarball, '--strict'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.doesNotMatch(run.stdout, /Errors:|Warnings:/);
});

test('@arethetypeswrong/cli finds no problem on the tarball', () => {
  const args = [tarball, '--exclude-entrypoints', './wasm', '--format', 'json'];
  const run = spawnSync(bin('attw'), args, { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  const { analysis } = JSON.parse(run.stdout);
  assert.deepEqual(analysis.problems, [], JSON.stringify(analysis.problems));
  assert.ok(Object.keys(analysis.entrypoints).includes('.'));
});
