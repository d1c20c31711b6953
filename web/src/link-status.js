// A link's verification status as the page shows it, read from its FACEKI records with the package's
// own rule for "settled" (settledRecord, the one waitForVerification ends on): never re-written here.

import { settledRecord } from 'faceki-kyc-link';

export const LABELS = {
  pending: 'Pending',
  review: 'In review',
  accepted: 'Accepted',
  declined: 'Declined',
  submitted: 'Submitted',
};

const STATE_OF = { ACCEPTED: 'accepted', DECLINED: 'declined', REVIEW: 'review', UNKNOWN: 'submitted' };

/**
 * @param {import('faceki-kyc-link').VerificationRecord[]} records
 * @returns {{ state: keyof LABELS, final: boolean, verificationStatus: string, fullName: string | null,
 *             requestId: string | null }} verificationStatus in the CLI's bulk-status words (PENDING: no record)
 */
export function statusOf(records) {
  const settled = settledRecord(records);
  // Not settled: nothing submitted yet, or only REVIEW records (a decision is still to come).
  const record = settled ?? records.find((candidate) => candidate.status === 'REVIEW');
  return {
    state: record ? STATE_OF[record.status] : 'pending',
    final: settled !== undefined,
    verificationStatus: record?.status ?? 'PENDING',
    fullName: record?.fullName ?? null,
    requestId: record?.requestId ?? null,
  };
}

/** The status of a link just made: nothing can have been submitted through it yet. */
export const NEW_LINK_STATUS = statusOf([]);

/** How many of `linkIds` are in each state, by what `book` knows; `unchecked` and `failed` too. */
export function countStates(linkIds, book) {
  const counts = { pending: 0, review: 0, accepted: 0, declined: 0, submitted: 0, unchecked: 0, failed: 0 };
  for (const linkId of linkIds) {
    const entry = book.get(linkId);
    if (entry?.error) counts.failed++;
    else if (entry?.status) counts[entry.status.state]++;
    else counts.unchecked++;
  }
  return counts;
}
