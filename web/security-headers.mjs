// Headers for every answer of the admin server. The CSP is the strict one the package is built for:
// no inline script, no eval; 'wasm-unsafe-eval' only lets WebAssembly compile.

/** @param {string} facekiOrigin the only other origin the page may call */
export function securityHeaders(facekiOrigin) {
  const csp = [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${facekiOrigin}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    // Link URLs are secrets: never leak the page address (or a link opened from it) as a Referer.
    'referrer-policy': 'no-referrer',
  };
}
