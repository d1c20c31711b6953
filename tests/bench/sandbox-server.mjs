// The package's own sandbox in a process of its own, accepting the benchmark's token and workflow.
// Prints {"url": ...} once listening.

import { createRequire } from 'node:module';

import { BENCH_TOKEN, BENCH_WORKFLOW } from './wire.mjs';

const { startSandbox } = createRequire(import.meta.url)('../../npm/sandbox/index.cjs');
const sandbox = await startSandbox({ tokens: [BENCH_TOKEN], workflows: [BENCH_WORKFLOW] });
process.stdout.write(`${JSON.stringify({ url: sandbox.url })}\n`);
process.on('SIGTERM', () => sandbox.close().then(() => process.exit(0)));
