// One source for codes and limits: the wasm module says which error codes, FACEKI reasons and field
// limits the C++ core has (kycFacts, src/wasm/facts.cpp), and every JS file that lists or uses them is
// checked against it. A new ErrorCode without a type, an exit code or an admin-tool text fails here.

import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { createKycClient, kycFacts, validateKycLinkRequest } from '../../npm/index.mjs';
import { GUIDANCE } from '../../web/src/error-text.js';

const require = createRequire(import.meta.url);
const { EXIT_BY_ERROR_CODE, EXIT } = require('../../npm/cli/exit-codes.cjs');
const root = fileURLToPath(new URL('../../', import.meta.url));
const read = (file) => readFileSync(join(root, file), 'utf8');
const facts = await kycFacts();

/** The string members of `export type <name> = | 'A' | 'B';` in index.d.ts. */
function unionMembers(name) {
  const types = read('npm/index.d.ts').replace(/\/\*[\s\S]*?\*\//g, ''); // doc comments may hold ';'
  const match = types.match(new RegExp(`export type ${name} =([^;]*);`));
  assert.ok(match, `${name} is in index.d.ts`);
  return [...match[1].matchAll(/'([A-Z_]+)'/g)].map((member) => member[1]);
}

test('the module lists its codes, reasons and limits', () => {
  assert.ok(facts.errorCodes.includes('INVALID_REQUEST') && facts.errorCodes.includes('INTERNAL'));
  assert.equal(new Set(facts.errorCodes).size, facts.errorCodes.length);
  assert.ok(facts.reasons.includes('WORKFLOW_NOT_FOUND') && facts.reasons.includes('UNKNOWN'));
  assert.equal(facts.limits.maxExpiryMinutes, 525600);
  assert.ok(facts.limits.smallestMaxResponseBytes < facts.limits.largestMaxResponseBytes);
});

test("index.d.ts's KycErrorCode and FacekiReason are exactly the module's", () => {
  assert.deepEqual(unionMembers('KycErrorCode').sort(), [...facts.errorCodes].sort());
  assert.deepEqual(unionMembers('FacekiReason').sort(), [...facts.reasons].sort());
});

test('every code has its own exit code (none falls to the default) and no unknown code is mapped', () => {
  for (const code of facts.errorCodes) {
    assert.ok(Object.values(EXIT).includes(EXIT_BY_ERROR_CODE[code]), `${code} has an exit code`);
  }
  assert.deepEqual(Object.keys(EXIT_BY_ERROR_CODE).sort(), [...facts.errorCodes].sort());
});

test('every code has an admin-tool text', () => {
  for (const code of facts.errorCodes) {
    const [title, hint] = GUIDANCE[code] ?? [];
    assert.ok(title && hint, `${code} has a title and a hint in web/src/error-text.js`);
  }
  assert.deepEqual(Object.keys(GUIDANCE).sort(), [...facts.errorCodes].sort());
});

test("limits written in JS are the module's: only the help text states the expiry cap, and it agrees", () => {
  const help = read('npm/cli/help.cjs');
  assert.equal(help.match(new RegExp(`1\\.\\.${facts.limits.maxExpiryMinutes}\\b`, 'g'))?.length, 2);
  // The field limits that are distinctive numbers (128 and 1024 have other uses in JS).
  const limits = [facts.limits.maxExpiryMinutes, facts.limits.maxUrlLength].map(String);
  for (const dir of ['npm/src', 'npm/bulk', 'npm/cli', 'web/src']) {
    for (const file of readdirSync(join(root, dir), { recursive: true })) {
      if (!/\.(m|c)?js$/.test(file) || `${dir}/${file}` === 'npm/cli/help.cjs') continue;
      const text = read(`${dir}/${file}`);
      for (const limit of limits) {
        assert.ok(!new RegExp(`\\b${limit}\\b`).test(text), `${dir}/${file} repeats the core's limit ${limit}`);
      }
    }
  }
});

// The core words validation failures (invalidFailure, src/core/errors.cpp); kyc-error.mjs's invalidConfig, for the
// options only JS checks, must begin the same way.
test('INVALID_CONFIG errors raised in JS begin as the core words its own', async () => {
  const fromCore = await createKycClient({ baseUrl: 'ftp://example.com' }).then(assert.fail, (error) => error);
  assert.equal(fromCore.code, 'INVALID_CONFIG');
  const prefix = fromCore.message.slice(0, fromCore.message.indexOf(fromCore.issues[0].message));
  assert.ok(prefix.length > 0, `the core prefixes its issue: ${fromCore.message}`);
  const fromJs = await createKycClient(null).then(assert.fail, (error) => error);
  assert.equal(fromJs.code, 'INVALID_CONFIG');
  assert.ok(fromJs.message.startsWith(prefix), `"${fromJs.message}" begins with "${prefix}"`);
});

// The admin tool (web/src/link-request.js issueText) and the CLI (generate.cjs flagWording) put their own
// name for a field in place of the field at the start of the core's message: for every field of a link
// request, and every way it can be wrong, the core's message must begin with the field's name.
test("every link-request issue about a field begins with the field's name (the admin tool and CLI relabel it)", async () => {
  const wrong = {
    workflowId: [undefined, '', '   ', 7, 'x'.repeat(300), 'a\u0000b'],
    applicationId: ['', 7, 'x'.repeat(300), 'a\u0007'],
    expiryTime: ['60', 0, -1, 1.5, 1e9, Number.NaN],
    redirectUrl: ['', 7, 'ftp://example.com', 'http://example.com/', 'https://exa mple.com/', 'not a url'],
  };
  let checked = 0;
  for (const [field, values] of Object.entries(wrong)) {
    for (const value of values) {
      const request = { workflowId: 'w', [field]: value };
      if (value === undefined) delete request[field];
      for (const issue of await validateKycLinkRequest(request)) {
        assert.equal(issue.field, field, JSON.stringify(issue));
        assert.ok(issue.message.startsWith(`${field} `), `"${issue.message}" begins with "${field}"`);
        checked++;
      }
    }
  }
  assert.ok(checked >= 18, `the cases are refused (${checked} issues)`);
});
