// The harness's judgement of one runtime's scenario report, the same for every runtime.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';

/** Runs a runtime's command; resolves with the report it printed as its last stdout line. */
export function reportOf(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`${command} exited with ${code}:\n${stderr}${stdout}`));
        return;
      }
      try {
        resolve(JSON.parse(stdout.trim().split('\n').at(-1)));
      } catch {
        reject(new Error(`${command} printed no report:\n${stderr}${stdout}`));
      }
    });
  });
}

/** The link came from this sandbox, for this applicationId (the sandbox accepts only its own tokens). */
export function assertLink(report, servers, applicationId) {
  assert.equal(report.link.ok, true, JSON.stringify(report.link));
  const issued = servers.sandbox.links.find((link) => link.applicationId === applicationId);
  assert.ok(issued, 'the sandbox issued no link for this runtime');
  assert.equal(report.link.linkId, issued.linkId);
  assert.equal(report.link.url, `${servers.sandbox.url}/kycverify/${issued.linkId}`);
}

/** A 308 is an HTTP_ERROR naming the status, and nothing reached the other host. */
export function assertRedirectRefused(report, servers) {
  assert.equal(report.redirect.ok, false, JSON.stringify(report.redirect));
  assert.equal(report.redirect.isKycError, true);
  assert.equal(report.redirect.error.code, 'HTTP_ERROR', JSON.stringify(report.redirect.error));
  assert.equal(report.redirect.error.status, 308);
  assert.equal(servers.hostile.elsewhere.hits, 0, 'the redirect was followed');
}

/** An answer past maxResponseBytes is a BAD_RESPONSE. */
export function assertOversizeRefused(report) {
  assert.equal(report.oversize.ok, false, JSON.stringify(report.oversize));
  assert.equal(report.oversize.isKycError, true);
  assert.equal(report.oversize.error.code, 'BAD_RESPONSE', JSON.stringify(report.oversize.error));
  assert.match(report.oversize.error.message, /larger than 1024 bytes/);
}

export function assertScenario(report, servers, applicationId) {
  assertLink(report, servers, applicationId);
  assertRedirectRefused(report, servers);
  assertOversizeRefused(report);
}
