// What a link store costs per link, beside no store, in one run: CPU (us per link, this process only:
// the sandbox runs in a process of its own), Redis round trips per link (commands the stores sent) and
// Redis commands per link (what Redis processed, the lock-release script's own GET and DEL included).
// Modes: none; memory and redis with a new person per call (a miss: get, lock, get, set, release) and
// with the same people again (a hit: one get). Prints one JSON object.
//   node tests/bench/stores.mjs [--links 2000] [--concurrency 16]

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

import { createKycClient, createMemoryStore } from '../../npm/index.mjs';
import { createRedisStores } from '../../npm/redis/index.mjs';
import { BENCH_TOKEN, BENCH_WORKFLOW } from './wire.mjs';

const { values } = parseArgs({
  options: { links: { type: 'string', default: '2000' }, concurrency: { type: 'string', default: '16' } },
});
const LINKS = Number(values.links);
const CONCURRENCY = Number(values.concurrency);

async function firstLine(child) {
  const [line] = await once(createInterface({ input: child.stdout }), 'line');
  return line;
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startRedis() {
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  await new Promise((resolve) => lines.on('line', (line) => line.includes('Ready to accept connections') && resolve()));
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () => {
      child.kill('SIGKILL');
      return once(child, 'exit');
    },
  };
}

async function commandsProcessed(client) {
  const info = await client.sendCommand(['INFO', 'stats']);
  return Number(/total_commands_processed:(\d+)/.exec(String(info))[1]);
}

/** LINKS calls, CONCURRENCY in flight, for people `${prefix}-0..LINKS-1`. */
async function measure(kyc, prefix) {
  let next = 0;
  const started = process.cpuUsage();
  const startedAt = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < LINKS) {
        const i = next++;
        await kyc.generateKycLink({ workflowId: BENCH_WORKFLOW, applicationId: `${prefix}-${i}`, expiryTime: 60 });
      }
    }),
  );
  const cpu = process.cpuUsage(started);
  const wallMs = Math.round(performance.now() - startedAt);
  return { cpuUsPerLink: Math.round((cpu.user + cpu.system) / LINKS), wallMs };
}

const sandboxScript = new URL('./sandbox-server.mjs', import.meta.url).pathname;
const sandbox = spawn(process.execPath, [sandboxScript], { stdio: ['ignore', 'pipe', 'inherit'] });
const { url } = JSON.parse(await firstLine(sandbox));
const redis = await startRedis();
const { createClient } = createRequire(new URL('../../npm/package.json', import.meta.url))('redis');
const probe = createClient({ url: redis.url });
await probe.connect();
let roundTrips = 0;
const counting = {
  sendCommand: (args) => {
    roundTrips++;
    return probe.sendCommand(args);
  },
};
const stores = await createRedisStores({ client: counting, keyPrefix: 'bench:' });

const clientWith = (extra) => createKycClient({ baseUrl: url, token: BENCH_TOKEN, ...extra });
const clients = {
  none: await clientWith({}),
  memory: await clientWith({ linkStore: createMemoryStore(), reuseLinks: true }),
  redis: await clientWith({ linkStore: stores.linkStore, reuseLinks: true }),
};
await measure(clients.none, 'warm-up'); // JIT and connections, for every mode alike
const results = {};
for (const [mode, kyc] of Object.entries(clients)) {
  const counted = async (people) => {
    const [trips, commands] = [roundTrips, await commandsProcessed(probe)];
    const measured = await measure(kyc, people);
    // The INFO that reads the count is itself one command.
    const redisCommands = (await commandsProcessed(probe)) - commands - 1;
    const redisRoundTripsPerLink = (roundTrips - trips) / LINKS;
    return { ...measured, redisRoundTripsPerLink, redisCommandsPerLink: redisCommands / LINKS };
  };
  const newLink = await counted(`${mode}-person`);
  results[mode] = mode === 'none' ? { newLink } : { newLink, reusedLink: await counted(`${mode}-person`) };
}
for (const kyc of Object.values(clients)) kyc.close();
await probe.close();
await stores.close();
await redis.stop();
sandbox.kill('SIGTERM');
await once(sandbox, 'exit');
const storeCost = (mode) => results[mode].newLink.cpuUsPerLink - results.none.newLink.cpuUsPerLink;
console.log(
  JSON.stringify({
    links: LINKS,
    concurrency: CONCURRENCY,
    node: process.version,
    results,
    extraCpuUsPerNewLink: { memory: storeCost('memory'), redis: storeCost('redis') },
  }),
);
