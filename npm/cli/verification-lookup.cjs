'use strict';
// What `status` and `bulk-status` share: which of a link's records decides its status.

// waitForVerification's own rule, the package's settledRecord.
const { settledRecord } = require('../dist/index.cjs');

/**
 * The record that decides a link's status, and whether it is final: the record waitForVerification
 * would end with (settledRecord); else the link is pending (no record yet, or REVIEW only), shown with
 * its latest record if any.
 * @returns {{ final: boolean, record: object | null }}
 */
function decidingRecord(records) {
  const settled = settledRecord(records);
  if (settled) return { final: true, record: settled };
  return { final: false, record: records.at(-1) ?? null };
}

module.exports = { decidingRecord };
