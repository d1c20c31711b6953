// Which of a verification's records settles it: the rule waitForVerification ends on, and the one the
// CLI's `status` and `bulk-status` print (they load it as dist/settled-record.cjs).

/** The statuses a record reports a decision with. */
export const FINAL_STATUSES = Object.freeze(['ACCEPTED', 'DECLINED']);

/**
 * The record the wait ends with, or undefined to keep waiting: the first ACCEPTED or DECLINED record;
 * else, because no decision field is documented on a record, the first UNKNOWN one (FACEKI writes a
 * record when a verification is submitted). REVIEW records keep the wait going.
 */
export function settledRecord(records) {
  return (
    records.find((record) => FINAL_STATUSES.includes(record.status)) ??
    records.find((record) => record.status === 'UNKNOWN')
  );
}
