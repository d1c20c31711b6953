'use strict';
// `faceki-kyc-link generate`: one link, printed as text or JSON.

const { createKycClient } = require('../dist/index.cjs');
const { clientOptionsFrom, CLIENT_FLAGS } = require('./credentials.cjs');
const { EXIT } = require('./exit-codes.cjs');
const { expiresAt, numberOrText } = require('./link-values.cjs');
const { UsageError } = require('./usage-error.cjs');

const FLAGS = {
  'workflow-id': { type: 'string' },
  'application-id': { type: 'string' },
  'expiry-minutes': { type: 'string' },
  'redirect-url': { type: 'string' },
  ...CLIENT_FLAGS,
  json: { type: 'boolean' },
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

async function generate(flags, { env, stdout, signal }) {
  const request = requestFrom(flags);
  const client = await createKycClient(clientOptionsFrom(flags, env));
  try {
    const link = await client.generateKycLink(request, { signal });
    const expires = expiresAt(request.expiryTime);
    if (flags.json) stdout.write(JSON.stringify({ ...link, expiresAt: expires }) + '\n');
    else stdout.write(`link id: ${link.linkId}\nurl:     ${link.url}\n` + (expires ? `expires: ${expires}\n` : ''));
    return EXIT.OK;
  } finally {
    client.close();
  }
}

module.exports = { generate, GENERATE_FLAGS: FLAGS };
