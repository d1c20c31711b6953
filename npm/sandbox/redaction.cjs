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

  // The rules above match plain spellings. A client may spell a key or a secret otherwise, and be read
  // all the same (client%53ecret=..., "client\u0053ecret": ...): when any decoding of what is left still
  // shows a known secret or a clientSecret value, all of it goes.
  function showsSecret(text) {
    return decodings(text).some((form) => {
      if (secrets.some((secret) => form.includes(secret)) || form.search(JWT_LIKE) !== -1) return true;
      return [...form.matchAll(ANY_CLIENT_SECRET)].some((match) => !match[1].startsWith(REDACTED));
    });
  }

  const failClosed = (text) => (showsSecret(text) ? REDACTED : text);

  return {
    /** A request target with the clientSecret query parameter's value replaced. */
    path(target) {
      const result = scrub(target.replace(FORM_CLIENT_SECRET, `$1$2${REDACTED}`));
      const at = result.indexOf('?');
      if (at === -1) return failClosed(result);
      return `${failClosed(result.slice(0, at))}?${failClosed(result.slice(at + 1))}`;
    },

    /** Request headers with the Authorization credentials replaced (the scheme is kept). */
    headers(headers) {
      const copy = {};
      for (const [name, value] of Object.entries(headers)) {
        copy[name] = name === 'authorization' ? redactAuthorization(value) : failClosed(scrub(String(value)));
      }
      return copy;
    },

    /** A token-endpoint body: clientSecret's value replaced, everything else kept as received. */
    tokenBody: (body) =>
      failClosed(
        scrub(body.replace(JSON_CLIENT_SECRET, `$1"${REDACTED}"`).replace(FORM_CLIENT_SECRET, `$1$2${REDACTED}`)),
      ),

    /** Any other body: kept as received unless a secret shows up in it. */
    body: (body) => failClosed(scrub(body)),
  };
}

// A clientSecret key in any case, as JSON or form text, and the start of its value.
const ANY_CLIENT_SECRET = /clientsecret"?\s*[:=]\s*"?([^"&#]*)/gi;

/** `text` as it is, percent-decoded and JSON-unescaped (tolerantly: a malformed escape stays), twice over. */
function decodings(text) {
  const forms = [text];
  for (let round = 0; round < 2; round++) {
    for (const form of [...forms]) forms.push(percentDecoded(form), jsonUnescaped(form));
  }
  return forms;
}

function percentDecoded(text) {
  return text.replace(/\+/g, ' ').replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return Buffer.from(run.replace(/%/g, ''), 'hex').toString('latin1'); // not UTF-8: byte by byte
    }
  });
}

function jsonUnescaped(text) {
  return text
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16)))
    .replace(/\\(["\\/])/g, '$1');
}

// "Bearer abc" -> "Bearer [redacted]"; a value without a recognisable scheme -> "[redacted]".
function redactAuthorization(value) {
  const match = /^\s*([A-Za-z]+)\s+\S/.exec(String(value));
  return match ? `${match[1]} ${REDACTED}` : REDACTED;
}

module.exports = { createRedactor };
