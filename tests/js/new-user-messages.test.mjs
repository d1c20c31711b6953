// What a new user reads first: validateKycLinkRequest without a client, a NETWORK_ERROR that names the
// host it tried (and nothing after it), a missing credential that says which value was undefined, and
// a sandbox banner that prints the sandbox's demo credentials.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { test } from 'node:test';

import { createKycClient, KycError, validateKycLinkRequest } from '../../npm/index.mjs';
import { BIN } from './cli-harness.mjs';

const require = createRequire(import.meta.url);

test('validateKycLinkRequest needs no client, from import and require alike', async () => {
  assert.deepEqual(await validateKycLinkRequest({ workflowId: 'w', expiryTime: 60 }), []);
  const issues = await require('../../npm/dist/index.cjs').validateKycLinkRequest({ workflowID: 'w', expiryTime: 0 });
  assert.deepEqual(issues.map((issue) => issue.field).sort(), ['expiryTime', 'workflowID', 'workflowId']);
  assert.deepEqual(
    (await validateKycLinkRequest('nope')).map((issue) => issue.field),
    ['request'],
  );
});

test('NETWORK_ERROR names the host and port it could not reach, never the path or query', async () => {
  const closed = createServer().listen(0, '127.0.0.1');
  await once(closed, 'listening');
  const { port } = closed.address();
  closed.close();
  await once(closed, 'close');
  const client = await createKycClient({ baseUrl: `http://127.0.0.1:${port}/faceki`, token: 'a-token', maxRetries: 0 });
  try {
    await assert.rejects(client.generateKycLink({ workflowId: 'w' }), (error) => {
      assert.ok(error instanceof KycError);
      assert.equal(error.code, 'NETWORK_ERROR');
      assert.match(error.message, new RegExp(`could not reach FACEKI at 127\\.0\\.0\\.1:${port} \\(network error\\)`));
      assert.doesNotMatch(error.message, /faceki\/|kycverify/);
      return true;
    });
  } finally {
    client.close();
  }
});

test('a credential passed as undefined is named, with the environment variable that was likely unset', async () => {
  const unset = {}; // stands for process.env without the variables
  await assert.rejects(
    createKycClient({ clientId: unset.FACEKI_CLIENT_ID, clientSecret: unset.FACEKI_CLIENT_SECRET }),
    (error) => {
      assert.equal(error.code, 'INVALID_CONFIG');
      assert.match(error.message, /clientId is undefined: is FACEKI_CLIENT_ID set\?/);
      assert.match(error.message, /clientSecret is undefined: is FACEKI_CLIENT_SECRET set\?/);
      return true;
    },
  );
  await assert.rejects(
    createKycClient({ clientId: 'id', clientSecret: unset.FACEKI_CLIENT_SECRET }),
    /clientSecret is required with clientId; clientSecret is undefined: is FACEKI_CLIENT_SECRET set\?/,
  );
});

test('the sandbox banner prints its demo credentials', async (t) => {
  const child = spawn(process.execPath, [BIN, 'sandbox', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  t.after(() => child.kill());
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  assert.match((await lines.next()).value, /^http:\/\/127\.0\.0\.1:\d+$/);
  const banner = (await lines.next()).value;
  assert.match(banner, /Client id: sandbox-client, client secret: sandbox-secret \(demo credentials\)/);
  assert.doesNotMatch(banner, /see README/);
});
