'use strict';
// `faceki-kyc-link generate`: one link, printed as text or JSON.

const { createKycClient } = require('../dist/index.cjs');
const { clientOptionsFrom } = require('./credentials.cjs');
const { EXIT } = require('./exit-codes.cjs');
const { UsageError } = require('./usage-error.cjs');

const FLAGS = {
  'workflow-id': { type: 'string' },
  'application-id': { type: 'string' },
  'expiry-minutes': { type: 'string' },
  'redirect-url': { type: 'string' },
  'base-url': { type: 'string' },
  'client-id': { type: 'string' },
  'timeout-ms': { type: 'string' },
  'max-retries': { type: 'string' },
  json: { type: 'boolean' },
};

// A number only when the text is one; anything else goes to the C++ rules as text, to be reported.
function numberOrText(text) {
  return text !== undefined && text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
}

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
    const expiresAt = request.expiryTime === undefined ? null : new Date(Date.now() + request.expiryTime * 60000).toISOString();
    if (flags.json) stdout.write(JSON.stringify({ ...link, expiresAt }) + '\n');
    else stdout.write(`link id: ${link.linkId}\nurl:     ${link.url}\n` + (expiresAt ? `expires: ${expiresAt}\n` : ''));
    return EXIT.OK;
  } finally {
    client.close();
  }
}

module.exports = { generate, GENERATE_FLAGS: FLAGS };
