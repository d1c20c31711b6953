// Cold start in this fresh process: import of the client library to a ready client, then the first link.
//   node cold-start.mjs <ours|plain|plain-undici> <server-url>
// Prints one JSON object.

import { BENCH_REQUEST, BENCH_TOKEN } from './wire.mjs';

const [client, url] = process.argv.slice(2);
const started = performance.now();
let ready;
if (client === 'ours') {
  const { createKycClient } = await import('../../npm/index.mjs');
  ready = await createKycClient({ token: BENCH_TOKEN, baseUrl: url });
} else {
  const { createPlainClient } = await import('./plain-client.mjs');
  const transport = client === 'plain' ? 'fetch' : 'undici';
  ready = await createPlainClient({ token: BENCH_TOKEN, baseUrl: url, transport });
}
const readyAt = performance.now();
await ready.generateKycLink(BENCH_REQUEST);
const linkedAt = performance.now();

process.stdout.write(
  `${JSON.stringify({ client, importToReadyMs: readyAt - started, readyToFirstLinkMs: linkedAt - readyAt })}\n`,
);
process.exit(0);
