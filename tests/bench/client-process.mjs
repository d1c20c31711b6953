// One measurement in a fresh process, so CPU and peak RSS belong to one client alone.
//   node client-process.mjs <ours|plain|plain-undici|raw> <server-url> <in-flight> <warmup-ms> <duration-ms> [token]
// Prints one JSON object.

import { percentile, runClosedLoop } from './closed-loop.mjs';
import { BENCH_HEADERS, BENCH_REQUEST, BENCH_TOKEN, BENCH_WIRE_BODY, LINK_PATH } from './wire.mjs';

const [client, url, inFlightText, warmupText, durationText, token = BENCH_TOKEN] = process.argv.slice(2);
const concurrency = Number(inFlightText);
const warmupMs = Number(warmupText);
const durationMs = Number(durationText);

async function makeCall() {
  if (client === 'plain' || client === 'plain-undici') {
    const { createPlainClient } = await import('./plain-client.mjs');
    const transport = client === 'plain' ? 'fetch' : 'undici';
    const plain = await createPlainClient({ baseUrl: url, token, transport });
    return () => plain.generateKycLink(BENCH_REQUEST);
  }
  if (client !== 'ours') throw new Error(`unknown client ${client}`);
  const kyc = await import('../../npm/index.mjs');
  const ours = await kyc.createKycClient({ token, baseUrl: url });
  return () => ours.generateKycLink(BENCH_REQUEST);
}

async function measureClient() {
  const call = await makeCall();
  const run = await runClosedLoop(call, { concurrency, warmupMs, durationMs });
  return {
    completed: run.completed,
    failures: run.failures,
    firstFailure: run.firstFailure,
    linksPerS: run.completed / run.seconds,
    p50Ms: percentile(run.latenciesMs, 50),
    p99Ms: percentile(run.latenciesMs, 99),
    cpuUsPerLink: run.completed ? run.cpuUs / run.completed : null,
  };
}

// The raw limit: autocannon posting the same bytes with the same headers on `concurrency` connections.
async function measureRaw() {
  const { default: autocannon } = await import('autocannon');
  const options = {
    url: `${url}${LINK_PATH}`,
    method: 'POST',
    headers: { ...BENCH_HEADERS, Authorization: `Bearer ${token}` },
    body: BENCH_WIRE_BODY,
    connections: concurrency,
    pipelining: 1,
  };
  await autocannon({ ...options, duration: warmupMs / 1000 });
  const cpuBefore = process.cpuUsage();
  const result = await autocannon({ ...options, duration: durationMs / 1000 });
  const cpu = process.cpuUsage(cpuBefore);
  const completed = result['2xx'];
  return {
    completed,
    failures: result.errors + result.timeouts + result.non2xx,
    linksPerS: completed / (result.duration || durationMs / 1000),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    cpuUsPerLink: completed ? (cpu.user + cpu.system) / completed : null,
  };
}

const result = client === 'raw' ? await measureRaw() : await measureClient();
const peakRssMB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ client, inFlight: concurrency, ...result, peakRssMB })}\n`);
process.exit(0); // keep-alive sockets and the wasm client would otherwise hold the process open
