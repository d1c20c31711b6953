'use strict';
// `faceki-kyc-link generate`: one link, printed as text or JSON.

const { createKycClient } = require('../dist/index.cjs');
const { clientOptionsFrom, CLIENT_FLAGS } = require('./credentials.cjs');
const { EXIT } = require('./exit-codes.cjs');
const { expiresAt, numberOrText } = require('./link-values.cjs');
const { terminalSafe, terminalSafeJson } = require('./terminal-safe.cjs');
const { UsageError } = require('./usage-error.cjs');

const FLAGS = {
  'workflow-id': { type: 'string' },
  'application-id': { type: 'string' },
  'expiry-minutes': { type: 'string' },
  'redirect-url': { type: 'string' },
  ...CLIENT_FLAGS,
  json: { type: 'boolean' },
};

// The request field each flag fills in, so a rule broken by a flag's value names the flag.
const FLAG_OF_FIELD = {
  workflowId: '--workflow-id',
  applicationId: '--application-id',
  expiryTime: '--expiry-minutes',
  redirectUrl: '--redirect-url',
  redirect_url: '--redirect-url',
};

function requestFrom(flags) {
  if (flags['workflow-id'] === undefined) throw new UsageError('--workflow-id is required');
  return {
    workflowId: flags['workflow-id'],
    applicationId: flags['application-id'],
    expiryTime: numberOrText(flags['expiry-minutes']),
    redirectUrl: flags['redirect-url'],
  };
}

/** "expiryTime must be ..." -> "--expiry-minutes must be ..." */
function flagWording({ field, message }) {
  const flag = FLAG_OF_FIELD[field];
  if (flag === undefined) return message;
  return message.startsWith(field) ? flag + message.slice(field.length) : `${flag}: ${message}`;
}

async function generate(flags, { env, stdout, signal }) {
  const request = requestFrom(flags);
  const client = await createKycClient(clientOptionsFrom(flags, env));
  try {
    const issues = client.validate(request);
    if (issues.length > 0) throw new UsageError(issues.map(flagWording).join('; '));
    const link = await client.generateKycLink(request, { signal });
    const expires = expiresAt(request.expiryTime);
    // The link id and URL come from the server: escaped, so they cannot drive the terminal.
    if (flags.json) stdout.write(`${terminalSafeJson({ ...link, expiresAt: expires })}\n`);
    else {
      const expiry = expires ? `expires: ${expires}\n` : '';
      stdout.write(`link id: ${terminalSafe(link.linkId)}\nurl:     ${terminalSafe(link.url)}\n${expiry}`);
    }
    return EXIT.OK;
  } finally {
    client.close();
  }
}

module.exports = { generate, GENERATE_FLAGS: FLAGS };
