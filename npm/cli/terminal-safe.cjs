'use strict';
// Text from a server (link id, URL, messages) made safe to print on a terminal: every character that
// could move the cursor, start an escape sequence (ESC, CSI, OSC: a terminal title, a hyperlink, a
// cleared screen), end a line, or reorder what is shown (bidi overrides) is printed as a visible
// escape instead. Backslashes are left alone: the output is for people, not to be parsed back.

// C0 controls (CR, LF, ESC...), DEL, C1 controls (8-bit CSI, OSC...), the line and paragraph
// separators, and the bidi marks, embeddings, overrides and isolates.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const hex = (character, width) => character.charCodeAt(0).toString(16).padStart(width, '0');

/** `text` with each unsafe character as \xHH (up to U+00FF) or \uHHHH. */
function terminalSafe(text) {
  return String(text).replace(UNSAFE, (character) =>
    character.charCodeAt(0) <= 0xff ? `\\x${hex(character, 2)}` : `\\u${hex(character, 4)}`,
  );
}

/**
 * JSON.stringify(value), with the unsafe characters JSON leaves raw (DEL, C1, separators, bidi)
 * written as \uHHHH escapes too: the same JSON value, safe on a terminal.
 */
function terminalSafeJson(value) {
  return JSON.stringify(value).replace(UNSAFE, (character) => `\\u${hex(character, 4)}`);
}

module.exports = { terminalSafe, terminalSafeJson };
