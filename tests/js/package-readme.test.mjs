// A new user's first read: the tarball carries npm/README.md, and every TypeScript example in it and in
// the repository README's "Use it from Node" section compiles under tsc --strict against the package's
// own types, resolved by name ('faceki-kyc-link') as an installed package would be.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { NPM_DIR as npmDir, typecheck } from './support.mjs';

const rootReadme = fileURLToPath(new URL('../../README.md', import.meta.url));

function tsBlocks(markdown) {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1]);
}

function section(markdown, heading) {
  const start = markdown.indexOf(`\n${heading}\n`);
  assert.ok(start >= 0, `${heading} is in the README`);
  const next = markdown.indexOf('\n## ', start + heading.length + 2);
  return markdown.slice(start, next < 0 ? undefined : next);
}

// Each block is its own ES module (.mts: top-level await), importing the package by its name.
function compileAll(blocks) {
  const dir = mkdtempSync(join(tmpdir(), 'kyc-readme-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(npmDir, join(dir, 'node_modules/faceki-kyc-link'), 'dir');
  const files = blocks.map((source, index) => {
    const file = join(dir, `example-${index}.mts`);
    writeFileSync(file, source);
    return file;
  });
  return typecheck(files, { cwd: dir, skipLibCheck: true });
}

test('the tarball contains README.md', () => {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: npmDir, encoding: 'utf8' });
  const [packed] = JSON.parse(output);
  assert.ok(
    packed.files.some((entry) => entry.path === 'README.md'),
    'README.md is packed',
  );
  assert.match(readFileSync(join(npmDir, 'README.md'), 'utf8'), /^npm install faceki-kyc-link$/m);
});

test('the TypeScript examples of both READMEs compile under tsc --strict', () => {
  const blocks = [
    ...tsBlocks(readFileSync(join(npmDir, 'README.md'), 'utf8')),
    ...tsBlocks(section(readFileSync(rootReadme, 'utf8'), '## Use it from Node')),
  ];
  assert.ok(blocks.length >= 4, `found ${blocks.length} ts blocks`);
  const result = compileAll(blocks);
  assert.equal(result.status, 0, result.stdout + result.stderr);
});

test('the check can fail: process.env used directly is a --strict error', () => {
  const result = compileAll([
    `import { createKycClient } from 'faceki-kyc-link';
    await createKycClient({ clientId: process.env.FACEKI_CLIENT_ID, clientSecret: 'x' });`,
  ]);
  assert.notEqual(result.status, 0);
  assert.match(result.stdout, /'string \| undefined' is not assignable/);
});
