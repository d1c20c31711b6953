// The page's own backend (web/server.mjs, or yours): where FACEKI is, and bearer tokens for it.
// No FACEKI client secret ever reaches the browser. The config answer opens a session (an HttpOnly,
// SameSite=Strict cookie) and carries that session's CSRF token, which every token request sends back.

let csrfToken = '';

export async function loadConfig() {
  const response = await fetch('/api/config', { cache: 'no-store' });
  if (!response.ok) throw new Error(`the backend answered ${response.status} for its configuration`);
  const config = await response.json();
  csrfToken = config.csrfToken ?? '';
  return config;
}

/** The client's getToken: it caches the JWT until shortly before `exp` and asks again after. */
export async function getToken() {
  const response = await fetch('/api/token', {
    method: 'POST',
    cache: 'no-store',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
    body: '{}',
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || typeof body.token !== 'string') {
    throw new Error(body.error ?? `the backend answered ${response.status} for a token`);
  }
  return body.token;
}
