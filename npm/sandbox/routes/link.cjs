'use strict';
// POST /kycverify/api/kycverify/kyc-verify-link: checks the bearer token and the body, then issues
// a link whose hosted page the sandbox serves at /kycverify/<linkId>.

const crypto = require('node:crypto');
const { errorBody } = require('../http-io.cjs');
const { isPositiveInteger } = require('../options.cjs');

// FACEKI does not document a default link lifetime; the sandbox picks 7 days when expiryTime is absent.
const DEFAULT_LINK_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;
const MS_PER_MINUTE = 60 * 1000;
const KNOWN_FIELDS = new Set(['workflowId', 'applicationId', 'expiryTime', 'redirect_url']);

const TOKEN_PROBLEMS = {
  malformed: 'malformed bearer token',
  unknown: 'unknown bearer token',
  expired: 'bearer token expired',
};

function handleCreateLink({ state, req, body, reply, entry }) {
  const tokenProblem = findTokenProblem(state, req.headers.authorization);
  if (tokenProblem) return reply.json(401, errorBody(401, tokenProblem));

  const request = parseObject(body);
  if (!request) return invalidRequest(reply, 'request body must be a JSON object');

  // A lenient server ignores fields it does not know; the log names them so a test can spot
  // a misspelt field (say `redirectUrl` instead of `redirect_url`).
  const ignoredFields = Object.keys(request).filter((field) => !KNOWN_FIELDS.has(field));
  if (ignoredFields.length > 0) entry.ignoredFields = ignoredFields;

  const problem = findFieldProblem(request);
  if (problem) return invalidRequest(reply, problem);
  if (!state.settings.workflows.has(request.workflowId)) {
    return reply.json(200, { responseCode: 5001, message: 'workflow rules missing' });
  }

  const link = recordLink(state, request);
  reply.json(200, { responseCode: 0, data: link.linkId, url: `${state.baseUrl}/kycverify/${link.linkId}` });
}

/** @returns {string | null} why the Authorization header does not carry a usable token */
function findTokenProblem(state, authorization) {
  if (!authorization) return 'missing bearer token';
  const match = /^Bearer +(\S+)$/i.exec(authorization.trim());
  if (!match) return 'malformed authorization header (expected "Bearer <token>")';
  const verdict = state.tokenAuthority.check(match[1]);
  return verdict === 'valid' ? null : TOKEN_PROBLEMS[verdict];
}

function parseObject(text) {
  try {
    const value = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

/** Optional fields count as present when their key is there, even with a null value. */
function findFieldProblem(request) {
  const { workflowId, applicationId, expiryTime, redirect_url: redirectUrl } = request;
  if (typeof workflowId !== 'string' || workflowId.length === 0) return 'workflowId is required';
  if ('applicationId' in request && typeof applicationId !== 'string') return 'applicationId must be a string';
  // The V2 docs once typed expiryTime as a string; the sandbox holds clients to the current docs.
  if ('expiryTime' in request && !isPositiveInteger(expiryTime))
    return 'expiryTime must be a positive integer (minutes)';
  if ('redirect_url' in request && typeof redirectUrl !== 'string') return 'redirect_url must be a string';
  return null;
}

function invalidRequest(reply, message) {
  reply.json(200, { responseCode: 5002, message });
}

function recordLink(state, request) {
  const createdAt = Date.now();
  const expiryTime = request.expiryTime ?? null;
  const link = {
    linkId: crypto.randomUUID(),
    workflowId: request.workflowId,
    applicationId: request.applicationId ?? null,
    expiryTime,
    redirectUrl: request.redirect_url ?? null,
    createdAt,
    expiresAt: createdAt + (expiryTime === null ? DEFAULT_LINK_LIFETIME_MS : expiryTime * MS_PER_MINUTE),
  };
  state.links.push(link);
  return link;
}

module.exports = { handleCreateLink, findTokenProblem };
