// A complete backend endpoint with node:http and nothing else: POST /kyc-links creates a KYC link for
// the signed-in user and answers { linkId, url }. FACEKI failures become HTTP statuses the page can act
// on; the answer never carries a secret, a raw error or FACEKI's own wording (only a code and a fixed text).
//
// Run it against the local sandbox:
//   npx faceki-kyc-link sandbox            # prints its URL
//   FACEKI_BASE_URL=<that URL> FACEKI_CLIENT_ID=sandbox-client FACEKI_CLIENT_SECRET=sandbox-secret \
//   FACEKI_WORKFLOW_ID=sandbox-workflow node kyc-backend.mjs
//   curl -X POST -H 'x-demo-user: user-42' http://127.0.0.1:3000/kyc-links

import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';

import { createKycClient, KycError } from 'faceki-kyc-link';

/** HTTP status for each KycError code, and what the caller is told. */
export const ANSWER_FOR_CODE = {
  INVALID_REQUEST: [400, 'the request for a link is not valid'],
  INVALID_CONFIG: [500, 'the server is misconfigured'],
  UNAUTHORIZED: [502, 'the identity provider refused our credentials'], // ours are wrong, not the caller's
  API_ERROR: [502, 'the identity provider refused the request'],
  HTTP_ERROR: [502, 'the identity provider answered with an error'],
  BAD_RESPONSE: [502, 'the identity provider sent an unreadable answer'],
  NETWORK_ERROR: [502, 'the identity provider could not be reached'],
  RATE_LIMITED: [503, 'too many requests; try again later'], // with Retry-After
  TIMEOUT: [504, 'the identity provider did not answer in time; a link may have been made'],
  ABORTED: [503, 'the request was cancelled'],
  INTERNAL: [500, 'internal error'],
};
const UNEXPECTED = [500, 'internal error'];
const DEFAULT_RETRY_AFTER_SECONDS = 30;

function answer(response, status, body, headers = {}) {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  response.end(JSON.stringify(body));
}

/**
 * @param {{ kyc: import('faceki-kyc-link').KycClient, workflowId: string,
 *           userOf: (request: import('node:http').IncomingMessage) => string | undefined,
 *           log?: (line: string) => void }} options
 *   userOf: your session check, the signed-in user's id or undefined.
 *   log: where failures are written (code and message only: a KycError's message never holds a secret).
 */
export function createKycBackend({ kyc, workflowId, userOf, log = console.error }) {
  return createServer(async (request, response) => {
    if (request.url !== '/kyc-links') return answer(response, 404, { error: 'NOT_FOUND' });
    if (request.method !== 'POST') return answer(response, 405, { error: 'METHOD_NOT_ALLOWED' }, { allow: 'POST' });
    request.resume(); // no body is read: the user comes from the session, the rest from our configuration
    const userId = userOf(request);
    if (userId === undefined) return answer(response, 401, { error: 'NOT_SIGNED_IN' });

    // A caller that goes away cancels the FACEKI call (it rejects with ABORTED).
    const gone = new AbortController();
    response.on('close', () => gone.abort());
    try {
      const { linkId, url } = await kyc.generateKycLink(
        { workflowId, applicationId: userId, expiryTime: 60 * 24 },
        { signal: gone.signal },
      );
      answer(response, 201, { linkId, url }); // the url is the user's own link: never log it
    } catch (error) {
      const known = error instanceof KycError;
      log(known ? `kyc link for a user failed: ${error.code}: ${error.message}` : 'kyc link failed: unexpected error');
      const [status, message] = (known && ANSWER_FOR_CODE[error.code]) || UNEXPECTED;
      const headers = {};
      if (known && error.code === 'RATE_LIMITED') {
        headers['retry-after'] = String(Math.ceil((error.retryAfterMs ?? DEFAULT_RETRY_AFTER_SECONDS * 1000) / 1000));
      }
      answer(response, status, { error: known ? error.code : 'INTERNAL', message }, headers);
    }
  });
}

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

// Run directly: a demo session that trusts an x-demo-user header. Replace userOf with your own session check.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const kyc = await createKycClient({
    baseUrl: process.env.FACEKI_BASE_URL, // undefined: FACEKI itself
    clientId: required('FACEKI_CLIENT_ID'),
    clientSecret: required('FACEKI_CLIENT_SECRET'),
  });
  const server = createKycBackend({
    kyc,
    workflowId: required('FACEKI_WORKFLOW_ID'),
    userOf: (request) => request.headers['x-demo-user'] || undefined,
  });
  server.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
    console.log(`POST http://127.0.0.1:${server.address().port}/kyc-links`);
  });
}
