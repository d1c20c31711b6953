'use strict';
// One request from arrival to answer: route it, log it, apply any fault, then run its handler.

const { readBody, createResponder, errorBody } = require('./http-io.cjs');
const { matchRoute, isDisabledPath } = require('./routes/index.cjs');
const { createLogEntry, recordBody } = require('./request-log.cjs');
const { FAULT_ROUTES, validateFault, faultHeaders, faultAnswer } = require('./faults.cjs');
const { hostAllowed } = require('./host-names.cjs');

const FAULTABLE_ROUTES = new Set(FAULT_ROUTES);

async function handleRequest(state, req, res) {
  // DNS rebinding: a hostile page under a name of its own that resolves here gets nothing, not even a
  // line in the request log (which holds what clients sent).
  if (state.hosts && !hostAllowed(req, state.hosts)) {
    return createResponder(res, { corsOrigin: null, onStatus() {} }).json(
      421,
      errorBody(421, 'unexpected Host header'),
    );
  }
  const url = new URL(req.url, 'http://sandbox.invalid');
  const matched = matchRoute(state.routes, url.pathname);
  const routeName = matched ? matched.route.name : 'other';
  // Every /__sandbox/ path, known or not, is the sandbox's own: never logged, never cross-site.
  const isControl = url.pathname.startsWith('/__sandbox/');

  const entry = isControl ? null : createLogEntry(req, routeName, state.redactor);
  if (entry) state.requests.push(entry);
  const { origin } = req.headers;
  const reply = createResponder(res, {
    corsOrigin: state.origins.mayReadCrossOrigin(origin) ? origin : null,
    onStatus: (status) => {
      if (entry) entry.status = status;
    },
  });

  if (isControl) {
    const refusal = controlRefusal(state, req);
    if (refusal) return reply.json(refusal.status, errorBody(refusal.status, refusal.message));
  }
  if (req.method === 'OPTIONS' && state.origins.mayReadCrossOrigin(origin)) return reply.preflight();
  // stats() counts the token and link routes; records requests are in the log (route 'records').
  const counter = `${routeName}Requests`;
  if (entry && Object.hasOwn(state.counters, counter)) state.counters[counter] += 1;

  let body;
  try {
    body = await readBody(req);
  } catch {
    return; // the client went away; there is no one to answer
  }
  if (body.tooLarge) return reply.json(413, errorBody(413, 'request body too large'));
  if (entry) recordBody(entry, body.text, state.redactor);

  if (!isControl) {
    const fault = takeFault(state, req, routeName, reply);
    if (fault === undefined) return; // an invalid X-Sandbox-Fault header, already answered 400
    if (fault) {
      entry.fault = fault;
      const carryOn = await applyFault(state, fault, req, res, reply);
      if (!carryOn) return;
    }
  }

  if (!matched && isDisabledPath(state.routes, url.pathname)) {
    return reply.text(404, `Cannot ${req.method} ${url.pathname}`);
  }
  if (!matched) return reply.json(404, errorBody(404, 'not found'));
  const { route, params } = matched;
  if (!route.methods.includes(req.method)) {
    return reply.json(405, errorBody(405, 'method not allowed'), { allow: route.methods.join(', ') });
  }
  route.handle({ state, req, url, body: body.text, params, reply, entry });
}

/**
 * Why a control request is refused, or null: a browser page from an origin the sandbox was not told
 * about gets nothing, and writes must be JSON (a cross-site form can send text/plain without asking).
 */
function controlRefusal(state, req) {
  if (!state.origins.mayControl(req.headers.origin)) {
    return { status: 403, message: 'cross-origin access to the sandbox controls is refused' };
  }
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (req.method === 'POST' && mediaType !== 'application/json') {
    return { status: 415, message: 'control requests must be application/json' };
  }
  return null;
}

/**
 * The fault for this request: from its own X-Sandbox-Fault header (any route; its `route` field is
 * ignored), else the oldest queued fault for its route. Returns null for none, undefined after
 * answering 400 to an invalid header.
 */
function takeFault(state, req, routeName, reply) {
  const header = req.headers['x-sandbox-fault'];
  if (header !== undefined) {
    try {
      return validateFault(JSON.parse(header));
    } catch (error) {
      const reason = error instanceof TypeError ? error.message : 'not valid JSON';
      reply.json(400, errorBody(400, `invalid X-Sandbox-Fault header: ${reason}`));
      return undefined;
    }
  }
  return FAULTABLE_ROUTES.has(routeName) ? state.faultQueue.take(routeName) : null;
}

/** @returns {Promise<boolean>} whether the request should still be handled normally */
async function applyFault(state, fault, _req, res, reply) {
  if (fault.delayMs) {
    const clientStayed = await waitWhileConnected(state, fault.delayMs, res);
    if (!clientStayed) return false;
  }
  if (fault.reset) {
    res.socket?.destroy();
    return false;
  }
  reply.addHeaders(faultHeaders(fault));
  const answer = faultAnswer(fault);
  if (!answer) return true;
  reply.raw(answer.status, answer.body);
  return false;
}

/**
 * Waits `ms`, cut short if the client disconnects. Timers live in `state.delayTimers` so close()
 * can clear them and the process is not held open by a pending delay.
 * @returns {Promise<boolean>} false when the client went away
 */
function waitWhileConnected(state, ms, res) {
  return new Promise((resolve) => {
    const finish = (clientStayed) => {
      clearTimeout(timer);
      state.delayTimers.delete(timer);
      res.off('close', onClose);
      resolve(clientStayed);
    };
    const onClose = () => finish(false);
    const timer = setTimeout(() => finish(true), ms);
    state.delayTimers.add(timer);
    res.on('close', onClose);
  });
}

module.exports = { handleRequest };
