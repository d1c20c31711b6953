// Starting and stopping the benchmark's helper processes.

import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

// Spawns `node script ...args` and resolves with the first stdout line parsed as JSON (a server's
// ready line) plus the child, without sleeping: the child says when it is ready.
export function startJsonChild(script, args = [], { nodeArgs = [], env } = {}) {
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: env ? { ...process.env, ...env } : process.env,
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      try {
        resolve({ child, ready: JSON.parse(line) });
      } catch (error) {
        reject(new Error(`${script} printed a bad ready line: ${line}`, { cause: error }));
      }
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
    child.once('error', reject);
  });
}

// Runs `node script ...args` to the end and resolves with its whole stdout parsed as JSON.
export function runJsonChild(script, args = [], { nodeArgs = [] } = {}) {
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk) => (out += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`${script} ${args.join(' ')} exited with ${code}`));
      try {
        resolve(JSON.parse(out));
      } catch (error) {
        reject(new Error(`${script} printed no JSON: ${out.slice(0, 200)}`, { cause: error }));
      }
    });
  });
}

export function stopChild(child) {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
