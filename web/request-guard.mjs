// Who may talk to the admin server. It hands out bearer tokens, so a hostile page in the operator's
// browser must get nothing from it: not by DNS rebinding (the Host must be one of ours), not by a
// cross-site form or fetch (every non-GET carries our own Origin, and the API takes JSON only, which
// no simple cross-site request can send).

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** `::1` -> `[::1]`, as it appears in a URL or a Host header. */
export function formatHost(host) {
  return host.includes(':') ? `[${host}]` : host;
}

/** The exact Host values accepted: the bound host:port and the loopback forms with that port. */
export function allowedHosts(host, port) {
  return [...new Set([formatHost(host), ...LOOPBACK_NAMES].map((name) => `${name.toLowerCase()}:${port}`))];
}

/**
 * Why this request is refused, or null. `hosts` comes from allowedHosts().
 * @returns {{ status: number, message: string } | null}
 */
export function requestProblem(req, pathname, hosts) {
  const host = req.headers.host?.toLowerCase();
  if (host === undefined || !hosts.includes(host)) return { status: 421, message: 'unexpected Host header' };
  const safeMethod = req.method === 'GET' || req.method === 'HEAD';
  if (!safeMethod && req.headers.origin?.toLowerCase() !== `http://${host}`) {
    return { status: 403, message: 'cross-origin request refused' };
  }
  if (!safeMethod && pathname.startsWith('/api/') && mediaType(req.headers['content-type']) !== 'application/json') {
    return { status: 415, message: 'the API accepts application/json only' };
  }
  return null;
}

function mediaType(contentType = '') {
  return contentType.split(';')[0].trim().toLowerCase();
}
