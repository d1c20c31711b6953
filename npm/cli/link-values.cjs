'use strict';
// Turning command-line and CSV text into request values, shared by `generate` and `bulk`.

const MS_PER_MINUTE = 60 * 1000;

// A number only when the text is one; anything else goes to the C++ rules as text, to be reported.
function numberOrText(text) {
  return text !== undefined && text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
}

/** ISO time a link made now with `expiryTime` minutes expires, or null when no lifetime was asked for. */
function expiresAt(expiryTime, now = Date.now()) {
  return expiryTime === undefined ? null : new Date(now + expiryTime * MS_PER_MINUTE).toISOString();
}

module.exports = { numberOrText, expiresAt };
