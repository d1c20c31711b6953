// The scenario as a script, for the runtimes that run files (Bun, Deno): the package as the runtime
// resolves it with no configuration, the harness's config as the one argument, one JSON line out.

import * as kyc from 'faceki-kyc-link';

import { runScenario } from './scenario.mjs';

const args = globalThis.Deno ? globalThis.Deno.args : globalThis.process.argv.slice(2);
// No top-level await: the runtime has to stay alive on the package's own pending work, as it must for
// a script that calls the package from a callback.
runScenario(kyc, JSON.parse(args[0])).then((report) => console.log(JSON.stringify(report)));
