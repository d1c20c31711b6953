// `bash .ci/demo --web` runs web/serve.mjs. On a fresh clone it once crashed before installing web/'s
// dependencies, because a static import needed them: it may import Node's own modules only, and it must
// build, serve the page and stop cleanly on Ctrl-C.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const SERVE = fileURLToPath(new URL('../../web/serve.mjs', import.meta.url));

test("web/serve.mjs imports only Node's own modules statically (the rest once installed)", () => {
  const source = readFileSync(SERVE, 'utf8');
  const specifiers = [...source.matchAll(/^import\s[^;]*?from\s+'([^']+)';/gms)].map((match) => match[1]);
  assert.ok(specifiers.length > 0, 'found its imports');
  for (const specifier of specifiers) assert.match(specifier, /^node:/, `static import of ${specifier}`);
});

function get(url, host) {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const headers = host ? { host } : {};
    http
      .get({ host: target.hostname, port: target.port, path: '/', headers }, (response) => {
        response.resume();
        response.on('end', () => resolve(response));
      })
      .on('error', reject);
  });
}

test('web/serve.mjs builds the admin tool, serves it under its CSP, refuses a foreign Host, stops on SIGINT', async (t) => {
  const child = spawn(process.execPath, [SERVE, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  t.after(() => child.kill('SIGKILL'));
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
  let url;
  for await (const line of createInterface({ input: child.stdout })) {
    url = line.match(/^FACEKI KYC admin tool: (http:\S+)$/)?.[1];
    if (url) break;
  }
  assert.ok(url, `no address printed; stderr: ${stderr}`);
  const page = await get(url);
  assert.equal(page.statusCode, 200);
  assert.match(page.headers['content-security-policy'], /script-src 'self'/);
  assert.equal((await get(url, `rebound.evil.example:${new URL(url).port}`)).statusCode, 421);
  child.kill('SIGINT');
  assert.equal(await exited, 0, stderr);
});
