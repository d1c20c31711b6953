// The admin tool as a user runs it: built by Vite into a temporary folder, served by its own
// backend (web/server.mjs) against a fresh sandbox.

import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { startSandbox } from 'faceki-kyc-link/sandbox';

import { buildAdminTool } from '../../../web/build.mjs';
import { startAdminServer } from '../../../web/server.mjs';

export async function startAdminTool() {
  const outDir = await buildAdminTool({ outDir: await mkdtemp(path.join(os.tmpdir(), 'kyc-admin-')) });
  const sandbox = await startSandbox();
  const server = await startAdminServer({
    distDir: outDir,
    facekiBaseUrl: sandbox.url,
    clientId: 'sandbox-client',
    clientSecret: 'sandbox-secret',
    environment: 'sandbox',
  });
  // As web/serve.mjs does: the sandbox answers CORS for the page's own origins only.
  for (const origin of server.origins) sandbox.allowOrigin(origin);
  return {
    url: server.url,
    sandbox,
    async close() {
      await server.close();
      await sandbox.close();
    },
  };
}
