// Keeps a spreadsheet from running a CSV cell as a formula (OWASP "CSV Injection"), for every cell the
// bulk CSV writes, whether it came from the input file or from the server.
//
// OWASP lists cells that begin with = + - @ tab or CR. This guard also covers LF and NUL (ASVS 1.2.10),
// the full-width forms of = + - @ (some spreadsheets in CJK locales read them as formula starts) and those
// characters after leading whitespace (spreadsheets trim it before deciding). Such a cell gets a leading
// `'`. So does a cell that already starts with `'`, which makes the guard exactly reversible: a resumed
// run reads its own output back with unguardCell.

const FORMULA_START = /^(?:[\t\r\n\0']|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

/** The cell as it is safe to write: `'` prepended when a spreadsheet could read it as a formula. */
export function spreadsheetSafe(cell) {
  const text = String(cell);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The inverse of spreadsheetSafe, for reading back a CSV this engine wrote. */
export function unguardCell(cell) {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}
