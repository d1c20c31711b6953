// createKycClient with stores (tokenStore, linkStore, reuseLinks): the store options are taken off
// here and the core gets an ordinary client. With a tokenStore that client runs in getToken mode on the
// shared token (shared-token.mjs), whose fetches use a short-lived credentials client of their own; the
// core keeps caching the token until shortly before its exp, so the store is read about once per token.

import { createClient, intoModule } from '../kyc-client.mjs';
import { invalidConfig } from '../kyc-error.mjs';
import { snapshot } from '../snapshot.mjs';
import { createMemoryStore } from './memory-store.mjs';
import { guardStore, safeWarner } from './guarded-store.mjs';
import { createSharedGetToken } from './shared-token.mjs';
import { createLinkReuse } from './link-reuse.mjs';
import { tokenKey } from './store-keys.mjs';

const STORE_OPTIONS = ['tokenStore', 'linkStore', 'reuseLinks', 'minRemainingMinutes', 'onWarning', 'storeTimeoutMs'];
const STORE_METHODS = ['get', 'set', 'delete', 'lock'];
// The core's defaults (src/core/config.hpp), needed here to size lock TTLs when options leave them out.
const CORE_DEFAULT_TIMEOUT_MS = 30000;
const CORE_DEFAULT_MAX_RETRIES = 2;
// Time a link call may spend between attempts (backoff, Retry-After) beyond its attempts' own timeouts.
const LINK_LOCK_SLACK_MS = 10000;

function checkStore(store, name) {
  if (store === undefined) return;
  if (store === null || typeof store !== 'object' || STORE_METHODS.some((m) => typeof store[m] !== 'function')) {
    throw invalidConfig(`${name} must have async get, set, delete and lock methods`);
  }
}

function checkStoreOptions({ tokenStore, linkStore, reuseLinks, minRemainingMinutes, onWarning, storeTimeoutMs }) {
  checkStore(tokenStore, 'tokenStore');
  checkStore(linkStore, 'linkStore');
  if (reuseLinks !== undefined && typeof reuseLinks !== 'boolean') throw invalidConfig('reuseLinks must be a boolean');
  if (minRemainingMinutes !== undefined && !(Number.isInteger(minRemainingMinutes) && minRemainingMinutes >= 0)) {
    throw invalidConfig('minRemainingMinutes must be an integer >= 0');
  }
  if (onWarning !== undefined && typeof onWarning !== 'function') throw invalidConfig('onWarning must be a function');
  const timeoutOk = Number.isInteger(storeTimeoutMs) && storeTimeoutMs >= 1 && storeTimeoutMs <= 60000;
  if (storeTimeoutMs !== undefined && !timeoutOk) {
    throw invalidConfig('storeTimeoutMs must be an integer 1..60000');
  }
}

/** Whether these createKycClient options need this layer (otherwise the plain client is returned). */
export function wantsStores(options) {
  try {
    return options !== null && typeof options === 'object' && STORE_OPTIONS.some((key) => options[key] !== undefined);
  } catch {
    return false; // unreadable options: the plain path reports them as INVALID_CONFIG
  }
}

async function sharedTokenOptions(loadModule, clientOptions, store) {
  const { clientId, clientSecret, tokenEndpoint, ...rest } = clientOptions;
  if (clientId === undefined || rest.token !== undefined || rest.getToken !== undefined) {
    throw invalidConfig('tokenStore needs clientId and clientSecret (a token or getToken is shared by you already)');
  }
  // One attempt per fetch: its failure keeps its code and retryability (pre.js), and the outer client
  // retries it within the call's own budget, as it retries its own token requests.
  const { baseUrl: url, timeoutMs: attemptMs } = rest;
  const credentials = { clientId, clientSecret, tokenEndpoint, baseUrl: url, timeoutMs: attemptMs, maxRetries: 0 };
  for (const key of Object.keys(credentials)) if (credentials[key] === undefined) delete credentials[key];
  // Opened once now so that wrong credentials options fail here, like any client's, not at the first call.
  const check = await createClient(loadModule, credentials);
  const baseUrl = check.baseUrl;
  check.close();
  // A fresh client per fetch: one that kept its own cache would hand back a token the server refused.
  const fetchToken = async () => {
    const client = await createClient(loadModule, credentials);
    try {
      return await client.getAccessToken();
    } finally {
      client.close();
    }
  };
  const timeoutMs = rest.timeoutMs ?? CORE_DEFAULT_TIMEOUT_MS;
  // The core waits one timeoutMs for getToken; a lock holder not done by then is taken for dead.
  const key = await tokenKey(baseUrl, clientId);
  const getToken = createSharedGetToken({ store, key, fetchToken, waitMs: timeoutMs, lockTtlMs: timeoutMs });
  return { ...rest, getToken };
}

