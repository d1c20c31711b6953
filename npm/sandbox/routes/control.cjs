'use strict';
// /__sandbox/* endpoints: let a client under test in another process queue faults and read what
// the sandbox saw. They are neither logged nor subject to faults.

const { errorBody } = require('../http-io.cjs');

function handleQueueFaults({ state, body, reply }) {
  let faults;
  try {
    faults = JSON.parse(body);
  } catch {
    return reply.json(400, errorBody(400, 'request body must be a JSON array of faults'));
  }
  if (!Array.isArray(faults)) return reply.json(400, errorBody(400, 'request body must be a JSON array of faults'));
  try {
    state.faultQueue.add(faults);
  } catch (error) {
    return reply.json(400, errorBody(400, error.message));
  }
  reply.noContent();
}

function handleReadRequests({ state, reply }) {
  reply.json(200, state.requests);
}

function handleReadStats({ state, reply }) {
  reply.json(200, { ...state.counters, pendingFaults: state.faultQueue.size() });
}

module.exports = { handleQueueFaults, handleReadRequests, handleReadStats };
