'use strict';
// What `status` and `bulk-status` share: the client's getVerifications (guarded, for a build without
// it), and which of a link's records decides its status.

const { UsageError } = require('./usage-error.cjs');

const FINAL_STATUSES = new Set(['ACCEPTED', 'DECLINED']);

/** The client's getVerifications, bound; a UsageError in a build that has none. */
function verificationsOf(client, command) {
  if (typeof client.getVerifications !== 'function') {
    throw new UsageError(`${command} is not available in this build (the package has no client.getVerifications)`);
  }
  return (query, options) => client.getVerifications(query, options);
}

/**
 * The record that decides a link's status, and whether it is final. The rule is waitForVerification's:
 * the first ACCEPTED or DECLINED record; else the first UNKNOWN one (a record whose status the documented
 * fields do not tell, which FACEKI writes when a verification is submitted); else the link is pending
 * (no record yet, or REVIEW only), shown with its latest record if any.
 * @returns {{ final: boolean, record: object | null }}
 */
function decidingRecord(records) {
  const final = records.find((record) => FINAL_STATUSES.has(record.status));
  if (final) return { final: true, record: final };
  const unknown = records.find((record) => record.status === 'UNKNOWN');
  if (unknown) return { final: true, record: unknown };
  return { final: false, record: records.at(-1) ?? null };
}

module.exports = { verificationsOf, decidingRecord, FINAL_STATUSES };
