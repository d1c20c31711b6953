// Store keys are SHA-256 hashes (WebCrypto, in every runtime the package runs in): an applicationId
// is often an e-mail address or a user id, and a client ID names an account, so neither is written
// into a key in the clear. The store adds its own prefix (createRedisStores' keyPrefix).

async function sha256Hex(parts) {
  const bytes = new TextEncoder().encode(JSON.stringify(parts));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The shared token of one FACEKI account at one base URL. */
export async function tokenKey(baseUrl, clientId) {
  return `token:${await sha256Hex([baseUrl, clientId])}`;
}

/** The link of one person: (workflowId, applicationId, redirectUrl) at one base URL. */
export async function linkKey(baseUrl, workflowId, applicationId, redirectUrl) {
  return `link:${await sha256Hex([baseUrl, workflowId, applicationId, redirectUrl ?? null])}`;
}

export const lockKeyOf = (key) => `${key}:lock`;
