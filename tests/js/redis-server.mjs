// A real redis-server for the store tests: started on a free port, ready when it says so on stdout
// (a complete line, never a sleep), stopped (and restartable on the same port) by the test.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

import { closedPort } from './support.mjs';

function launch(port) {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = once(child, 'exit');
  const ready = new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (line.includes('Ready to accept connections')) resolve();
    });
    exited.then(() => reject(new Error(`redis-server on port ${port} exited before it was ready`)));
  });
  return { child, exited, ready };
}

/** Starts redis-server; stops it after the test. { url, port, stop(), start() } */
export async function redisFor(t) {
  const port = await closedPort();
  let running;
  const server = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      running = launch(port);
      await running.ready;
    },
    /** Kills it (SIGKILL: a crash, not a clean shutdown) and waits for its exit. */
    async stop() {
      if (!running) return;
      const { child, exited } = running;
      running = undefined;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
  t.after(() => server.stop());
  await server.start();
  return server;
}
