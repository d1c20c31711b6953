// Bun and Deno, each the real runtime from the npm registry, run the scenario as a script that imports
// 'faceki-kyc-link' with no configuration (the `bun` and `deno` export conditions).

import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { assertScenario, reportOf } from './expect.mjs';
import { startServers } from './servers.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const bin = (name) => `${here}../../node_modules/.bin/${name}`;

const RUNTIMES = {
  bun: (config) => [bin('bun'), ['run-scenario.mjs', config]],
  // The least Deno needs: the network, and reading the package's .wasm.
  deno: (config) => [
    bin('deno'),
    ['run', '--no-prompt', '--allow-net=127.0.0.1', '--allow-read', 'run-scenario.mjs', config],
  ],
};

let servers;
before(async () => (servers = await startServers()));
after(() => servers?.close());

for (const [name, command] of Object.entries(RUNTIMES)) {
  test(`${name}: a link against the sandbox, a redirect refused, an oversize answer refused`, async () => {
    const applicationId = `${name}-runtime`;
    const [program, args] = command(JSON.stringify(servers.config(applicationId)));
    const report = await reportOf(program, args, { cwd: here });
    assertScenario(report, servers, applicationId, name);
  });
}
