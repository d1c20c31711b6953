'use strict';
// What a header the sandbox is told to send (a fault's, a webhook target's) may be.

// The sandbox computes these itself; letting a caller set them would produce broken HTTP.
const MANAGED_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection']);
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE_FORBIDDEN = /[\r\n\0]/;

/** Why `name: value` cannot be sent, or null. The value is never quoted: it may be a secret. */
function headerProblem(name, value) {
  if (!HEADER_NAME.test(name)) return `"${name}" is not a valid header name`;
  if (MANAGED_HEADERS.has(name.toLowerCase())) return `header "${name}" is managed by the sandbox`;
  if (!(typeof value === 'string' || typeof value === 'number') || HEADER_VALUE_FORBIDDEN.test(String(value))) {
    return `header "${name}" must be a string or number without line breaks`;
  }
  return null;
}

module.exports = { HEADER_VALUE_FORBIDDEN, headerProblem };
