'use strict';
// Fault objects (what failNext, X-Sandbox-Fault and POST /__sandbox/faults accept): validation,
// the per-route queue, and what a fault turns a response into.

const { HEADER_VALUE_FORBIDDEN, headerProblem } = require('./header-rules.cjs');

const FAULT_ROUTES = ['link', 'token', 'records'];
const FAULT_FIELDS = new Set(['route', 'status', 'retryAfter', 'delayMs', 'reset', 'body', 'responseCode', 'headers']);
const EFFECT_FIELDS = ['status', 'retryAfter', 'delayMs', 'reset', 'body', 'responseCode', 'headers'];
// The longest delay a fault may ask for: long enough for any timeout test, short enough that a
// stray fault cannot hold a connection (and a test run) for hours.
const MAX_DELAY_MS = 60_000;

function invalid(message) {
  throw new TypeError(`invalid sandbox fault: ${message}`);
}

const isPlainObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Checks one fault and returns a copy of it (defaulting `route` to 'link'); throws TypeError. */
function validateFault(fault) {
  if (!isPlainObject(fault)) invalid('a fault must be an object');
  for (const field of Object.keys(fault)) {
    if (!FAULT_FIELDS.has(field)) invalid(`unknown field "${field}"`);
  }
  const copy = { route: 'link', ...fault };
  if (!FAULT_ROUTES.includes(copy.route)) invalid('route must be "link", "token" or "records"');
  if (!EFFECT_FIELDS.some((field) => copy[field] !== undefined)) invalid('the fault has no effect');
  if (copy.status !== undefined && !(Number.isInteger(copy.status) && copy.status >= 200 && copy.status <= 599)) {
    invalid('status must be an integer HTTP status between 200 and 599');
  }
  if (copy.retryAfter !== undefined && !isValidRetryAfter(copy.retryAfter)) {
    invalid('retryAfter must be a non-negative number of seconds or a header string');
  }
  const isDelay = (ms) => Number.isFinite(ms) && ms >= 0 && ms <= MAX_DELAY_MS;
  if (copy.delayMs !== undefined && !isDelay(copy.delayMs)) {
    invalid(`delayMs must be a number of milliseconds from 0 to ${MAX_DELAY_MS}`);
  }
  if (copy.reset !== undefined && copy.reset !== true) invalid('reset must be true when present');
  if (copy.body !== undefined && typeof copy.body !== 'string') invalid('body must be a string');
  if (copy.responseCode !== undefined && !Number.isInteger(copy.responseCode))
    invalid('responseCode must be an integer');
  if (copy.headers !== undefined) {
    validateHeaders(copy.headers);
    copy.headers = { ...copy.headers };
  }
  return copy;
}

function isValidRetryAfter(value) {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0;
  return typeof value === 'string' && value.length > 0 && !HEADER_VALUE_FORBIDDEN.test(value);
}

function validateHeaders(headers) {
  if (!isPlainObject(headers)) invalid('headers must be an object');
  for (const [name, value] of Object.entries(headers)) {
    const problem = headerProblem(name, value);
    if (problem) invalid(problem);
  }
}

/** Validates every fault before queuing any, so a bad batch leaves the queue untouched. */
function createFaultQueue() {
  const queue = [];
  return {
    add(faults) {
      const list = Array.isArray(faults) ? faults : [faults];
      queue.push(...list.map(validateFault));
    },
    /** Removes and returns the oldest fault for `route`, or null. */
    take(route) {
      const index = queue.findIndex((fault) => fault.route === route);
      return index === -1 ? null : queue.splice(index, 1)[0];
    },
    size: () => queue.length,
  };
}

/** Headers a fault adds to whatever answer the request gets. */
function faultHeaders(fault) {
  const headers = { ...fault.headers };
  if (fault.retryAfter !== undefined) headers['Retry-After'] = String(fault.retryAfter);
  return headers;
}

/**
 * The answer a fault replaces the normal one with, or null when the fault only delays or adds
 * headers (the request is then handled normally).
 * @returns {{ status: number, body: string } | null}
 */
function faultAnswer(fault) {
  if (fault.body !== undefined) return { status: fault.status ?? 200, body: fault.body };
  if (fault.responseCode !== undefined) {
    return {
      status: fault.status ?? 200,
      body: JSON.stringify({ responseCode: fault.responseCode, message: 'sandbox fault' }),
    };
  }
  if (fault.status !== undefined) {
    return {
      status: fault.status,
      body: JSON.stringify({ status: false, message: 'sandbox fault', statusCode: fault.status }),
    };
  }
  return null;
}

module.exports = { FAULT_ROUTES, MAX_DELAY_MS, validateFault, createFaultQueue, faultHeaders, faultAnswer };
