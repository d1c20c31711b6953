'use strict';
// Completing a link's verification with a fake person, and the records FACEKI would then answer at
// GET /kycverify/api/kycverify/records, in the shape its docs show ("Fetch Records", "Verification Data").

const crypto = require('node:crypto');

/** The outcomes a KYC result webhook documents. */
const VERIFICATION_STATUSES = ['ACCEPTED', 'DECLINED', 'REVIEW'];
const DEFAULT_FULL_NAME = 'Jane Sandbox';
const MAX_FULL_NAME_LENGTH = 200;

/** Why `input` is not a completion, or null. `input`: { status, fullName? }. */
function completionProblem(input) {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return 'expected a JSON object';
  if (!VERIFICATION_STATUSES.includes(input.status)) return `status must be one of ${VERIFICATION_STATUSES.join(', ')}`;
  const { fullName } = input;
  if (fullName !== undefined && (typeof fullName !== 'string' || fullName.trim() === '')) {
    return 'fullName must be a non-empty string';
  }
  if (fullName !== undefined && fullName.length > MAX_FULL_NAME_LENGTH) {
    return `fullName must be at most ${MAX_FULL_NAME_LENGTH} characters`;
  }
  return null;
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

/** The documented KYC result webhook body: `kycData` is the record (without the sandbox's `status`). */
function resultWebhookBody(record) {
  const { status, ...kycData } = record;
  return { requestId: record.requestId, fullName: record.document_data[0].full_name, status, kycData };
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
  const problem = completionProblem(input);
  if (problem) return { error: { status: 400, message: problem } };
  const record = buildRecord(link, input);
  state.records.push(record);
  state.webhooks.send('verification.completed', resultWebhookBody(record));
  return { record };
}

module.exports = { VERIFICATION_STATUSES, completeLink, findRecords };
