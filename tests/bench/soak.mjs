// Soak: many links at many in flight against the fixed-response server, watching for failures,
// unhandled rejections and growth: wasm memory and malloc heap, JS heap, RSS, and the XMLHttpRequest
// objects Emscripten 3.1.6 keeps in Fetch.xhrs (one slot per request, freed with `delete`).
//   node tests/bench/soak.mjs [--calls 100000] [--in-flight 128] [--sample-every 10000] [--out file]
//   node tests/bench/soak.mjs --short      (10,000 calls, sampled every 1,000: the CI version)
// Prints one JSON object; exits 1 on a real failure (see verdict()), never because of speed.

import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { createNodeXhr } from '../../npm/src/transport/node-xhr.mjs';
import { packageUserAgent } from '../../npm/src/transport/user-agent.mjs';
import { bindToWasm } from '../../npm/src/wasm-loader.mjs';
import { startJsonChild, stopChild } from './child-process.mjs';
import { BENCH_REQUEST, BENCH_TOKEN } from './wire.mjs';

// Growth is read after a full GC, so the process needs --expose-gc: run again with it.
if (typeof globalThis.gc !== 'function') {
  const rerun = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(rerun.status ?? 1);
}

const { values: args } = parseArgs({
  options: {
    short: { type: 'boolean', default: false },
    calls: { type: 'string' },
    'in-flight': { type: 'string' },
    'sample-every': { type: 'string' },
    out: { type: 'string' },
  },
});
const calls = Number(args.calls ?? (args.short ? 10_000 : 100_000));
const inFlight = Number(args['in-flight'] ?? 128);
const sampleEvery = Number(args['sample-every'] ?? (args.short ? 1_000 : 10_000));
const warmupCalls = Math.max(3 * sampleEvery, Math.floor(calls / 5)); // JIT, pools, first heap growth
const MiB = 1024 * 1024;

// Limits on growth per 10,000 calls after warm-up. Each is far above what this run shows when healthy
// (the numbers are in the output) and far below what one leaked object per call would cost:
const LIMITS = {
  // A leaked request + response per call is >= 300 bytes of malloc heap: 3 MiB per 10,000 calls.
  wasmHeapTopMiBPer10k: 1,
  // JS heap after a full GC: Fetch.xhrs' holes cost 8 bytes a call (0.08 MiB); one leaked promise,
  // closure or XMLHttpRequest per call costs far more than 4 MiB.
  jsHeapMiBPer10k: 4,
  // RSS moves by tens of MiB with GC and allocator decisions; 64 MiB per 10,000 calls is 6.7 KB a call.
  rssMiBPer10k: 64,
};

// Test-only instruments: the package's Node loader (npm/src/node.mjs) built here over the same parts,
// with the Emscripten Module (for HEAP8 and malloc) from a preRun hook, and the package's node:http
// adapter subclassed to count itself.
const npmRequire = createRequire(new URL('../../npm/package.json', import.meta.url));
const XHR_SAMPLE_EVERY = 16; // a WeakRef to every 16th XMLHttpRequest: enough to see retention, cheap
const xhrs = { created: 0, watched: [] };
class CountedXhr extends createNodeXhr({ userAgent: packageUserAgent() }) {
  constructor() {
    super();
    xhrs.created++; // Fetch.xhrs.push() follows every construction: this is Fetch.xhrs.length
    if (xhrs.created % XHR_SAMPLE_EVERY === 0) xhrs.watched.push({ index: xhrs.created, ref: new WeakRef(this) });
  }
}

// Watched XMLHttpRequests whose call certainly ended (created 2 * inFlight or more requests ago) that
// are still reachable, scaled up to an estimate of all such objects retained.
function retainedXhrs() {
  const ended = xhrs.created - 2 * inFlight;
  xhrs.watched = xhrs.watched.filter((entry) => entry.ref.deref() !== undefined);
  return xhrs.watched.filter((entry) => entry.index < ended).length * XHR_SAMPLE_EVERY;
}
let wasmModule;
const createKycModule = npmRequire('./dist/kyc-node.cjs');
const wasmBinary = readFileSync(new URL('../../npm/dist/kyc-node.wasm', import.meta.url));
const kyc = bindToWasm((overrides) =>
  createKycModule({
    ...overrides,
    XMLHttpRequest: CountedXhr,
    wasmBinary,
    preRun: [(module) => (wasmModule = module)],
  }),
);

// The top of the malloc heap: a block bigger than any free chunk inside it comes from the top, so its
// address is the high-water mark of what the client holds (plus fragmentation).
function wasmHeapTop() {
  const probe = wasmModule._malloc(4 * MiB);
  wasmModule._free(probe);
  return probe;
}

// After a full GC. The await first lets go of the objects a WeakRef.deref() kept alive for the job.
async function sample(done) {
  await new Promise((resolve) => setTimeout(resolve, 0));
  globalThis.gc();
  const memory = process.memoryUsage();
  return {
    calls: done,
    wasmMemoryBytes: wasmModule.HEAP8.length,
    wasmHeapTopBytes: wasmHeapTop(),
    jsHeapUsedBytes: memory.heapUsed,
    arrayBuffersBytes: memory.arrayBuffers,
    rssBytes: memory.rss,
    xhrsSlots: xhrs.created,
    xhrsRetained: retainedXhrs(),
  };
}

