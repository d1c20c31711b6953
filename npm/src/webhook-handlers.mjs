// Webhook receivers over parseWebhook: one for Node's http (and Express), one for the Fetch API
// (Workers, Deno, Bun, Next.js route handlers). Each answers 200 only once onEvent has resolved; 401,
// 400 or 413 for a delivery refused; 500 when onEvent throws or the handler is misconfigured. No
// exception leaves them and nothing is logged.

import { KycError, invalidConfig } from './kyc-error.mjs';
import { parseWebhookOn, webhookSettings } from './webhook.mjs';

const JSON_TYPE = { 'content-type': 'application/json' };
const PARSED_BODY =
  'faceki-kyc-link: the request body was already parsed (req.body is an object), so the bytes FACEKI sent ' +
  'cannot be checked: mount the webhook handler before express.json(), or give it express.raw({ type: "*/*" })';

function answerOf(status, fields) {
  return { status, body: JSON.stringify({ ok: status === 200, ...fields }) };
}

function refusal(error) {
  if (error instanceof KycError && error.code === 'WEBHOOK_UNAUTHORIZED') return answerOf(401, { code: error.code });
  if (error instanceof KycError && error.code === 'WEBHOOK_INVALID') {
    return answerOf(error.status === 413 ? 413 : 400, { code: error.code });
  }
  return answerOf(500, { code: error instanceof KycError ? error.code : 'INTERNAL' });
}

// What both forms share: the options split, and the module's settings read once per handler.
function receiver(loadModule, options) {
  if (options === null || typeof options !== 'object') throw invalidConfig('webhook handler options must be an object');
  const { onEvent, ...parseOptions } = options;
  if (typeof onEvent !== 'function') throw invalidConfig('onEvent must be a function (event) => void | Promise<void>');
  let ready;
  const setup = () => {
    if (!ready) {
      ready = loadModule().then((module) => ({ module, settings: webhookSettings(module, parseOptions) }));
      ready.catch(() => (ready = undefined)); // a failed load or bad options: tried again next time
    }
    return ready;
  };
  // The whole body read: parsed, handed to onEvent, answered. Resolves to { status, body }.
  async function deliver(module, body, headers) {
    let event;
    try {
      event = parseWebhookOn(module, { body, headers }, parseOptions);
    } catch (error) {
      return refusal(error);
    }
    try {
      await onEvent(event);
    } catch {
      return answerOf(500, { code: 'ON_EVENT_FAILED' });
    }
    return answerOf(200, {});
  }
  // The header alone, before a byte of the body is read: a sender without the secret gets its 401 at once,
  // and the receiver never holds up to maxBodyBytes (or waits for a slow body) on its behalf. Null: go on.
  function headerRefusal(module, headers) {
    try {
      parseWebhookOn(module, { body: '', headers }, parseOptions);
    } catch (error) {
      if (error instanceof KycError && error.code === 'WEBHOOK_UNAUTHORIZED') return refusal(error);
    }
    return null;
  }
  return { setup, deliver, headerRefusal };
}

const tooLarge = () => answerOf(413, { code: 'WEBHOOK_INVALID' });
const misconfigured = (error) => answerOf(500, { code: error instanceof KycError ? error.code : 'INTERNAL' });

// Reads a Node request's body up to maxBytes: the bytes, or null when it is longer (reading stops).
function readNodeBody(req, maxBytes) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let length = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk) => {
      length += chunk.length;
      if (length > maxBytes) {
        cleanup();
        req.pause();
        return resolve(null);
      }
      chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
    };
    const onEnd = () => {
      cleanup();
      const bytes = new Uint8Array(length);
      let at = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, at);
        at += chunk.length;
      }
      resolve(bytes);
    };
    const onError = (error) => {
      cleanup();
      reject(error);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

function isRaw(value) {
  return typeof value === 'string' || value instanceof Uint8Array || value instanceof ArrayBuffer;
}

/** (req, res[, next]) for node:http and Express; never throws. */
export function createWebhookHandler(loadModule, options) {
  const { setup, deliver, headerRefusal } = receiver(loadModule, options);

  async function handle(req) {
    let module, settings;
    try {
      ({ module, settings } = await setup());
    } catch (error) {
      return { answer: misconfigured(error) };
    }
    if (isRaw(req.rawBody)) return { answer: await deliver(module, req.rawBody, req.headers) };
    if (isRaw(req.body)) return { answer: await deliver(module, req.body, req.headers) };
    if (req.body !== undefined && req.body !== null) {
      return { answer: answerOf(500, { code: 'BODY_ALREADY_PARSED', message: PARSED_BODY }) };
    }
    // Read to its end by something else that kept nothing: waiting for it would hang.
    if (req.readableEnded) return { answer: answerOf(500, { code: 'BODY_ALREADY_READ' }) };
    const refused = headerRefusal(module, req.headers);
    if (refused) return { answer: refused, close: true }; // the body is left unread
    const bytes = await readNodeBody(req, settings.maxBodyBytes);
    if (bytes === null) return { answer: tooLarge(), close: true };
    return { answer: await deliver(module, bytes, req.headers) };
  }

  return function faceKiWebhookHandler(req, res) {
    const send = ({ answer, close }) => {
      if (res.headersSent || res.writableEnded) return;
      res.writeHead(answer.status, close ? { ...JSON_TYPE, connection: 'close' } : JSON_TYPE);
      res.end(answer.body);
      // The rest of an oversized or refused body is not read: the connection goes once the answer is out.
      if (close) res.once('finish', () => req.destroy());
    };
    Promise.resolve()
      .then(() => handle(req))
      .catch(() => ({ answer: answerOf(500, { code: 'INTERNAL' }) }))
      .then(send)
      .catch(() => {
        try {
          req.destroy();
        } catch {
          // nothing left to do for this request
        }
      });
  };
}

// Reads a Fetch body up to maxBytes: the bytes, or null when it is longer (the stream is cancelled).
async function readFetchBody(request, maxBytes) {
  const declared = Number(request.headers.get('content-length'));
  if (declared > maxBytes) return null;
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > maxBytes) {
      reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/** (request: Request) => Promise<Response> for the Fetch API; never rejects. */
export function createWebhookFetchHandler(loadModule, options) {
  const { setup, deliver, headerRefusal } = receiver(loadModule, options);
  return async function faceKiWebhookFetchHandler(request) {
    let answer;
    try {
      const { module, settings } = await setup();
      answer = headerRefusal(module, request.headers);
      if (!answer) {
        const bytes = await readFetchBody(request, settings.maxBodyBytes);
        answer = bytes === null ? tooLarge() : await deliver(module, bytes, request.headers);
      }
    } catch (error) {
      answer = misconfigured(error);
    }
    return new Response(answer.body, { status: answer.status, headers: JSON_TYPE });
  };
}
