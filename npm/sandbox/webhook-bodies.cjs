'use strict';
// The bodies of the sandbox's webhooks, all in this one file. FACEKI's portal sends three kinds (see
// shared faceki-api.md, section 4), but documents the fields of only one:
// - the KYC result ("EKYC Webhook Structure"): { requestId, fullName, status, kycData }, documented;
// - the portal status update: documented only as "APPROVED/..., with who changed it". The field names
//   below (requestId, fullName, status, updatedBy) are the sandbox's choice;
// - the AML monitoring update: documented by name only. Its fields (requestId, fullName, amlStatus)
//   and AML_STATUSES are the sandbox's choice.
// Each body is shaped as the package's parseWebhook (src/core/webhook.cpp) tells the kinds apart: an
// object `kycData` makes a result; a top-level key starting with "aml" an AML update; a `requestId`
// and a `status` without kycData a status update. tests/js/results-sandbox.test.mjs parses every
// body built here with parseWebhook and checks it reads as the kind named here.

/** The kinds, named as parseWebhook names them; sandbox.webhookDeliveries[].kind is one of these. */
const WEBHOOK_KINDS = Object.freeze({
  completed: 'verification.completed',
  statusUpdated: 'verification.status_updated',
  amlUpdated: 'aml.updated',
});

/**
 * The portal's word for each status a record can be changed to. APPROVED is the portal's documented
 * word (parseWebhook reads it as ACCEPTED); DECLINED and REVIEW are a guess: the result's own words.
 */
const PORTAL_STATUS_WORDS = Object.freeze({ ACCEPTED: 'APPROVED', DECLINED: 'DECLINED', REVIEW: 'REVIEW' });

/** What an AML monitoring update can say in the sandbox (FACEKI documents no values). */
const AML_STATUSES = Object.freeze(['CLEAR', 'POTENTIAL_MATCH', 'MATCH']);

const DEFAULT_UPDATED_BY = 'sandbox-operator';

const fullNameOf = (record) => record.document_data[0].full_name;

/** The documented KYC result body: `kycData` is the record (without the sandbox's `status`). */
function resultWebhookBody(record) {
  const { status, ...kycData } = record;
  return { requestId: record.requestId, fullName: fullNameOf(record), status, kycData };
}

/** A portal status update: the record's new status, in the portal's word, and who changed it. */
function statusUpdateBody(record, updatedBy = DEFAULT_UPDATED_BY) {
  return {
    requestId: record.requestId,
    fullName: fullNameOf(record),
    status: PORTAL_STATUS_WORDS[record.status],
    updatedBy,
  };
}

/** An AML monitoring update for the person of `record`. No `status`: it is not a verification decision. */
function amlUpdateBody(record, amlStatus) {
  return { requestId: record.requestId, fullName: fullNameOf(record), amlStatus };
}

module.exports = {
  AML_STATUSES,
  DEFAULT_UPDATED_BY,
  PORTAL_STATUS_WORDS,
  WEBHOOK_KINDS,
  amlUpdateBody,
  resultWebhookBody,
  statusUpdateBody,
};
