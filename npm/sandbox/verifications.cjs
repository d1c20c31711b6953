'use strict';
// Completing a link's verification with a fake person, the records FACEKI would then answer at
// GET /kycverify/api/kycverify/records, in the shape its docs show ("Fetch Records", "Verification Data"),
// and what the portal does to a finished one: change its status, report an AML monitoring update.

const crypto = require('node:crypto');
const {
  AML_STATUSES,
  DEFAULT_UPDATED_BY,
  WEBHOOK_KINDS,
  amlUpdateBody,
  resultWebhookBody,
  statusUpdateBody,
} = require('./webhook-bodies.cjs');

/** The outcomes a KYC result webhook documents. */
const VERIFICATION_STATUSES = ['ACCEPTED', 'DECLINED', 'REVIEW'];
const DEFAULT_FULL_NAME = 'Jane Sandbox';
const MAX_NAME_LENGTH = 200; // a person's fullName, an operator's updatedBy

const isObject = (input) => input !== null && typeof input === 'object' && !Array.isArray(input);

/** Why `value` (optional) is not a name, or null. */
function nameProblem(field, value) {
  if (value === undefined) return null;
  if (typeof value !== 'string' || value.trim() === '') return `${field} must be a non-empty string`;
  if (value.length > MAX_NAME_LENGTH) return `${field} must be at most ${MAX_NAME_LENGTH} characters`;
  return null;
}

/** Why `input` ({ status, [name]? }) does not set a verification status, or null. */
function statusProblem(input, name) {
  if (!isObject(input)) return 'expected a JSON object';
  if (!VERIFICATION_STATUSES.includes(input.status)) return `status must be one of ${VERIFICATION_STATUSES.join(', ')}`;
  return nameProblem(name, input[name]);
}

/**
 * A record as FACEKI documents one: `link`, `record_identifier` (the link request's applicationId),
 * `requestId` and `document_data`. FACEKI documents no decision field; `status` is the sandbox's own
 * addition (the outcome it was completed with), and `passed` is true for ACCEPTED only.
 */
function buildRecord(link, { status, fullName = DEFAULT_FULL_NAME }) {
  const name = fullName.trim();
  const [firstName, ...rest] = name.split(/\s+/);
  return {
    link: link.linkId,
    record_identifier: link.applicationId ?? '',
    requestId: crypto.randomUUID(),
    document_data: [
      {
        reference: crypto.randomUUID(),
        full_name: name,
        first_name: firstName,
        last_name: rest.join(' '),
        nationality: 'ZZ',
        issuer: 'ZZ',
        gender: 'X',
        dob: '1990-01-01',
        expiry: '2035-01-01',
        document_number: 'SANDBOX0001',
        document_type: 'PASSPORT',
        mrz: '',
        document_face_match: status === 'ACCEPTED',
        passed: status === 'ACCEPTED',
      },
    ],
    status,
  };
}

const RECORD_QUERY_KEYS = { link: 'link', requestId: 'requestId', record_identifier: 'record_identifier' };

/** The records matching every query key present in `searchParams`; null when none is given. */
function findRecords(records, searchParams) {
  const criteria = Object.entries(RECORD_QUERY_KEYS)
    .filter(([key]) => searchParams.has(key))
    .map(([key, field]) => [field, searchParams.get(key)]);
  // face_id is a documented key; sandbox records have no face id, so it matches nothing.
  if (searchParams.has('face_id')) return [];
  if (criteria.length === 0) return null;
  return records.filter((record) => criteria.every(([field, value]) => record[field] === value));
}

/**
 * Completes the verification of link `linkId` as `input` ({ status, fullName? }): records it and
 * sends the result webhook. Each completion is a new submission with its own record, as when a person
 * goes through the link again. An expired link cannot be completed.
 * @returns {{ record: object } | { error: { status: number, message: string } }}
 */
function completeLink(state, linkId, input, now = Date.now()) {
  const link = state.links.find((candidate) => candidate.linkId === linkId);
  if (!link) return { error: { status: 404, message: 'unknown link' } };
  if (now >= link.expiresAt) return { error: { status: 409, message: 'the link has expired' } };
  const problem = statusProblem(input, 'fullName');
  if (problem) return { error: { status: 400, message: problem } };
  const record = buildRecord(link, input);
  state.records.push(record);
  state.webhooks.send(WEBHOOK_KINDS.completed, resultWebhookBody(record));
  return { record };
}

function recordOf(state, requestId) {
  return state.records.find((candidate) => candidate.requestId === requestId);
}

/**
 * Changes the status of the finished verification `requestId` as an operator in FACEKI's portal does
 * (`input`: { status, updatedBy? }): the record the records endpoint answers shows the new status, and
 * the status update webhook goes out. Its document_data stays as the completion left it.
 * @returns {{ record: object } | { error: { status: number, message: string } }}
 */
function updateStatus(state, requestId, input) {
  const record = recordOf(state, requestId);
  if (!record) return { error: { status: 404, message: 'unknown requestId' } };
  const problem = statusProblem(input, 'updatedBy');
  if (problem) return { error: { status: 400, message: problem } };
  record.status = input.status;
  state.webhooks.send(WEBHOOK_KINDS.statusUpdated, statusUpdateBody(record, input.updatedBy ?? DEFAULT_UPDATED_BY));
  return { record };
}

/**
 * Sends the AML monitoring update webhook for the person of the verification `requestId` (`input`:
 * { amlStatus }). Records are unchanged: FACEKI documents no AML field on one.
 * @returns {{ body: object } | { error: { status: number, message: string } }} body: what was sent
 */
function updateAml(state, requestId, input) {
  const record = recordOf(state, requestId);
  if (!record) return { error: { status: 404, message: 'unknown requestId' } };
  if (!isObject(input) || !AML_STATUSES.includes(input.amlStatus)) {
    return { error: { status: 400, message: `amlStatus must be one of ${AML_STATUSES.join(', ')}` } };
  }
  const body = amlUpdateBody(record, input.amlStatus);
  state.webhooks.send(WEBHOOK_KINDS.amlUpdated, body);
  return { body };
}

module.exports = { VERIFICATION_STATUSES, completeLink, findRecords, updateAml, updateStatus };
