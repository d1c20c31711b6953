// The one request every client in the benchmark sends, and the exact bytes it puts on the wire.

export const LINK_PATH = '/kycverify/api/kycverify/kyc-verify-link';
export const TOKEN_PATHS = ['/auth/api/generate-token', '/auth/api/access-token'];
export const BENCH_TOKEN = 'bench-token';
export const BENCH_WORKFLOW = 'bench-workflow';

export const BENCH_REQUEST = Object.freeze({
  workflowId: BENCH_WORKFLOW,
  applicationId: 'customer-0042',
  expiryTime: 1440,
  redirectUrl: 'https://example.com/kyc/done',
});

// What our client and the plain-JS client send for BENCH_REQUEST (checked by run.mjs before measuring).
export const BENCH_WIRE_BODY = JSON.stringify({
  workflowId: BENCH_REQUEST.workflowId,
  applicationId: BENCH_REQUEST.applicationId,
  expiryTime: BENCH_REQUEST.expiryTime,
  redirect_url: BENCH_REQUEST.redirectUrl,
});

export const BENCH_HEADERS = {
  Authorization: `Bearer ${BENCH_TOKEN}`,
  'Content-Type': 'application/json',
  Accept: 'application/json',
};
