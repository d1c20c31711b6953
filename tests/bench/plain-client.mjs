// The baselines: what a careful team would write by hand, over Node's built-in fetch or over undici's
// Pool (the fastest well-kept Node HTTP client). Same rules as the
// package's C++ core (src/core: request.cpp, input_rules.cpp, text.cpp, url.cpp, response.cpp,
// retry.cpp), the same wire JSON and headers, retries with backoff, a per-attempt timeout. It skips
// only the package's "did you mean" suggestions, which cost nothing on a valid request.

const LINK_PATH = '/kycverify/api/kycverify/kyc-verify-link';
const KNOWN_KEYS = new Set(['workflowId', 'applicationId', 'expiryTime', 'redirectUrl', 'redirect_url']);
const MAX_ID_LENGTH = 128;
const MAX_EXPIRY_MINUTES = 525600;
const MAX_URL_LENGTH = 2048;
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

// C0, DEL, C1 (text.cpp isControl); whitespace as text.cpp isWhitespace.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const WHITESPACE = '\\u0009-\\u000d\\u0020\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';
const BLANK = new RegExp(`^[${WHITESPACE}]*$`);
const SURROUNDING_SPACE = new RegExp(`^[${WHITESPACE}]|[${WHITESPACE}]$`);
const SPACE_OR_CONTROL = new RegExp(`[${WHITESPACE}\\u0000-\\u001f\\u007f-\\u009f]`);
const ABSOLUTE_URL = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)/;
const HOST_NAME = /^[A-Za-z0-9._~-]+$/;
const IPV6_LITERAL = /^\[[0-9A-Fa-f:.]+\]$/;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export class PlainKycError extends Error {
  constructor(code, message, extra = {}) {
    super(message);
    this.name = 'PlainKycError';
    this.code = code;
    Object.assign(this, extra);
  }
}

