// When a link expires, as the client computes it: FACEKI's answer carries no expiry, so it is the
// request's expiryTime (minutes) counted from the answer's arrival. null when no lifetime was asked for
// (FACEKI's default is undocumented). Shared by generateKycLink and the bulk engine.

const MS_PER_MINUTE = 60 * 1000;

/** ISO 8601 time a link made at `now` with `expiryTime` minutes expires; null when expiryTime is absent. */
export function expiresAt(expiryTime, now = Date.now()) {
  return expiryTime === undefined || expiryTime === null
    ? null
    : new Date(now + expiryTime * MS_PER_MINUTE).toISOString();
}
