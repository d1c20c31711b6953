// Who may talk to the admin server. It hands out bearer tokens, so a hostile page in the operator's
// browser must get nothing from it: not by DNS rebinding (the Host must be one of ours), not by a
// cross-site form or fetch (every non-GET carries our own Origin, and the API takes JSON only, which
// no simple cross-site request can send).

import { allowedHosts, formatHost, hostAllowed } from '../npm/sandbox/host-names.cjs';

export { allowedHosts, formatHost };

/**
 * Why this request is refused, or null. `hosts` comes from allowedHosts().
 * @returns {{ status: number, message: string } | null}
 */
export function requestProblem(req, pathname, hosts) {
  if (!hostAllowed(req, hosts)) return { status: 421, message: 'unexpected Host header' };
  const host = req.headers.host.toLowerCase();
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
