// What the package weighs: the wasm and glue per platform, raw and gzip, and the npm tarball.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const npmDir = fileURLToPath(new URL('../../npm/', import.meta.url));
const KB = 1024;

function fileSize(relative) {
  const bytes = readFileSync(new URL(relative, `file://${npmDir}`));
  return { bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}

function pair(wasm, glue) {
  const sizes = { wasm: fileSize(wasm), glue: fileSize(glue) };
  const gzipBytes = sizes.wasm.gzipBytes + sizes.glue.gzipBytes;
  return { ...sizes, totalBytes: sizes.wasm.bytes + sizes.glue.bytes, totalGzipBytes: gzipBytes, totalGzipKB: gzipBytes / KB };
}

function packedTarball() {
  // --dry-run: the sizes npm computes for the tarball, without writing it.
  const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: npmDir, encoding: 'utf8' }));
  return { bytes: pack.size, unpackedBytes: pack.unpackedSize, files: pack.entryCount };
}

export function measureSizes() {
  return {
    node: pair('dist/kyc-node.wasm', 'dist/kyc-node.cjs'),
    browser: pair('dist/kyc-browser.wasm', 'dist/kyc-browser.mjs'),
    tarball: packedTarball(),
  };
}