// Least-squares slope of y over calls, per 10,000 calls.
function slopePer10k(samples, key, scale = 1) {
  const n = samples.length;
  if (n < 2) return null;
  const mx = samples.reduce((s, p) => s + p.calls, 0) / n;
  const my = samples.reduce((s, p) => s + p[key] / scale, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of samples) {
    num += (p.calls - mx) * (p[key] / scale - my);
    den += (p.calls - mx) ** 2;
  }
  return Number(((num / den) * 10_000).toFixed(3));
}

const problems = { unhandledRejections: 0, uncaughtExceptions: 0 };
process.on('unhandledRejection', () => problems.unhandledRejections++);
process.on('uncaughtException', () => problems.uncaughtExceptions++);

const { child: server, ready } = await startJsonChild(fileURLToPath(new URL('./fixed-server.mjs', import.meta.url)));
const client = await kyc.createKycClient({ token: BENCH_TOKEN, baseUrl: ready.url });

let started = 0;
let done = 0;
let failures = 0;
let firstFailure;
const samples = [];
const startedAt = performance.now();

async function worker() {
  while (started < calls) {
    started++;
    try {
      const link = await client.generateKycLink(BENCH_REQUEST);
      if (!link?.url) throw new Error('resolved without a link');
    } catch (error) {
      failures++;
      firstFailure ??= `${error?.code ?? error?.name}: ${error?.message}`;
    }
    done++;
    if (done % sampleEvery === 0) samples.push(await sample(done));
  }
}

// The handlers above count what escapes the package; an error of the soak's own (a failed sample) must
// end the run instead of being counted and leaving it waiting forever.
let soakError;
await Promise.all(Array.from({ length: inFlight }, worker)).catch((error) => {
  soakError = error;
  started = calls; // the other workers stop after their current call
});
const seconds = (performance.now() - startedAt) / 1000;
const pendingCalls = client.pendingCalls;
client.close();
await stopChild(server);
await new Promise((resolve) => setImmediate(resolve)); // let a late rejection surface before counting

const afterWarmup = samples.filter((s) => s.calls >= warmupCalls);
const growthPer10k = {
  wasmMemoryMiB: slopePer10k(afterWarmup, 'wasmMemoryBytes', MiB),
  wasmHeapTopMiB: slopePer10k(afterWarmup, 'wasmHeapTopBytes', MiB),
  jsHeapUsedMiB: slopePer10k(afterWarmup, 'jsHeapUsedBytes', MiB),
  rssMiB: slopePer10k(afterWarmup, 'rssBytes', MiB),
  xhrsRetained: slopePer10k(afterWarmup, 'xhrsRetained'),
  xhrsSlots: slopePer10k(afterWarmup, 'xhrsSlots'),
};

function verdict() {
  const reasons = [];
  if (soakError) reasons.push(`the soak itself failed: ${soakError.stack ?? soakError}`);
  if (failures > 0) reasons.push(`${failures} calls failed (first: ${firstFailure})`);
  if (done !== calls) reasons.push(`${done} of ${calls} calls ended`);
  if (pendingCalls !== 0) reasons.push(`${pendingCalls} calls still pending at the end`);
  if (problems.unhandledRejections) reasons.push(`${problems.unhandledRejections} unhandled rejections`);
  if (problems.uncaughtExceptions) reasons.push(`${problems.uncaughtExceptions} uncaught exceptions`);
  // Fetch.xhrs keeping finished XMLHttpRequests would show here; a few may wait for a socket to settle.
  const retained = samples.at(-1)?.xhrsRetained ?? 0;
  if (retained > calls / 100)
    reasons.push(`about ${retained} finished XMLHttpRequest objects still reachable after GC`);
  if (growthPer10k.wasmHeapTopMiB > LIMITS.wasmHeapTopMiBPer10k) reasons.push('wasm heap keeps growing');
  if (growthPer10k.jsHeapUsedMiB > LIMITS.jsHeapMiBPer10k) reasons.push('JS heap keeps growing');
  if (growthPer10k.rssMiB > LIMITS.rssMiBPer10k) reasons.push('RSS keeps growing');
  return reasons;
}

const reasons = verdict();
const result = {
  soak: 'faceki-kyc-link',
  date: new Date().toISOString(),
  node: process.version,
  calls,
  inFlight,
  sampleEvery,
  warmupCalls,
  seconds: Number(seconds.toFixed(1)),
  linksPerS: Math.round(done / seconds),
  failures,
  ...(firstFailure ? { firstFailure } : {}),
  pendingCallsAtEnd: pendingCalls,
  ...problems,
  growthPer10kAfterWarmup: growthPer10k,
  limitsPer10k: LIMITS,
  samples,
  ok: reasons.length === 0,
  reasons,
};
const text = JSON.stringify(result, null, 2);
if (args.out) writeFileSync(args.out, `${text}\n`);
process.stdout.write(`${text}\n`);
process.exit(result.ok ? 0 : 1);
