// The page's own backend (web/server.mjs, or yours): where FACEKI is, and bearer tokens for it.
// No FACEKI client secret ever reaches the browser.

export async function loadConfig() {
  const response = await fetch('/api/config', { cache: 'no-store' });
  if (!response.ok) throw new Error(`the backend answered ${response.status} for its configuration`);
  return response.json();
}

/** The client's getToken: it caches the JWT until shortly before `exp` and asks again after. */
export async function getToken() {
  const response = await fetch('/api/token', { method: 'POST', cache: 'no-store' });
  const body = await response.json().catch(() => ({}));
  if (!response.ok || typeof body.token !== 'string') {
    throw new Error(body.error ?? `the backend answered ${response.status} for a token`);
  }
  return body.token;
}
