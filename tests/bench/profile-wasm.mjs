// CPU profile of our client with wasm function names: drives the package's JS skin (npm/src) over a
// glue + .wasm relinked with --profiling-funcs (see size-experiments.sh), so the profile says which
// C++ functions the wasm time goes to. Test-only: the package itself is not changed.
//   node --cpu-prof --cpu-prof-dir=DIR profile-wasm.mjs <server-url> <named-glue.js> [in-flight=64] [ms=4000]

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { runClosedLoop } from './closed-loop.mjs';
import { BENCH_REQUEST, BENCH_TOKEN } from './wire.mjs';

const [url, gluePath, inFlight = '64', durationMs = '4000'] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const npmRequire = createRequire(new URL('../../npm/package.json', import.meta.url));
const { createClient } = await import('../../npm/src/kyc-client.mjs');

const createKycModule = require(gluePath);
const wasmBinary = readFileSync(gluePath.replace(/\.js$/, '.wasm'));
let loading;
const loadModule = () => (loading ??= createKycModule({ wasmBinary, XMLHttpRequest: npmRequire('xhr2') }));

const client = await createClient(loadModule, { token: BENCH_TOKEN, baseUrl: url });
const run = await runClosedLoop(() => client.generateKycLink(BENCH_REQUEST), {
  concurrency: Number(inFlight),
  warmupMs: 1000,
  durationMs: Number(durationMs),
});
console.log(
  JSON.stringify({ completed: run.completed, failures: run.failures, cpuUsPerLink: run.cpuUs / run.completed }),
);
process.exit(0);
