// The CSRF guard of POST /api/token: GET /api/config gives the page a session cookie (HttpOnly,
// SameSite=Strict) and, in its JSON, a token bound to that session; POST /api/token must carry both.
// Another page can neither read the config (no CORS) nor compute a token (an HMAC under a key that
// lives only in this process), so a session cookie alone, even one planted from another localhost
// port (cookies ignore ports), gets nothing.

import crypto from 'node:crypto';

const COOKIE = 'kyc_admin_session';
const HEADER = 'x-csrf-token';
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

export function createSessionGuard() {
  const key = crypto.randomBytes(32);
  const tokenFor = (sessionId) => crypto.createHmac('sha256', key).update(sessionId).digest('base64url');

  return {
    /** For GET /api/config: the CSRF token to put in the page, and the cookie header to send with it. */
    open(req) {
      const existing = sessionIdOf(req);
      const sessionId = existing ?? crypto.randomBytes(32).toString('base64url');
      const setCookie = existing ? undefined : `${COOKIE}=${sessionId}; Path=/; HttpOnly; SameSite=Strict`;
      return { csrfToken: tokenFor(sessionId), setCookie };
    },
    /** For POST /api/token: whether the request carries a session cookie and that session's token. */
    verify(req) {
      const sessionId = sessionIdOf(req);
      const sent = req.headers[HEADER];
      if (sessionId === undefined || typeof sent !== 'string') return false;
      const expected = Buffer.from(tokenFor(sessionId));
      const actual = Buffer.from(sent);
      return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
    },
  };
}

function sessionIdOf(req) {
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const [name, value] = pair.trim().split('=');
    if (name === COOKIE && SESSION_ID.test(value ?? '')) return value;
  }
  return undefined;
}
