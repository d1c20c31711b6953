// parseWebhook(): a FACEKI webhook checked and read. The header comparison (constant time), the body cap
// and the body's shape are the C++ core's (src/core/webhook.*); this file only gets the bytes and the
// header's value to it, in any runtime (no node:crypto, no Buffer needed).

import { KycError, toKycError } from './kyc-error.mjs';
import { intoModule } from './kyc-client.mjs';
import { snapshot } from './snapshot.mjs';

function invalidInput(message) {
  return new KycError({ code: 'INVALID_REQUEST', message: `parseWebhook: ${message}` });
}

/** The body as a string or a Uint8Array, as the caller's bytes; throws for anything parsed. */
export function rawBody(body) {
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  const what = body === null ? 'null' : Array.isArray(body) ? 'an array' : typeof body;
  throw invalidInput(
    `body must be the raw text or bytes of the request (a string, Uint8Array, Buffer or ArrayBuffer), got ${what}: ` +
      'only the bytes FACEKI sent can be checked as they are; a parsed object has lost them (and any duplicate key)'
  );
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
  const { header } = webhookSettings(module, copy);
  const body = rawBody(input.body);
  let value;
  try {
    value = headerValue(input.headers, header);
  } catch (error) {
    throw invalidInput(`headers could not be read: ${String(error?.message ?? error).slice(0, 200)}`);
  }
  const answer = intoModule(module, () => module.kycParseWebhook(copy, value ?? null, body));
  const { ok, ...fields } = answer;
  if (!ok) throw toKycError(fields);
  // The core accepted these bytes as one JSON object; the engine parses them again for `data`.
  const text = typeof body === 'string' ? body : new TextDecoder().decode(body);
  return { ...fields, data: JSON.parse(text) };
}
