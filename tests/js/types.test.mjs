// index.d.ts compiles under tsc --strict, and misuse is rejected by it.

import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { NPM_DIR as npmDir, typecheck } from './support.mjs';

function compile(source) {
  const dir = mkdtempSync(join(tmpdir(), 'kyc-types-'));
  const file = join(dir, 'usage.ts');
  writeFileSync(
    file,
    source.replaceAll('PACKAGE', join(npmDir, 'index')).replaceAll('SANDBOX', join(npmDir, 'sandbox/index')),
  );
  return typecheck([file]);
}

test('typical use type-checks under --strict', () => {
  const result = compile(`
    import { createKycClient, createWebhookFetchHandler, createWebhookHandler, generateKycLink, KycError, parseWebhook, settledRecord, type KycLink } from 'PACKAGE';
    import { startSandbox } from 'SANDBOX';
    async function main(): Promise<void> {
      const sandbox = await startSandbox({ port: 0 });
      const client = await createKycClient({ baseUrl: sandbox.url, clientId: 'a', clientSecret: 'b', timeoutMs: 5000 });
      const backendToken: string = await client.getAccessToken({ timeoutMs: 2000 });
      const viaGetter = await createKycClient({ getToken: async () => backendToken });
      const link: KycLink = await client.generateKycLink({ workflowId: 'w', expiryTime: 60 }, { signal: AbortSignal.timeout(1000), maxRetries: 1 });
      const issues = client.validate({ workflowId: 'w' });
      const field: string | undefined = issues[0]?.field;
      try {
        await generateKycLink({ workflowId: 'w' }, { token: 't', baseUrl: sandbox.url });
      } catch (error) {
        if (error instanceof KycError && error.code === 'API_ERROR') console.log(error.reason, error.responseCode, error.attempts);
      }
      const records = await client.getVerifications({ link: link.linkId });
      const status: 'ACCEPTED' | 'DECLINED' | 'REVIEW' | 'UNKNOWN' | undefined = records[0]?.status;
      const polled: 'ACCEPTED' | 'DECLINED' | 'REVIEW' | 'UNKNOWN' | undefined = settledRecord(records)?.status;
      const settled = await client.waitForVerification({ applicationId: 'u' }, { timeoutMs: 60000, intervalMs: 5000 });
      const event = await parseWebhook({ body: new Uint8Array(), headers: new Headers() }, { secret: 's' });
      if (event.type === 'verification.completed') console.log(event.linkId, event.data);
      const express = createWebhookHandler({ secret: 's', onEvent: async (e) => console.log(e.status) });
      const fetchHandler: (request: Request) => Promise<Response> = createWebhookFetchHandler({ header: 'x-key', secret: 's', onEvent() {} });
      console.log(link.linkId, field, viaGetter.pendingCalls, status, polled, settled.raw, express, fetchHandler);
      client.close();
      await sandbox.close();
    }
    void main();
  `);
  assert.equal(result.status, 0, result.stdout + result.stderr);
});

/**
 * Fails unless tsc rejects `misuse` (line 2 of the file, after `imports`) with exactly the expected error,
 * so a case cannot pass on an unrelated error (a bad import path, a typo in the case itself).
 */
function assertTypeError(imports, misuse, [code, words]) {
  const result = compile(`${imports}\n${misuse}`);
  const errors = result.stdout.split('\n').filter((line) => line.includes(': error TS'));
  assert.notEqual(errors.length, 0, `tsc accepted: ${misuse}`);
  for (const error of errors) {
    assert.match(error, /usage\.ts\(2,\d+\): error/, `an error outside the misuse: ${error}`);
    assert.ok(
      error.includes(`error ${code}: `) && error.includes(words),
      `${misuse}\n  expected ${code} "${words}", got ${error}`,
    );
  }
}

const NOT_ASSIGNABLE = 'TS2322';
const WRONG_ARGUMENT = 'TS2345';
const UNKNOWN_PROPERTY = 'TS2353';
const MISSING_PROPERTIES = 'TS2739';

