'use strict';
// What to say about a flag a command does not take: a secret passed as a flag gets pointed to its
// environment variable (a flag's value lands in shell history and process listings), a near miss
// gets a did-you-mean from the command's own flags.

const { parseArgs } = require('node:util');
const { UsageError } = require('./usage-error.cjs');

// Keyed by the flag name lower-cased without '-' and '_', so --clientSecret and --client_secret match too.
const SECRET_FLAGS = {
  clientsecret: 'FACEKI_CLIENT_SECRET',
  secret: 'FACEKI_CLIENT_SECRET',
  token: 'FACEKI_TOKEN',
  bearertoken: 'FACEKI_TOKEN',
  accesstoken: 'FACEKI_TOKEN',
  webhooksecret: 'FACEKI_WEBHOOK_SECRET',
};

/** Throws a UsageError for the first flag in `args` that `options` does not define; the value is never echoed. */
function checkKnownFlags(args, options) {
  const { tokens } = parseArgs({ args, options, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option' || Object.hasOwn(options, token.name)) continue;
    const secretVariable = SECRET_FLAGS[token.name.toLowerCase().replace(/[-_]/g, '')];
    if (secretVariable) {
      const hint = `secrets come from the environment only; set ${secretVariable}`;
      throw new UsageError(`${token.rawName} is not a flag: ${hint}`);
    }
    const suggestion = closestFlag(token.name, Object.keys(options));
    throw new UsageError(`unknown flag ${token.rawName}${suggestion ? ` (did you mean --${suggestion}?)` : ''}`);
  }
}

/** The flag nearest to `name` by edit distance (case and '_' ignored), if it is near enough to be a typo. */
function closestFlag(name, flags) {
  const typed = name.toLowerCase().replace(/_/g, '-');
  let best = null;
  let bestDistance = Math.max(2, Math.floor(typed.length / 4)) + 1;
  for (const flag of flags) {
    const distance = editDistance(typed, flag);
    if (distance < bestDistance) [best, bestDistance] = [flag, distance];
  }
  return best;
}

/** Levenshtein distance, one row at a time. */
function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

module.exports = { checkKnownFlags };
