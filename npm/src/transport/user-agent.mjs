// The User-Agent the package sends where a runtime lets a script set it: "faceki-kyc-link/<version>
// (<runtime>/<version>)". Browsers own their User-Agent, so there it is undefined and none is set.

import { VERSION } from '../version.mjs';

function runtime() {
  const scope = globalThis;
  if (typeof scope.Deno?.version?.deno === 'string') return `deno/${scope.Deno.version.deno}`;
  if (typeof scope.Bun?.version === 'string') return `bun/${scope.Bun.version}`;
  if (typeof scope.EdgeRuntime === 'string') return 'edge-runtime';
  if (scope.navigator?.userAgent === 'Cloudflare-Workers') return 'workerd';
  if (typeof scope.process?.versions?.node === 'string') return `node/${scope.process.versions.node}`;
  return undefined;
}

export function packageUserAgent() {
  const name = runtime();
  return name && `faceki-kyc-link/${VERSION} (${name})`;
}
