'use strict';
// Text from a CSV file or a server, made safe to print on a terminal: control characters (C0, DEL, C1)
// and the Unicode line, paragraph and bidirectional controls become \u escapes, so no escape sequence
// (a title change, a cursor move, a spoofed line) reaches the terminal through bulk's messages.

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function terminalSafe(text) {
  return String(text).replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

module.exports = { terminalSafe };
