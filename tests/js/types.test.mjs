// index.d.ts compiles under tsc --strict, and misuse is rejected by it.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const npmDir = fileURLToPath(new URL('../../npm/', import.meta.url));
const tsc = join(npmDir, 'node_modules/typescript/bin/tsc');

function compile(source) {
  const dir = mkdtempSync(join(tmpdir(), 'kyc-types-'));
  const file = join(dir, 'usage.ts');
  writeFileSync(file, source.replaceAll('PACKAGE', join(npmDir, 'index')).replaceAll('SANDBOX', join(npmDir, 'sandbox/index')));
  return spawnSync(process.execPath, [tsc, '--strict', '--noEmit', '--target', 'es2022', '--module', 'nodenext', '--types', 'node', '--typeRoots', join(npmDir, 'node_modules/@types'), file], { encoding: 'utf8' });
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

test('misuse is a type error: two credentials, a string expiry, an unknown code', () => {
  for (const misuse of [
    `createKycClient({ token: 't', clientId: 'a', clientSecret: 'b' });`,
    `createKycClient({ token: 't' }).then((c) => c.generateKycLink({ workflowId: 'w', expiryTime: '60' }));`,
    `const code: import('PACKAGE').KycErrorCode = 'NOT_A_CODE';`,
    `createKycClient({ token: 't' }).then(async (c) => { const n: number = await c.getAccessToken(); });`,
    `createKycClient({ token: 't' }).then((c) => c.getVerifications({ link: 'a', requestId: 'b' }));`,
    `import('PACKAGE').then((p) => p.parseWebhook({ body: { parsed: true }, headers: {} }, { secret: 's' }));`,
    `import('PACKAGE').then((p) => { const e: import('PACKAGE').WebhookEvent = p.parseWebhook({ body: '', headers: {} }, { secret: 's' }); });`,
  ]) {
    const result = compile(`import { createKycClient } from 'PACKAGE';\n${misuse}`);
    assert.notEqual(result.status, 0, misuse);
  }
});

test('stores type-check: faceki-kyc-link/redis, reuse per call, getToken told the refused token', () => {
  const use = compile(`
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
  `.replaceAll('REDIS', join(npmDir, 'redis/index')));
  assert.equal(use.status, 0, use.stdout + use.stderr);
  for (const misuse of [
    `createKycClient({ token: 't', tokenStore: createMemoryStore() });`,
    `createKycClient({ clientId: 'a', clientSecret: 'b', reuseLinks: 'yes' });`,
  ]) {
    const result = compile(`import { createKycClient, createMemoryStore } from 'PACKAGE';\n${misuse}`);
    assert.notEqual(result.status, 0, misuse);
  }
});