export async function createClientWithStores(loadModule, options) {
  const copy = snapshot(options, 'INVALID_CONFIG', 'options');
  const { tokenStore, linkStore, reuseLinks, minRemainingMinutes, onWarning, storeTimeoutMs, ...clientOptions } = copy;
  checkStoreOptions(copy);
  const warn = safeWarner(onWarning);
  const guard = (store, name, fallback) =>
    guardStore(store, { name, timeoutMs: storeTimeoutMs ?? 1000, warn, fallback });
  const coreOptions = tokenStore
    ? await sharedTokenOptions(loadModule, clientOptions, guard(tokenStore, 'tokenStore', 'the token is not shared'))
    : clientOptions;
  const client = await createClient(loadModule, coreOptions);
  const module = await loadModule();
  return new StoreBackedClient(client, {
    isUsableLink: (linkId, url) => intoModule(module, () => module.kycStoredLinkUsable(linkId, url)),
    store: guard(linkStore ?? createMemoryStore(), 'linkStore', 'the link is made without reuse'),
    reuseByDefault: reuseLinks ?? false,
    minRemainingMinutes: minRemainingMinutes ?? 10,
    timeoutMs: clientOptions.timeoutMs ?? CORE_DEFAULT_TIMEOUT_MS,
    maxRetries: clientOptions.maxRetries ?? CORE_DEFAULT_MAX_RETRIES,
  });
}

// The KycClient interface, with `reuse` as a call option. Everything else is the core client's.
class StoreBackedClient {
  #client;
  #reuse;
  #reuseByDefault;
  #running = 0;
  #closed = false;

  constructor(client, { store, reuseByDefault, minRemainingMinutes, timeoutMs, maxRetries, isUsableLink }) {
    this.#client = client;
    this.#reuseByDefault = reuseByDefault;
    this.#reuse = createLinkReuse({
      store,
      baseUrl: client.baseUrl,
      minRemainingMinutes,
      // A holder's lock outlives its call (every attempt's timeout and the pauses between): only a dead
      // holder's lock runs out while it is still wanted.
      lockTtlMs: (callOptions) =>
        (callOptions.timeoutMs ?? timeoutMs) * ((callOptions.maxRetries ?? maxRetries) + 1) + LINK_LOCK_SLACK_MS,
      isClosed: () => this.#closed,
      isUsableLink,
      create: (request, callOptions) => this.#client.generateKycLink(request, callOptions),
    });
  }

  generateKycLink(request, callOptions) {
    let copy;
    let options;
    try {
      copy = snapshot(request, 'INVALID_REQUEST', 'request');
      options = snapshot(callOptions, 'INVALID_CONFIG', 'call options');
    } catch (error) {
      return Promise.reject(error);
    }
    if (options === null || typeof options !== 'object' || options.reuse === undefined) {
      return this.#plainOrReused(copy, options, this.#reuseByDefault);
    }
    const { reuse, ...rest } = options;
    if (typeof reuse !== 'boolean') return Promise.reject(invalidConfig('reuse must be a boolean'));
    return this.#plainOrReused(copy, rest, reuse);
  }

  #plainOrReused(request, callOptions, reuse) {
    const optionsReadable = callOptions === undefined || (callOptions !== null && typeof callOptions === 'object');
    const reusable =
      reuse &&
      !this.#closed &&
      optionsReadable &&
      request !== null &&
      typeof request === 'object' &&
      this.#client.validate(request).length === 0; // an invalid request goes on to be rejected as usual
    const reused = reusable ? this.#reuse(request, callOptions ?? {}) : undefined;
    return this.#count(reused ?? this.#client.generateKycLink(request, callOptions)); // not reusable: a normal call
  }

  #count(call) {
    this.#running++;
    return call.finally(() => this.#running--);
  }

  getAccessToken(callOptions) {
    return this.#count(this.#client.getAccessToken(callOptions));
  }

  getVerifications(query, callOptions) {
    return this.#count(this.#client.getVerifications(query, callOptions));
  }

  waitForVerification(query, waitOptions) {
    return this.#count(this.#client.waitForVerification(query, waitOptions));
  }

  validate(request) {
    return this.#client.validate(request);
  }

  close() {
    this.#closed = true;
    this.#client.close();
  }

  get baseUrl() {
    return this.#client.baseUrl;
  }

  get pendingCalls() {
    return this.#running;
  }

  toJSON() {
    return this.#client.toJSON();
  }
}
