'use strict';
// Which Host headers a local server answers, against DNS rebinding: a hostile page whose own name
// resolves to 127.0.0.1 reaches the port, but its requests carry its name in Host. Shared by the
// sandbox and the admin tool's backend (web/request-guard.mjs).

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '']);

/** `::1` -> `[::1]`, as it appears in a URL or a Host header. */
function formatHost(host) {
  return host.includes(':') ? `[${host}]` : host;
}

/** The exact Host values accepted: the bound host:port and the loopback forms with that port. */
function allowedHosts(host, port) {
  return [...new Set([formatHost(host), ...LOOPBACK_NAMES].map((name) => `${name.toLowerCase()}:${port}`))];
}

/** A server bound to every interface is reached under names it cannot know: it checks no Host. */
function checksHost(boundHost) {
  return !WILDCARD_HOSTS.has(boundHost);
}

/**
 * Whether the request names one of `hosts` (from allowedHosts), and nothing else: exactly one Host
 * header (Node keeps only the first of several, which a proxy in front may read differently), and a
 * request target that is a path, or an absolute URL (GET http://name/ HTTP/1.1) whose host is one of
 * `hosts` too: RFC 9112 says that host, not the Host header, is the one the request is for.
 */
function hostAllowed(req, hosts) {
  const host = req.headers.host?.toLowerCase();
  if (host === undefined || !hosts.includes(host)) return false;
  if (Array.isArray(req.rawHeaders) && hostHeaderCount(req.rawHeaders) !== 1) return false;
  const target = String(req.url ?? '/');
  return target.startsWith('/') || hosts.includes(absoluteTargetHost(target));
}

function hostHeaderCount(rawHeaders) {
  let count = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) if (rawHeaders[i].toLowerCase() === 'host') count++;
  return count;
}

/** The host:port of an absolute-form request target, or null ('*', a malformed URL). */
function absoluteTargetHost(target) {
  try {
    const url = new URL(target);
    return url.port === '' ? null : url.host.toLowerCase(); // allowedHosts entries always carry a port
  } catch {
    return null;
  }
}

module.exports = { allowedHosts, checksHost, formatHost, hostAllowed };
