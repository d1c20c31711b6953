'use strict';
// GET /kycverify/api/kycverify/records (Bearer token): a link's verification records in FACEKI's v3
// envelope; POST /__sandbox/links/<linkId>/complete, which makes one (the hosted page's buttons call it
// too); and what the portal does to one: POST /__sandbox/records/<requestId>/status and .../aml.

const { errorBody } = require('../http-io.cjs');
const { findTokenProblem } = require('./link.cjs');
const { completeLink, findRecords, updateAml, updateStatus } = require('../verifications.cjs');

// The envelope FACEKI's "Fetch Records" doc shows.
const ENVELOPE = { status: true, code: 200, message: 'OK', appVersion: 'v3.0.0' };

function handleReadRecords({ state, req, url, reply }) {
  const tokenProblem = findTokenProblem(state, req.headers.authorization);
  if (tokenProblem) return reply.json(401, errorBody(401, tokenProblem));
  const result = findRecords(state.records, url.searchParams);
  // FACEKI does not document the answer to a query without a key; the sandbox calls it a bad request.
  if (result === null) {
    return reply.json(400, errorBody(400, 'one of link, requestId, record_identifier or face_id is required'));
  }
  reply.json(200, { ...ENVELOPE, result });
}

/**
 * A control route that takes a JSON body: `act(input)` answers { error } or its outcome, whose `pick`
 * field is the 200 answer. `shape` shows the expected body in the 400 for one that is not JSON.
 */
function jsonControl(act, pick, shape) {
  return ({ body, reply, ...request }) => {
    let input;
    try {
      input = JSON.parse(body);
    } catch {
      return reply.json(400, errorBody(400, `request body must be JSON: ${shape}`));
    }
    const outcome = act({ ...request, input });
    if (outcome.error) return reply.json(outcome.error.status, errorBody(outcome.error.status, outcome.error.message));
    reply.json(200, outcome[pick]);
  };
}

const handleComplete = jsonControl(
  ({ state, params, input }) => completeLink(state, params.linkId, input),
  'record',
  '{ "status": "ACCEPTED", "fullName"?: "..." }',
);

const handleUpdateStatus = jsonControl(
  ({ state, params, input }) => updateStatus(state, params.requestId, input),
  'record',
  '{ "status": "DECLINED", "updatedBy"?: "..." }',
);

const handleUpdateAml = jsonControl(
  ({ state, params, input }) => updateAml(state, params.requestId, input),
  'body',
  '{ "amlStatus": "MATCH" }',
);

module.exports = { handleReadRecords, handleComplete, handleUpdateAml, handleUpdateStatus };
