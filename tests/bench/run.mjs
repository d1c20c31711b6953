// The benchmark: our package vs plain-JS clients (over Node's fetch, and over undici's Pool) vs the raw
// HTTP limit (autocannon), against a
// fixed-response server in its own process, at several calls in flight, alternating clients in the
// same run; then the same against the package's sandbox, cold start, sizes and CPU profiles.
//   npm ci --prefix tests/bench && node tests/bench/run.mjs [--out result.json] [--quick]
//     [--rounds 2] [--warmup-ms 1000] [--duration-ms 3000] [--in-flight 1,16,64,256]
//     [--clients ours,plain,plain-undici,raw] [--no-sandbox] [--no-profile]
// Prints one JSON object. Not a pass/fail test: it never exits non-zero because of a number.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { runJsonChild, startJsonChild, stopChild } from './child-process.mjs';
import { summarizeProfile } from './profile-summary.mjs';
import { BROWSER_BUDGET_GZIP_BYTES, measureSizes } from './sizes.mjs';

const here = (file) => fileURLToPath(new URL(file, import.meta.url));
const { values: args } = parseArgs({
  options: {
    out: { type: 'string' },
    quick: { type: 'boolean', default: false },
    rounds: { type: 'string' },
    'warmup-ms': { type: 'string' },
    'duration-ms': { type: 'string' },
    'in-flight': { type: 'string' },
    clients: { type: 'string' },
    'no-sandbox': { type: 'boolean', default: false },
    'no-profile': { type: 'boolean', default: false },
  },
});
const quick = args.quick;
const settings = {
  rounds: Number(args.rounds ?? (quick ? 1 : 2)),
  warmupMs: Number(args['warmup-ms'] ?? (quick ? 300 : 1000)),
  durationMs: Number(args['duration-ms'] ?? (quick ? 700 : 3000)),
  inFlight: (args['in-flight'] ?? '1,16,64,256').split(',').map(Number),
  clients: (args.clients ?? 'ours,plain,plain-undici,raw').split(','),
  coldStartRuns: quick ? 2 : 5,
};