test('misuse is the expected type error: two credentials, a string expiry, an unknown code, and more', () => {
  const imports = `import { createKycClient, parseWebhook, type KycErrorCode, type WebhookEvent } from 'PACKAGE';`;
  for (const [misuse, expected] of [
    [
      `createKycClient({ token: 't', clientId: 'a', clientSecret: 'b' });`,
      [WRONG_ARGUMENT, "parameter of type 'KycClientOptions'"],
    ],
    [
      `createKycClient({ token: 't' }).then((c) => c.generateKycLink({ workflowId: 'w', expiryTime: '60' }));`,
      [NOT_ASSIGNABLE, "Type 'string' is not assignable to type 'number'"],
    ],
    [
      `const code: KycErrorCode = 'NOT_A_CODE';`,
      [NOT_ASSIGNABLE, `Type '"NOT_A_CODE"' is not assignable to type 'KycErrorCode'`],
    ],
    [
      `createKycClient({ token: 't' }).then(async (c) => { const n: number = await c.getAccessToken(); });`,
      [NOT_ASSIGNABLE, "Type 'string' is not assignable to type 'number'"],
    ],
    [
      `createKycClient({ token: 't' }).then((c) => c.getVerifications({ link: 'a', requestId: 'b' }));`,
      [WRONG_ARGUMENT, "parameter of type 'VerificationQuery'"],
    ],
    // A parsed body is refused: the raw text or bytes are what the secret and the parser must see.
    [
      `parseWebhook({ body: { parsed: true }, headers: {} }, { secret: 's' });`,
      [UNKNOWN_PROPERTY, "'parsed' does not exist in type 'ArrayBuffer | ArrayBufferView"],
    ],
    [
      `const event: WebhookEvent = parseWebhook({ body: '', headers: {} }, { secret: 's' });`,
      [MISSING_PROPERTIES, "Type 'Promise<WebhookEvent>' is missing the following properties from type 'WebhookEvent'"],
    ],
  ]) {
    assertTypeError(imports, misuse, expected);
  }
});

test('stores type-check: faceki-kyc-link/redis, reuse per call, getToken told the refused token', () => {
  const use = compile(
    `
    import { createKycClient, createMemoryStore, type KycStoreWarning } from 'PACKAGE';
    import { createRedisStores } from 'REDIS';
    async function main(): Promise<void> {
      const stores = await createRedisStores({ url: 'redis://127.0.0.1:6379', keyPrefix: 'kyc:' });
      const kyc = await createKycClient({ clientId: 'a', clientSecret: 'b', tokenStore: stores.tokenStore,
        linkStore: stores.linkStore, reuseLinks: true, minRemainingMinutes: 5,
        onWarning: (warning: KycStoreWarning) => console.log(warning.store, warning.message) });
      await kyc.generateKycLink({ workflowId: 'w', applicationId: 'p', expiryTime: 60 }, { reuse: false });
      const own = await createKycClient({ getToken: (info) => info?.rejectedToken ?? 't', linkStore: createMemoryStore() });
      own.close();
      await stores.close();
    }
    void main();
  `.replaceAll('REDIS', join(npmDir, 'redis/index')),
  );
  assert.equal(use.status, 0, use.stdout + use.stderr);
  const imports = `import { createKycClient, createMemoryStore } from 'PACKAGE';`;
  assertTypeError(imports, `createKycClient({ token: 't', tokenStore: createMemoryStore() });`, [
    WRONG_ARGUMENT,
    "parameter of type 'KycClientOptions'",
  ]);
  assertTypeError(imports, `createKycClient({ clientId: 'a', clientSecret: 'b', reuseLinks: 'yes' });`, [
    NOT_ASSIGNABLE,
    "Type 'string' is not assignable to type 'boolean | undefined'",
  ]);
});

test('bulk types: planRows and defaultsProblems take the package rules as a function and resolve', () => {
  const bulkPath = join(npmDir, 'bulk/index');
  const use = compile(
    `
    import { createKycClient, validateKycLinkRequest } from 'PACKAGE';
    import { defaultsProblems, planRows, type BulkPlan } from 'BULK';
    async function main(): Promise<void> {
      const plan: BulkPlan = await planRows({ header: ['id'], records: [], validate: validateKycLinkRequest });
      const client = await createKycClient({ token: 't' });
      const sync = await planRows({ header: [], records: [], validate: (request) => client.validate(request) });
      const issues = await defaultsProblems({ workflowId: 'w' }, validateKycLinkRequest);
      console.log(plan.jobs.length, sync.invalid.length, issues[0]?.field);
    }
    void main();
  `.replaceAll('BULK', bulkPath),
  );
  assert.equal(use.status, 0, use.stdout + use.stderr);
  // Each misuse with the tsc error it must give, so an unrelated error cannot pass for it.
  for (const [misuse, error] of [
    [`planRows({ header: [], records: [], client: { validate: () => [] } });`, /TS2353.*'client'/],
    [`const p: import('BULK').BulkPlan = planRows({ header: [], records: [], validate: () => [] });`, /TS2739|TS2740/],
  ]) {
    const result = compile(`import { planRows } from 'BULK';\n${misuse}`.replaceAll('BULK', bulkPath));
    assert.match(result.stdout, error, misuse);
  }
});
