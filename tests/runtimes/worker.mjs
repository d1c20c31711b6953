// A Cloudflare Worker (and a Vercel Edge function: same fetch handler) that imports the package with no
// configuration, as its user would, and answers each request with the scenario's report. The harness
// posts its config as the request body.

import * as kyc from 'faceki-kyc-link';

import { runScenario } from './scenario.mjs';

export async function handle(request) {
  const report = await runScenario(kyc, await request.json());
  return new Response(JSON.stringify(report), { headers: { 'content-type': 'application/json' } });
}

export default { fetch: handle };
