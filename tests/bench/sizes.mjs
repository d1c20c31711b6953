// What the package weighs: the wasm and glue per platform, raw and gzip, and the npm tarball.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const npmDir = fileURLToPath(new URL('../../npm/', import.meta.url));

// What a browser downloads for the client (wasm + glue, gzip -9), at most. 60,000 B until the transport
// and security work of issues 10 and 11, the results and webhooks of issue 12 and the codes and limits
// exported for issue 13 (58,431 B -> 68,280 B: stopped-module handling and the response cap ~1.2 KB,
// redaction and input checks ~2.5 KB, records and webhook parsing ~5 KB, kycFacts() and the new-user
// messages ~1.1 KB); the margin left is for fixes, not features. Read by tests/js/pack.test.mjs.
export const BROWSER_BUDGET_GZIP_BYTES = 70_000;
const KB = 1024;

function fileSize(relative) {
  const bytes = readFileSync(new URL(relative, `file://${npmDir}`));
  return { bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}

function pair(wasm, glue) {
  const sizes = { wasm: fileSize(wasm), glue: fileSize(glue) };
  const gzipBytes = sizes.wasm.gzipBytes + sizes.glue.gzipBytes;
  return {
    ...sizes,
    totalBytes: sizes.wasm.bytes + sizes.glue.bytes,
    totalGzipBytes: gzipBytes,
    totalGzipKB: gzipBytes / KB,
  };
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
