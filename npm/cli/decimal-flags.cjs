'use strict';
// The flags that take a whole number, in every command, and the one way their text is read: decimal
// digits only. Number() alone would take '0x10', '1e3', ' 12' and '-0', and parseInt '12abc'.

const { UsageError } = require('./usage-error.cjs');

const DECIMAL_FLAGS = ['expiry-minutes', 'concurrency', 'timeout-ms', 'max-retries', 'port'];
const DECIMAL = /^(0|[1-9][0-9]*)$/;

/** Throws a UsageError naming the first decimal flag in `flags` whose text is not a whole decimal number. */
function checkDecimalFlags(flags) {
  for (const name of DECIMAL_FLAGS) {
    const text = flags[name];
    if (text === undefined) continue;
    if (!DECIMAL.test(text) || !Number.isSafeInteger(Number(text))) {
      throw new UsageError(`--${name} must be a whole number in decimal digits such as 60, got "${text}"`);
    }
  }
}

module.exports = { checkDecimalFlags };
