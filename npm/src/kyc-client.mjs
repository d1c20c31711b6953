// The JS face of the wasm client: idiomatic options, AbortSignal, KycError. The rules and the pipeline
// live in C++ (src/core); this file only adapts.

import { KycError, invalidConfig, toKycError } from './kyc-error.mjs';
import { expiresAt } from './expires-at.mjs';
import { snapshot } from './snapshot.mjs';
import { watchCallerSignal } from './caller-signal.mjs';
import { waitForVerification } from './wait-for-verification.mjs';

// A client dropped without close() still frees its wasm memory. While a call runs, its promise's
// reactions (which update #running) hold the client, so a running call is never cut short by this.
// workerd before compatibility date 2025-05-05 has no FinalizationRegistry: there only close() frees.
const unclosedClients =
  typeof FinalizationRegistry === 'function'
    ? new FinalizationRegistry(({ module, key }) => closeQuietly(module, key))
    : { register() {}, unregister() {} };

// A call into the module that throws means the module stopped: pre.js then rejects every pending call.
export function intoModule(module, call) {
  try {
    return call();
  } catch (error) {
    module.kycModuleStopped(error);
    throw new KycError(module.kycStoppedError());
  }
}

// The core read and checked each record; FACEKI's own JSON for each (raw, and its document_data) is
// parsed here by the engine, from the body the core checked, instead of being copied field by field.
function withRawRecords({ records, body }) {
  let raw;
  try {
    raw = JSON.parse(body).result;
  } catch {
    throw new KycError({ code: 'BAD_RESPONSE', message: 'the records answer could not be read again' });
  }
  return records.map((record, i) => ({
    ...record,
    documents: Array.isArray(raw[i].document_data) ? raw[i].document_data : [],
    raw: raw[i],
  }));
}

function closeQuietly(module, key) {
  if (module.kycStoppedError()) return;
  try {
    module.kycCloseClient(key);
  } catch (error) {
    module.kycModuleStopped(error);
  }
}

export class KycClient {
  #module;
  #key; // the wasm client's key; undefined once closed
  #baseUrl;
  #running = 0;

  constructor(module, key, baseUrl) {
    this.#module = module;
    this.#key = key;
    this.#baseUrl = baseUrl;
    unclosedClients.register(this, { module, key }, this);
  }

  /** Resolves to { linkId, url }; rejects with KycError. */
  generateKycLink(request, callOptions) {
    return this.#run(callOptions, (options) => {
      const copy = snapshot(request, 'INVALID_REQUEST', 'request');
      const call = intoModule(this.#module, () => this.#module.kycGenerateKycLink(this.#key, copy, options));
      // The core has checked expiryTime by the time a link arrives.
      return call.then((link) => ({ ...link, expiresAt: expiresAt(copy?.expiryTime) }));
    });
  }

  /**
   * Resolves to the verification records for exactly one of { link }, { requestId }, { applicationId }:
   * [] while nothing was submitted. Rejects with KycError.
   */
  getVerifications(query, callOptions) {
    return this.#run(callOptions, (options) => {
      const copy = snapshot(query, 'INVALID_REQUEST', 'query');
      return intoModule(this.#module, () => this.#module.kycGetVerifications(this.#key, copy, options)).then(
        withRawRecords,
      );
    });
  }

  /**
   * Polls getVerifications with backoff until a record is settled (see wait-for-verification.mjs for
   * the rule); rejects with KycError TIMEOUT or ABORTED, or the first error that will not pass.
   */
  waitForVerification(query, waitOptions) {
    return waitForVerification((q, options) => this.getVerifications(q, options), query, waitOptions);
  }

  /**
   * Resolves to a bearer token for your own use (a backend handing tokens to its pages): the client's
   * cached one while fresh, else one fetch shared with every caller waiting. Rejects with KycError.
   */
  getAccessToken(callOptions) {
    return this.#run(callOptions, (options) =>
      intoModule(this.#module, () => this.#module.kycGetAccessToken(this.#key, options)),
    );
  }

  // One call into the wasm client: options checked, the caller's signal relayed through one of ours,
  // the promise counted while it runs, errors typed.
  #run(callOptions, start) {
    let signal;
    try {
      if (this.#key === undefined) throw invalidConfig('the client is closed');
      const stopped = this.#module.kycStoppedError();
      if (stopped) throw new KycError(stopped);
      const options = snapshot(callOptions, 'INVALID_CONFIG', 'call options');
      signal = watchCallerSignal(options?.signal);
      if (signal) options.signal = signal.relay;
      const call = start(options);
      this.#running++;
      return call.then(
        (value) => {
          this.#running--;
          signal?.release();
          return value;
        },
        (rejection) => {
          this.#running--;
          signal?.release();
          throw toKycError(rejection);
        },
      );
    } catch (error) {
      signal?.release();
      return Promise.reject(error);
    }
  }

  /** The same rules generateKycLink applies, synchronously: [] or [{ field, message }]. */
  validate(request) {
    return validateIn(this.#module, request);
  }

  /** Frees the client. Calls still running reject with ABORTED. */
  close() {
    if (this.#key === undefined) return;
    unclosedClients.unregister(this);
    const key = this.#key;
    this.#key = undefined;
    closeQuietly(this.#module, key);
  }

  get baseUrl() {
    return this.#baseUrl;
  }

  /** Calls started and not yet settled. */
  get pendingCalls() {
    return this.#running;
  }

  toJSON() {
    return { baseUrl: this.#baseUrl };
  }
}

/** client.validate() and the package's validateKycLinkRequest(): the C++ rules, [] or the issues. */
export function validateIn(module, request) {
  try {
    const copy = snapshot(request, 'INVALID_REQUEST', 'request');
    return intoModule(module, () => module.validateKycLinkRequest(copy));
  } catch (error) {
    if (error instanceof KycError) return [{ field: 'request', message: error.message }];
    throw error;
  }
}

export async function createClient(loadModule, options) {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw invalidConfig('options must be an object');
  }
  const copy = snapshot(options, 'INVALID_CONFIG', 'options');
  const module = await loadModule();
  const key = intoModule(module, () => module.kycOpenClient(copy)); // or, for invalid options, the error
  if (typeof key !== 'number') throw toKycError(key);
  const baseUrl = (copy.baseUrl ?? 'https://sdk.faceki.com').replace(/\/+$/, '');
  return new KycClient(module, key, baseUrl);
}

// One call on a client of its own, opened by openClient (with stores when the options name any): no
// token is reused between calls unless a tokenStore holds it (prefer a long-lived client).
export async function generateOnce(openClient, request, options = {}) {
  const { signal, ...clientOptions } = options ?? {};
  const client = await openClient(clientOptions);
  try {
    return await client.generateKycLink(request, { signal });
  } finally {
    client.close();
  }
}
