// Which of a verification's records settles it: the rule waitForVerification ends on, exported as the
// package's settledRecord for pollers of their own (the admin tool, the CLI's status and bulk-status).

const FINAL_STATUSES = ['ACCEPTED', 'DECLINED'];

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
