// The backend half of "no client secret in the browser": it holds the FACEKI client credentials,
// fetches a bearer token server-side and hands only that token to the page. One token is shared by
// every page until shortly before it expires; concurrent callers wait for the same fetch.

const REFRESH_MARGIN_MS = 60_000;

/**
 * @param {{ baseUrl: string, clientId: string, clientSecret: string }} credentials
 * @returns {() => Promise<string>}
 */
export function createTokenBroker({ baseUrl, clientId, clientSecret }) {
  const endpoint = new URL('/auth/api/generate-token', baseUrl);
  let cached = null; // { token, refreshAt }
  let fetching = null;

  async function fetchToken() {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientId, clientSecret }),
    });
    const body = await response.json().catch(() => null);
    const token = body?.data?.access_token;
    if (!response.ok || typeof token !== 'string') {
      // FACEKI's own message only: it never echoes the secret.
      throw new Error(`FACEKI token endpoint answered ${response.status}: ${body?.message ?? 'no token'}`);
    }
    const lifetimeMs = Number(body.data.expires_in) * 1000 || 0;
    cached = { token, refreshAt: Date.now() + Math.max(0, lifetimeMs - REFRESH_MARGIN_MS) };
    return token;
  }

  return async function getToken() {
    if (cached && Date.now() < cached.refreshAt) return cached.token;
    fetching ??= fetchToken().finally(() => {
      fetching = null;
    });
    return fetching;
  };
}
