'use strict';
// Keeps secrets (client secrets, bearer tokens) out of everything the sandbox records.

const REDACTED = '[redacted]';

// `"clientSecret": "..."` in a JSON body; the closing quote is optional so a truncated body is covered too.
const JSON_CLIENT_SECRET = /("clientSecret"\s*:\s*)"(?:[^"\\]|\\.)*"?/g;
// `clientSecret=...` in a query string or a form-encoded body.
const FORM_CLIENT_SECRET = /(^|[?&])(clientSecret=)[^&#]*/g;
// Anything shaped like a JWT, whichever sandbox (or FACEKI) issued it.
const JWT_LIKE = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g;

/**
 * @param {string[]} knownSecrets configured client secrets and static tokens, scrubbed wherever they
 *   appear (say a client sends one in an unexpected field); the structural rules below catch the
 *   secrets the sandbox does not know, such as a wrong (maybe real) client secret.
 */
function createRedactor(knownSecrets) {
  // Longest first, so a secret that contains another one is removed whole.
  const secrets = [...new Set(knownSecrets)].sort((a, b) => b.length - a.length);

  function scrub(text) {
    let result = text.replace(JWT_LIKE, REDACTED);
    for (const secret of secrets) result = result.split(secret).join(REDACTED);
    return result;
  }

  return {
    /** A request target with the clientSecret query parameter's value replaced. */
    path: (target) => scrub(target.replace(FORM_CLIENT_SECRET, `$1$2${REDACTED}`)),

    /** Request headers with the Authorization credentials replaced (the scheme is kept). */
    headers(headers) {
      const copy = {};
      for (const [name, value] of Object.entries(headers)) {
        copy[name] = name === 'authorization' ? redactAuthorization(value) : scrub(String(value));
      }
      return copy;
    },

    /** A token-endpoint body: clientSecret's value replaced, everything else kept as received. */
    tokenBody: (body) => scrub(body
      .replace(JSON_CLIENT_SECRET, `$1"${REDACTED}"`)
      .replace(FORM_CLIENT_SECRET, `$1$2${REDACTED}`)),

    /** Any other body: kept as received unless a secret shows up in it. */
    body: scrub,
  };
}

// "Bearer abc" -> "Bearer [redacted]"; a value without a recognisable scheme -> "[redacted]".
function redactAuthorization(value) {
  const match = /^\s*([A-Za-z]+)\s+\S/.exec(String(value));
  return match ? `${match[1]} ${REDACTED}` : REDACTED;
}

module.exports = { createRedactor };
