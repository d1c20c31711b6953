'use strict';
// What `status` and `bulk-status` share: which of a link's records decides its status.

const FINAL_STATUSES = new Set(['ACCEPTED', 'DECLINED']);

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

module.exports = { decidingRecord, FINAL_STATUSES };
