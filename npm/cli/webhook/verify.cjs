'use strict';
// A stand-in for the package's parseWebhook until it lands: checks the configured header against the
// secret in constant time and parses the body into the same event shape. FACEKI's webhooks carry no
// signature and no timestamp; a fixed header is all there is to check.

const crypto = require('node:crypto');

const COMPLETION_STATUSES = new Set(['ACCEPTED', 'DECLINED', 'REVIEW']);

class WebhookError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'WebhookError';
    this.code = code;
  }
}

// Equal-length digests, so neither the comparison's time nor its early exit tells anything about the secret.
const digest = (text) => crypto.createHash('sha256').update(text, 'utf8').digest();

function headerMatches(value, secret) {
  if (typeof value !== 'string') return false;
  return crypto.timingSafeEqual(digest(value), digest(secret));
}

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const textOrNull = (value) => (typeof value === 'string' ? value : null);

/**
 * @param {string} body the raw body
 * @param {Record<string, string | string[]>} headers lower-cased names (as node:http gives them)
 * @param {{ header: string, secret: string }} options
 * @returns {{ type: string, requestId: string | null, status: string | null, fullName: string | null,
 *             linkId?: string, applicationId?: string, data: object }}
 * @throws {WebhookError} WEBHOOK_UNAUTHORIZED, WEBHOOK_INVALID
 */
function verifyWebhook(body, headers, { header, secret }) {
  if (!headerMatches(headers[header.toLowerCase()], secret)) {
    throw new WebhookError('WEBHOOK_UNAUTHORIZED', `missing or wrong ${header} header`);
  }
  let data;
  try {
    data = JSON.parse(body);
  } catch {
    throw new WebhookError('WEBHOOK_INVALID', 'the body is not JSON');
  }
  if (!isObject(data)) throw new WebhookError('WEBHOOK_INVALID', 'the body is not a JSON object');
  const completed = COMPLETION_STATUSES.has(data.status) && isObject(data.kycData);
  const event = {
    type: completed ? 'verification.completed' : 'unknown',
    requestId: textOrNull(data.requestId),
    status: textOrNull(data.status),
    fullName: textOrNull(data.fullName),
    data,
  };
  if (completed && typeof data.kycData.link === 'string') event.linkId = data.kycData.link;
  if (completed && typeof data.kycData.record_identifier === 'string' && data.kycData.record_identifier !== '') {
    event.applicationId = data.kycData.record_identifier;
  }
  return event;
}

module.exports = { verifyWebhook, WebhookError };