function codePoints(text) {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

function checkText(field, value, issues, maxLength) {
  if (typeof value !== 'string')
    return issues.push({ field, message: `${field} must be a string, got ${typeName(value)}` });
  if (BLANK.test(value)) return issues.push({ field, message: `${field} must not be empty or only whitespace` });
  if (!value.isWellFormed())
    return issues.push({ field, message: `${field} is not valid Unicode text (a lone surrogate?)` });
  if (CONTROL.test(value)) return issues.push({ field, message: `${field} contains a control character` });
  if (maxLength !== undefined && value.length > maxLength && codePoints(value) > maxLength) {
    return issues.push({ field, message: `${field} must be at most ${maxLength} characters` });
  }
  return true;
}

function checkIdentifier(field, value, issues) {
  if (checkText(field, value, issues, MAX_ID_LENGTH) !== true) return;
  if (SURROUNDING_SPACE.test(value)) issues.push({ field, message: `${field} must not start or end with whitespace` });
}

function redirectUrlProblem(url) {
  if (url.length > MAX_URL_LENGTH && codePoints(url) > MAX_URL_LENGTH)
    return `must be at most ${MAX_URL_LENGTH} characters`;
  if (SPACE_OR_CONTROL.test(url)) return 'must not contain whitespace or control characters';
  const match = ABSOLUTE_URL.exec(url);
  if (!match) return 'must be an absolute URL such as https://example.com/path';
  const scheme = match[1].toLowerCase();
  if (scheme !== 'https' && scheme !== 'http')
    return 'must use https (http is allowed only for localhost, 127.0.0.1 and [::1])';
  const authority = match[2];
  if (authority.includes('@')) return 'must not contain a user name or password';
  let host = authority;
  let port;
  const colon = authority.lastIndexOf(':');
  const bracketEnd = authority.indexOf(']');
  if (colon >= 0 && (authority[0] !== '[' || (bracketEnd >= 0 && colon > bracketEnd))) {
    host = authority.slice(0, colon);
    port = authority.slice(colon + 1);
  }
  if (!host) return 'must include a host';
  if (!(host[0] === '[' ? IPV6_LITERAL : HOST_NAME).test(host)) return 'has an invalid host';
  if (port !== undefined && !(/^\d{1,5}$/.test(port) && +port >= 1 && +port <= 65535)) return 'has an invalid port';
  if (scheme === 'http' && !LOOPBACK.has(host.toLowerCase())) {
    return 'must use https (http is allowed only for localhost, 127.0.0.1 and [::1])';
  }
  return null;
}

function checkRedirectUrl(field, value, issues) {
  if (checkText(field, value, issues) !== true) return;
  const problem = redirectUrlProblem(value);
  if (problem) issues.push({ field, message: `${field} ${problem}` });
}

function typeName(value) {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

const given = (value) => value !== undefined && value !== null;

/** [] or [{ field, message }] */
export function validateRequest(request) {
  const issues = [];
  const proto = request !== null && typeof request === 'object' ? Object.getPrototypeOf(request) : undefined;
  if (proto !== Object.prototype && proto !== null) {
    return [{ field: 'request', message: `request must be a plain object, got ${typeName(request)}` }];
  }
  const { workflowId, applicationId, expiryTime, redirectUrl, redirect_url: redirectUrlSnake } = request;
  if (given(workflowId)) checkIdentifier('workflowId', workflowId, issues);
  else issues.push({ field: 'workflowId', message: 'workflowId is required' });
  if (given(applicationId)) checkIdentifier('applicationId', applicationId, issues);
  if (given(expiryTime) && !(Number.isInteger(expiryTime) && expiryTime >= 1 && expiryTime <= MAX_EXPIRY_MINUTES)) {
    issues.push({
      field: 'expiryTime',
      message: `expiryTime must be an integer number of minutes between 1 and ${MAX_EXPIRY_MINUTES}`,
    });
  }
  if (given(redirectUrl) && given(redirectUrlSnake)) {
    issues.push({ field: 'redirectUrl', message: 'pass either redirectUrl or redirect_url, not both' });
  }
  if (given(redirectUrl)) checkRedirectUrl('redirectUrl', redirectUrl, issues);
  if (given(redirectUrlSnake)) checkRedirectUrl('redirect_url', redirectUrlSnake, issues);
  for (const key of Object.keys(request)) {
    if (!KNOWN_KEYS.has(key)) issues.push({ field: key, message: `unknown field "${key}"` });
  }
  return issues;
}

function toWireJson(request) {
  const wire = { workflowId: request.workflowId };
  if (given(request.applicationId)) wire.applicationId = request.applicationId;
  if (given(request.expiryTime)) wire.expiryTime = request.expiryTime;
  const redirect = request.redirectUrl ?? request.redirect_url;
  if (given(redirect)) wire.redirect_url = redirect;
  return JSON.stringify(wire);
}

function parseRetryAfterMs(value) {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

// One attempt's outcome: a link, or an error with `retryable`.
async function classify(response) {
  const retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'));
  const text = await response.text();
  const { status } = response;
  if (status === 401) return new PlainKycError('UNAUTHORIZED', `FACEKI answered HTTP ${status}`, { status });
  if (status === 429)
    return new PlainKycError('RATE_LIMITED', 'FACEKI answered HTTP 429', { status, retryable: true, retryAfterMs });
  if (status < 200 || status > 299) {
    return new PlainKycError('HTTP_ERROR', `FACEKI answered HTTP ${status}`, {
      status,
      retryable: RETRYABLE_STATUSES.has(status),
      retryAfterMs,
    });
  }
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    return new PlainKycError('BAD_RESPONSE', `FACEKI answered HTTP ${status} but the body is not JSON`, { status });
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body) || !Number.isInteger(body.responseCode)) {
    return new PlainKycError('BAD_RESPONSE', `FACEKI answered HTTP ${status} but the body has no responseCode`, {
      status,
    });
  }
  if (body.responseCode !== 0) {
    return new PlainKycError('API_ERROR', `FACEKI refused the request: responseCode ${body.responseCode}`, {
      status,
      responseCode: body.responseCode,
    });
  }
  if (typeof body.data !== 'string' || body.data === '' || typeof body.url !== 'string') {
    return new PlainKycError('BAD_RESPONSE', `FACEKI answered HTTP ${status} but the body has no link`, { status });
  }
  return { linkId: body.data, url: body.url };
}

// Sends one POST and answers what classify() reads: { status, headers: { get }, text() }.
async function senderFor(transport, url) {
  if (transport === 'fetch') return (init) => fetch(url, init);
  const { Pool } = await import('undici');
  const { origin, pathname } = new URL(url);
  const pool = new Pool(origin);
  return async ({ method, headers, body, signal }) => {
    const answer = await pool.request({ path: pathname, method, headers, body, signal });
    return {
      status: answer.statusCode,
      headers: { get: (name) => answer.headers[name] ?? null },
      text: () => answer.body.text(),
    };
  };
}

/** await createPlainClient({ baseUrl, token, timeoutMs = 30000, maxRetries = 2, transport: 'fetch' | 'undici' }) */
export async function createPlainClient({ baseUrl, token, timeoutMs = 30000, maxRetries = 2, transport = 'fetch' }) {
  const url = `${baseUrl.replace(/\/+$/, '')}${LINK_PATH}`;
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json' };
  const send = await senderFor(transport, url);

  async function attempt(body) {
    try {
      const response = await send({ method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
      return await classify(response);
    } catch (error) {
      if (error?.name === 'TimeoutError')
        return new PlainKycError('TIMEOUT', `FACEKI did not answer within ${timeoutMs} ms`);
      return new PlainKycError('NETWORK_ERROR', 'could not reach FACEKI', { retryable: true, cause: error });
    }
  }

  return {
    async generateKycLink(request) {
      const issues = validateRequest(request);
      if (issues.length > 0)
        throw new PlainKycError('INVALID_REQUEST', issues.map((i) => i.message).join('; '), { issues });
      const body = toWireJson(request);
      for (let retry = 0; ; retry++) {
        const outcome = await attempt(body);
        if (!(outcome instanceof PlainKycError)) return outcome;
        if (!outcome.retryable || retry >= maxRetries || outcome.retryAfterMs > 60_000) throw outcome;
        const step = Math.min(5000, 500 * 2 ** retry);
        await new Promise((resolve) =>
          setTimeout(resolve, outcome.retryAfterMs ?? step / 2 + (Math.random() * step) / 2),
        );
      }
    },
  };
}
