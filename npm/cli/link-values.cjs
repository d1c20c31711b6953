'use strict';
// Turning command-line and CSV text into request values, shared by `generate` and `bulk`.

// A number only when the text is one; anything else goes to the C++ rules as text, to be reported.
function numberOrText(text) {
  return text !== undefined && text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
}

// One expiresAt for every surface: the bulk engine's (ISO text, or null for FACEKI's default lifetime).
const { expiresAt } = require('../dist/bulk.cjs');

module.exports = { numberOrText, expiresAt };