const median = (values) => {
  const sorted = values.filter((v) => v !== null && v !== undefined).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const round = (value, digits = 1) => (value === null || value === undefined ? null : Number(value.toFixed(digits)));
const ratio = (a, b) => (a && b ? round(a / b, 3) : null);
const log = (message) => process.stderr.write(`[bench] ${message}\n`);

function measureOnce(client, url, inFlight, { nodeArgs } = {}) {
  return runJsonChild(here('./client-process.mjs'), [client, url, inFlight, settings.warmupMs, settings.durationMs], {
    nodeArgs,
  });
}

// Rounds alternate the order of the clients, so a drift of the machine during the run (another build,
// thermal) does not always favour the same one.
async function measureLevel(url, inFlight, clients) {
  const runs = Object.fromEntries(clients.map((client) => [client, []]));
  for (let r = 0; r < settings.rounds; r++) {
    const order = r % 2 === 0 ? clients : [...clients].reverse();
    for (const client of order) runs[client].push(await measureOnce(client, url, inFlight));
  }
  const level = {};
  for (const [client, list] of Object.entries(runs)) {
    level[client] = {
      linksPerS: round(median(list.map((run) => run.linksPerS)), 0),
      p50Ms: round(median(list.map((run) => run.p50Ms)), 2),
      p99Ms: round(median(list.map((run) => run.p99Ms)), 2),
      cpuUsPerLink: round(median(list.map((run) => run.cpuUsPerLink)), 1),
      peakRssMB: round(Math.max(...list.map((run) => run.peakRssMB)), 1),
      failures: list.reduce((sum, run) => sum + run.failures, 0),
      linksPerSByRound: list.map((run) => round(run.linksPerS, 0)),
      ...(list.find((run) => run.firstFailure)
        ? { firstFailure: list.find((run) => run.firstFailure).firstFailure }
        : {}),
    };
  }
  level.ratios = {};
  for (const other of ['plain', 'plain-undici', 'raw']) {
    if (!level.ours || !level[other] || other === 'ours') continue;
    level.ratios[`ours/${other}`] = {
      linksPerS: ratio(level.ours.linksPerS, level[other].linksPerS),
      cpuUsPerLink: ratio(level.ours.cpuUsPerLink, level[other].cpuUsPerLink),
      p50Ms: ratio(level.ours.p50Ms, level[other].p50Ms),
      p99Ms: ratio(level.ours.p99Ms, level[other].p99Ms),
    };
  }
  return level;
}

async function withServer(script, work) {
  const { child, ready } = await startJsonChild(here(script));
  try {
    return await work(ready.url);
  } finally {
    await stopChild(child);
  }
}

async function coldStart(url) {
  const clients = ['ours', 'plain', 'plain-undici'];
  const runs = Object.fromEntries(clients.map((client) => [client, []]));
  for (let i = 0; i < settings.coldStartRuns; i++) {
    for (const client of i % 2 === 0 ? clients : [...clients].reverse()) {
      runs[client].push(await runJsonChild(here('./cold-start.mjs'), [client, url]));
    }
  }
  const summary = (list) => ({
    importToReadyMs: round(median(list.map((run) => run.importToReadyMs)), 1),
    readyToFirstLinkMs: round(median(list.map((run) => run.readyToFirstLinkMs)), 1),
  });
  return {
    runs: settings.coldStartRuns,
    ...Object.fromEntries(clients.map((client) => [client, summary(runs[client])])),
  };
}

// One more run of a client at 64 in flight under --cpu-prof, summarised: where its CPU goes.
async function profile(client, url) {
  const dir = mkdtempSync(join(os.tmpdir(), 'kyc-bench-prof-'));
  try {
    await measureOnce(client, url, 64, { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
    const [file] = readdirSync(dir);
    const summary = summarizeProfile(JSON.parse(readFileSync(join(dir, file), 'utf8')), 12);
    return {
      byFile: Object.fromEntries(summary.byFile.map(({ name, percent }) => [name, percent])),
      byFunction: Object.fromEntries(summary.byFunction.map(({ name, percent }) => [name, percent])),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: here('.'), encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

const startedAt = Date.now();
const result = {
  benchmark: 'faceki-kyc-link',
  date: new Date().toISOString(),
  commit: gitCommit(),
  machine: {
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    loadAverageAtStart: os.loadavg().map((v) => round(v, 2)),
  },
  settings,
};

log('sizes');
result.sizes = measureSizes();

await withServer('./fixed-server.mjs', async (url) => {
  result.fixedServer = {};
  for (const inFlight of settings.inFlight) {
    log(`fixed server, ${inFlight} in flight: ${settings.clients.join(', ')}`);
    result.fixedServer[inFlight] = await measureLevel(url, inFlight, settings.clients);
  }
  log('cold start');
  result.coldStart = await coldStart(url);
  if (!args['no-profile']) {
    log('profiles at 64 in flight');
    result.profileAt64 = { ours: await profile('ours', url), 'plain-undici': await profile('plain-undici', url) };
  }
});

if (!args['no-sandbox']) {
  await withServer('./sandbox-server.mjs', async (url) => {
    log('sandbox, 64 in flight');
    result.sandboxAt64 = await measureLevel(url, 64, settings.clients);
  });
}

// The targets of issue 10: against the undici baseline at 64 in flight, and a cold start under 20 ms.
const at64 = result.fixedServer[64];
const undici = at64?.['plain-undici'];
result.targets = {
  throughputAt64AtLeast0_9xUndici:
    at64?.ours && undici
      ? { ours: at64.ours.linksPerS, undici: undici.linksPerS, met: at64.ours.linksPerS >= 0.9 * undici.linksPerS }
      : null,
  cpuPerLinkAt64AtMost1_3xUndici:
    at64?.ours && undici
      ? {
          ours: at64.ours.cpuUsPerLink,
          undici: undici.cpuUsPerLink,
          met: at64.ours.cpuUsPerLink <= 1.3 * undici.cpuUsPerLink,
        }
      : null,
  coldStartImportToReadyAtMost20Ms: result.coldStart
    ? { ours: result.coldStart.ours.importToReadyMs, met: result.coldStart.ours.importToReadyMs <= 20 }
    : null,
  browserWasmGlueGzipWithinBudget: {
    bytes: result.sizes.browser.totalGzipBytes,
    budgetBytes: BROWSER_BUDGET_GZIP_BYTES,
    met: result.sizes.browser.totalGzipBytes < BROWSER_BUDGET_GZIP_BYTES,
  },
};
result.seconds = round((Date.now() - startedAt) / 1000, 0);

const text = JSON.stringify(result, null, 2);
if (args.out) writeFileSync(args.out, `${text}\n`);
process.stdout.write(`${text}\n`);
