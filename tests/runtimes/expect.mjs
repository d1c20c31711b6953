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

/**
 * A 308 is an HTTP_ERROR naming the status and the Location's host, and nothing reached that host.
 * Browsers hide a redirect from script (fetch's opaqueredirect): there it is refused without either.
 */
export function assertRedirectRefused(report, servers, { hiddenByRuntime = false } = {}) {
  assert.equal(report.redirect.ok, false, JSON.stringify(report.redirect));
  assert.equal(report.redirect.isKycError, true);
  const { error } = report.redirect;
  assert.equal(error.code, 'HTTP_ERROR', JSON.stringify(error));
  if (hiddenByRuntime) {
    assert.match(error.message, /redirect .*never followed/);
  } else {
    assert.equal(error.status, 308);
    assert.ok(error.message.includes(`redirecting to ${new URL(servers.hostile.otherUrl).host}`), error.message);
  }
  assert.equal(servers.hostile.elsewhere.hits, 0, 'the redirect was followed');
}

/** An answer past maxResponseBytes is a BAD_RESPONSE. */
export function assertOversizeRefused(report) {
  assert.equal(report.oversize.ok, false, JSON.stringify(report.oversize));
  assert.equal(report.oversize.isKycError, true);
  assert.equal(report.oversize.error.code, 'BAD_RESPONSE', JSON.stringify(report.oversize.error));
  assert.match(report.oversize.error.message, /larger than 1024 bytes/);
}

/** The link request named the package and `runtime` in its User-Agent (browsers keep their own). */
export function assertUserAgent(servers, applicationId, runtime) {
  const sent = servers.sandbox.requests.find(
    (entry) => entry.route === 'link' && entry.body?.includes(`"${applicationId}"`),
  );
  assert.ok(sent, 'the sandbox saw no link request for this runtime');
  assert.match(String(sent.headers['user-agent']), new RegExp(`^faceki-kyc-link/\\d+\\.\\d+\\.\\d+ \\(${runtime}[/)]`));
}

/** The refusals quote neither the bearer tokens the hostile server was called with nor the client secret. */
export function assertErrorsKeepSecrets(report) {
  const errors = JSON.stringify([report.redirect, report.oversize]);
  for (const secret of ['token-for-308', 'token-for-oversize', 'sandbox-secret']) {
    assert.ok(!errors.includes(secret), `a secret leaked into: ${errors}`);
  }
}

/** Everything a runtime that lets a script set the User-Agent must show. */
export function assertScenario(report, servers, applicationId, runtime) {
  assertLink(report, servers, applicationId);
  assertUserAgent(servers, applicationId, runtime);
  assertRedirectRefused(report, servers);
  assertOversizeRefused(report);
  assertErrorsKeepSecrets(report);
}
