'use strict';
// The two token endpoints: POST /auth/api/generate-token (JSON body, current docs) and
// GET /auth/api/access-token (query string, V2 docs and older SDKs).

const { errorBody } = require('../http-io.cjs');

// FACEKI's documented error shape for this endpoint carries an empty `data` object.
function tokenError(reply, statusCode, message) {
  reply.json(statusCode, errorBody(statusCode, message, { data: {} }));
}

function handleGenerateToken({ state, body, reply }) {
  // An empty body is treated like `{}` so it gets the same 422 a body without fields gets.
  let credentials;
  try {
    credentials = body.trim() === '' ? {} : JSON.parse(body);
  } catch {
    return tokenError(reply, 400, 'request body must be valid JSON');
  }
  if (credentials === null || typeof credentials !== 'object' || Array.isArray(credentials)) {
    return tokenError(reply, 400, 'request body must be a JSON object');
  }
  answerCredentials(state, credentials, reply);
}

function handleAccessToken({ state, url, reply }) {
  const credentials = {
    clientId: url.searchParams.get('clientId') ?? undefined,
    clientSecret: url.searchParams.get('clientSecret') ?? undefined,
  };
  answerCredentials(state, credentials, reply);
}

function answerCredentials(state, { clientId, clientSecret }, reply) {
  if (!isNonEmptyString(clientId)) return tokenError(reply, 422, 'client id is required');
  if (!isNonEmptyString(clientSecret)) return tokenError(reply, 422, 'client secret is required');
  const known = state.settings.clients.some(
    (client) => client.clientId === clientId && client.clientSecret === clientSecret,
  );
  // FACEKI does not document the status for wrong credentials; 401 is the sandbox's choice.
  if (!known) return tokenError(reply, 401, 'invalid client credentials');

  const lifetimeSeconds = state.tokenLifetimeSeconds;
  reply.json(200, {
    responseCode: 0,
    data: {
      access_token: state.tokenAuthority.issue({ subject: clientId, lifetimeSeconds }),
      expires_in: lifetimeSeconds,
      token_type: 'Bearer',
    },
  });
}

const isNonEmptyString = (value) => typeof value === 'string' && value.length > 0;

module.exports = { handleGenerateToken, handleAccessToken };
