// Every KycError code as a headline and a next step for the person at the desk. The error's own
// message carries the detail; it is secret-free by construction (no token, no link URL).

export const GUIDANCE = {
  INVALID_REQUEST: ['Check the highlighted fields', 'The request breaks a rule FACEKI enforces; nothing was sent.'],
  INVALID_CONFIG: ['The tool is misconfigured', 'Ask whoever runs this admin tool to check its setup.'],
  UNAUTHORIZED: [
    'FACEKI did not accept the credentials',
    'The token from this tool’s backend was refused. Reload the page; if it persists, check the backend’s FACEKI credentials.',
  ],
  API_ERROR: ['FACEKI refused the request', 'See FACEKI’s reason below.'],
  HTTP_ERROR: ['FACEKI answered with an error', 'Try again in a moment.'],
  RATE_LIMITED: ['Too many requests', 'FACEKI asked to slow down. Wait a moment, then try again.'],
  NETWORK_ERROR: ['Could not reach FACEKI', 'Check the network connection, then try again.'],
  TIMEOUT: ['FACEKI took too long to answer', 'Try again; the link may still have been created.'],
  ABORTED: ['Cancelled', 'No link was made.'],
  BAD_RESPONSE: ['FACEKI sent an answer the tool could not read', 'Try again; if it persists, contact FACEKI support.'],
  INTERNAL: [
    'The tool’s WebAssembly module stopped',
    'Try again; the next attempt starts it afresh. If it persists, reload the page.',
  ],
  WEBHOOK_UNAUTHORIZED: [
    'A webhook had the wrong secret header',
    'Check the header and secret set in the FACEKI portal.',
  ],
  WEBHOOK_INVALID: ['A webhook body could not be read', 'It was not a FACEKI event; nothing was recorded.'],
};

// What FACEKI's own reason codes mean for the operator, where the generic line is not enough.
const REASON_HINTS = {
  WORKFLOW_NOT_FOUND: 'Check the workflow ID: FACEKI has no workflow with that ID.',
  INSUFFICIENT_CREDIT: 'The FACEKI wallet needs topping up before more links can be made.',
  LINK_LIMIT_REACHED: 'The account has reached its link limit.',
  KYC_LIMIT_REACHED: 'The account has reached its KYC verification limit.',
};

/**
 * @param {any} error a KycError, or anything else thrown
 * @returns {{ title: string, hint: string, detail: string, facts: string[], retryable: boolean }}
 */
export function describeError(error) {
  const [title, hint] = GUIDANCE[error?.code] ?? [
    'Something went wrong',
    'Try again; if it persists, reload the page.',
  ];
  const facts = [];
  if (error?.code) facts.push(error.code);
  // A FACEKI API error comes with HTTP 200, which tells the reader nothing.
  if (error?.status >= 300) facts.push(`HTTP ${error.status}`);
  if (error?.responseCode !== undefined)
    facts.push(`FACEKI ${error.responseCode}${error.reason ? ` ${error.reason}` : ''}`);
  if (error?.attempts > 1) facts.push(`${error.attempts} attempts`);
  return {
    title,
    hint: REASON_HINTS[error?.reason] ?? hint,
    detail: String(error?.message ?? error),
    facts,
    retryable: Boolean(error?.retryable),
  };
}
