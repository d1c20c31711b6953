// parseWebhook(): a FACEKI webhook checked and read. The header comparison (constant time), the body cap
// and the body's shape are the C++ core's (src/core/webhook.*); this file only gets the bytes and the
// header's value to it, in any runtime (no node:crypto, no Buffer needed).

import { KycError, describeThrown, toKycError } from './kyc-error.mjs';
import { intoModule } from './kyc-client.mjs';
import { snapshot } from './snapshot.mjs';

function invalidInput(message) {
  return new KycError({ code: 'INVALID_REQUEST', message: `parseWebhook: ${message}` });
}

/**
 * The body as a string or a plain Uint8Array of the caller's bytes, cut to maxBytes + 1 so that an
 * oversized one is refused (413) by the core without being copied into wasm memory, which never shrinks
 * (and whose exhaustion would stop the module for every client). Views are rebuilt as plain Uint8Arrays,
 * so no getter of the caller's (a subclass, a Proxy) runs while the bytes are copied in. Throws KycError
 * for anything else, parsed bodies included.
 */
export function rawBody(body, maxBytes) {
  let bytes;
  try {
    if (typeof body === 'string') return body.length > maxBytes ? body.slice(0, maxBytes + 1) : body;
    if (ArrayBuffer.isView(body)) bytes = new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
    else if (body instanceof ArrayBuffer) bytes = new Uint8Array(body);
  } catch (error) {
    throw invalidInput(`the body could not be read: ${describeThrown(error)}`);
  }
  if (bytes) return bytes.length > maxBytes ? bytes.subarray(0, maxBytes + 1) : bytes;
  const what = body === null ? 'null' : Array.isArray(body) ? 'an array' : typeof body;
  throw invalidInput(
    `body must be the raw text or bytes of the request (a string, Uint8Array, Buffer or ArrayBuffer), got ${what}: ` +
      'only the bytes FACEKI sent can be checked as they are; a parsed object has lost them (and any duplicate key)',
  );
}

// The text the core accepted, parsed again by the engine. The core (like TextDecoder for bytes) skips a
// leading byte order mark, which JSON.parse refuses; and a SyntaxError would quote the body.
function parsedData(body) {
  const text = typeof body === 'string' ? body.replace(/^\uFEFF/, '') : new TextDecoder().decode(body);
  try {
    return JSON.parse(text);
  } catch {
    throw new KycError({ code: 'WEBHOOK_INVALID', status: 400, message: 'the webhook body is not a JSON object' });
  }
}

// The value of one header, from a Fetch Headers object or a Node-style plain object (any key case;
// several values, as Node gives an array, are joined and so never match). undefined when missing.
function headerValue(headers, name) {
  if (headers === null || typeof headers !== 'object') return undefined;
  if (typeof headers.get === 'function') return headers.get(name) ?? undefined;
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() !== name) continue;
    const value = headers[key];
    if (Array.isArray(value)) return value.join(', ');
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

/** The checked options of the core: { header, maxBodyBytes }; throws KycError INVALID_CONFIG. */
export function webhookSettings(module, options) {
  const copy = snapshot(options, 'INVALID_CONFIG', 'webhook options');
  const settings = intoModule(module, () => module.kycWebhookSettings(copy));
  if (typeof settings.code === 'string') throw toKycError(settings);
  return settings;
}

/** parseWebhook on a loaded module; throws KycError. */
export function parseWebhookOn(module, input, options) {
  if (input === null || typeof input !== 'object') throw invalidInput('takes { body, headers }');
  const copy = snapshot(options, 'INVALID_CONFIG', 'webhook options');
  const { header, maxBodyBytes } = webhookSettings(module, copy);
  let given;
  try {
    given = { body: input.body, headers: input.headers };
  } catch (error) {
    throw invalidInput(`{ body, headers } could not be read: ${describeThrown(error)}`);
  }
  const body = rawBody(given.body, maxBodyBytes);
  let value;
  try {
    value = headerValue(given.headers, header);
  } catch (error) {
    throw invalidInput(`headers could not be read: ${describeThrown(error)}`);
  }
  const answer = intoModule(module, () => module.kycParseWebhook(copy, value ?? null, body));
  const { ok, ...fields } = answer;
  if (!ok) throw toKycError(fields);
  // The core accepted these bytes as one JSON object; the engine parses them again for `data`.
  return { ...fields, data: parsedData(body) };
}
