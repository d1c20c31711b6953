'use strict';
// Which browser origins may call the sandbox cross-origin. None by default: a page the developer
// happens to visit must not read the request log (it lists link URLs) or queue faults.

/** Checks that `origin` is a bare origin such as 'http://127.0.0.1:4180' and returns it; throws TypeError. */
function checkOrigin(origin, where) {
  let parsed = null;
  try {
    parsed = new URL(origin);
  } catch {
    // reported below
  }
  if (parsed === null || parsed.origin === 'null' || parsed.origin !== origin) {
    const example = 'http://127.0.0.1:4180';
    throw new TypeError(`${where}: "${origin}" is not an origin (scheme, host and port only, e.g. ${example})`);
  }
  return origin;
}

/** `initial`: the checked `allowedOrigins` option. `ownOrigin()`: the sandbox's URL, once listening. */
function createOriginPolicy(initial, ownOrigin) {
  const allowed = new Set(initial);
  return {
    allow(origin) {
      allowed.add(checkOrigin(origin, 'allowOrigin'));
    },
    /** Whether CORS headers may answer this Origin header. */
    mayReadCrossOrigin: (origin) => origin !== undefined && allowed.has(origin),
    /** Control routes: no Origin (not a browser, or a same-origin GET), our own, or an allowed one. */
    mayControl: (origin) => origin === undefined || origin === ownOrigin() || allowed.has(origin),
  };
}

module.exports = { checkOrigin, createOriginPolicy };
