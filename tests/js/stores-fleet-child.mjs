// One instance of the fleet in stores-fleet.test.mjs: shares Redis stores, says "ready", waits for
// "go" on stdin, makes 100 concurrent calls for 50 people and prints one JSON line with the result.

import { createInterface } from 'node:readline';

import { createKycClient } from '../../npm/index.mjs';
import { createRedisStores } from '../../npm/redis/index.mjs';

const { SANDBOX_URL, REDIS_URL, CLIENT_ID, CLIENT_SECRET, WORKFLOW } = process.env;
const stores = await createRedisStores({ url: REDIS_URL, keyPrefix: 'fleet-test:' });
const warnings = [];
const kyc = await createKycClient({
  baseUrl: SANDBOX_URL,
  clientId: CLIENT_ID,
  clientSecret: CLIENT_SECRET,
  tokenStore: stores.tokenStore,
  linkStore: stores.linkStore,
  reuseLinks: true,
  onWarning: (warning) => warnings.push(warning.message),
});

const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
await new Promise((resolve) => lines.once('line', resolve));
lines.close();

const calls = Array.from({ length: 100 }, (_, i) =>
  kyc.generateKycLink({ workflowId: WORKFLOW, applicationId: `person-${i % 50}`, expiryTime: 60 }).then(
    (link) => ({ person: `person-${i % 50}`, linkId: link.linkId }),
    (error) => ({ error: `${error.code}: ${error.message}` }),
  ),
);
const results = await Promise.all(calls);
kyc.close();
await stores.close();
process.stdout.write(`${JSON.stringify({ results, warnings })}\n`);
