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

/** Whether the request's Host is one of `hosts` (from allowedHosts). */
function hostAllowed(req, hosts) {
  const host = req.headers.host?.toLowerCase();
  return host !== undefined && hosts.includes(host);
}

module.exports = { allowedHosts, checksHost, formatHost, hostAllowed };
