// Types of faceki-kyc-link (hand-written; checked with tsc --strict by the tests).

export type KycErrorCode =
  | 'INVALID_CONFIG'
  | 'INVALID_REQUEST'
  | 'UNAUTHORIZED'
  | 'API_ERROR'
  | 'HTTP_ERROR'
  | 'RATE_LIMITED'
  | 'NETWORK_ERROR'
  | 'TIMEOUT'
  | 'ABORTED'
  | 'BAD_RESPONSE'
  /** The WebAssembly module stopped (out of memory, a bug); the next createKycClient() loads a fresh one. */
  | 'INTERNAL'
  /** A webhook without the configured header, or with the wrong value; handlers answer 401. */
  | 'WEBHOOK_UNAUTHORIZED'
  /** A webhook body that is not a JSON object of a documented shape (400), or over maxBodyBytes (`status` 413). */
  | 'WEBHOOK_INVALID';

/** FACEKI responseCode names (API_ERROR's `reason`). */
export type FacekiReason =
  | 'SUCCESS'
  | 'UNAUTHORIZED'
  | 'BAD_REQUEST'
  | 'INTERNAL_ERROR'
  | 'WORKFLOW_NOT_FOUND'
  | 'INVALID_FIELDS'
  | 'INSUFFICIENT_CREDIT'
  | 'LINK_LIMIT_REACHED'
  | 'DATA_NOT_FOUND'
  | 'INVALID_LINK'
  | 'LINK_EXPIRED'
  | 'LINK_GENERATION_FAILED'
  | 'KYC_LIMIT_REACHED'
  | 'UNKNOWN';

export interface ValidationIssue {
  /** The caller's name for the field ("workflowId", "redirectUrl", "request", ...). */
  field: string;
  message: string;
}

export interface KycLinkRequest {
  /** The workflow's ID from the FACEKI portal: 1..128 characters. */
  workflowId: string;
  /** Your own identifier for the person (e.g. your user id): 1..128 characters. */
  applicationId?: string | null;
  /** Link lifetime in minutes, an integer 1..525600. */
  expiryTime?: number | null;
  /** Where the person is sent after the flow: https (http only for localhost). */
  redirectUrl?: string | null;
  /** The FACEKI docs' spelling of redirectUrl; pass one or the other. */
  redirect_url?: string | null;
}

export interface KycLink {
  /** FACEKI's link ID: FACEKI's browser and mobile SDKs run the verification with it. A secret. */
  linkId: string;
  /** The hosted page the person opens. A secret: do not log it. */
  url: string;
  /**
   * When the link expires (ISO 8601), computed client-side: the request's expiryTime counted from the
   * answer's arrival (FACEKI's answer carries no expiry). null when expiryTime was not given, since
   * FACEKI's default lifetime is undocumented.
   */
  expiresAt: string | null;
}

interface CommonClientOptions {
  /** Default https://sdk.faceki.com; https unless the host is localhost, 127.0.0.1 or [::1]. */
  baseUrl?: string;
  /** Per attempt, 1..600000 ms; default 30000. */
  timeoutMs?: number;
  /** Retries for 429, 502, 503, 504 and connection failures (token requests too, and their timeouts), 0..10; default 2. */
  maxRetries?: number;
  /**
   * Also retry an attempt that timed out. Off by default: FACEKI has no idempotency key, so the
   * timed-out request may already have made a link and a retry can make a second one.
   */
  retryTimeouts?: boolean;
}

/** What getToken is told: after a 401, the token the server refused (so a shared cache can drop it). */
export interface GetTokenInfo {
  rejectedToken: string;
}

/**
 * A store shared by instances (see faceki-kyc-link/redis), or createMemoryStore() for one process.
 * Values are secrets (bearer tokens, link URLs). Every operation is bounded by `storeTimeoutMs`.
 */
export interface KycStore {
  /** The value, or null (or undefined) when missing or expired. */
  get(key: string): Promise<string | null | undefined>;
  /** Stores `value` for `ttlMs` milliseconds. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * Takes `key` if nobody holds it, for at most `ttlMs` (a holder that dies frees it by expiry).
   * Resolves to release(), which frees only this holder's lock, or null when someone else holds it.
   */
  lock(key: string, ttlMs: number): Promise<(() => Promise<void>) | null>;
}

/** Reported through onWarning when a store operation failed or timed out; never carries a secret. */
export interface KycStoreWarning {
  code: 'STORE_UNAVAILABLE';
  store: 'tokenStore' | 'linkStore';
  operation: 'get' | 'set' | 'delete' | 'lock' | 'release';
  /** What failed and what the client did instead (its own fetch, a link without reuse). */
  message: string;
}

interface StoreOptions {
  /** Share one FACEKI token among every client on this store (needs clientId and clientSecret). */
  tokenStore?: KycStore;
  /** Where reused links are kept; default createMemoryStore() (this process only). */
  linkStore?: KycStore;
  /** Reuse links (call option `reuse` overrides per call); default false. */
  reuseLinks?: boolean;
  /** A stored link is reused only with at least this many minutes left; default 10. */
  minRemainingMinutes?: number;
  /** Bound on each store operation, 1..60000 ms; default 1000. Past it the client falls back and warns. */
  storeTimeoutMs?: number;
  /** Store failures (the client then acts alone). Errors it throws are ignored. */
  onWarning?: (warning: KycStoreWarning) => void;
}

export type KycClientOptions = CommonClientOptions &
  (
    | ({
        token: string;
        getToken?: never;
        clientId?: never;
        clientSecret?: never;
        tokenEndpoint?: never;
      } & LinkStoreOptions)
    | ({
        /**
         * Your own token source. Called again when the cached token is near its exp, and after a 401 with
         * `{ rejectedToken }` (the refused one: do not hand it out again). A KycError it throws keeps its
         * code, status and retryable; any other error becomes UNAUTHORIZED.
         */
        getToken: (info?: GetTokenInfo) => string | Promise<string>;
        token?: never;
        clientId?: never;
        clientSecret?: never;
        tokenEndpoint?: never;
      } & LinkStoreOptions)
    | ({
        clientId: string;
        clientSecret: string;
        /** Which FACEKI token endpoint to use; by default generate-token, falling back to access-token on 404/405. */
        tokenEndpoint?: 'generate-token' | 'access-token';
        token?: never;
        getToken?: never;
      } & StoreOptions)
  );

/** Without client credentials there is no token to share: only the link options apply. */
type LinkStoreOptions = Omit<StoreOptions, 'tokenStore'> & { tokenStore?: never };

export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  maxRetries?: number;
  /**
   * generateKycLink only, on a client made with reuseLinks or a linkStore: reuse this person's link
   * (needs applicationId and expiryTime; otherwise a normal call). Default: the client's reuseLinks.
   */
  reuse?: boolean;
}

export class KycError extends Error {
  readonly name: 'KycError';
  readonly code: KycErrorCode;
  /** HTTP status of the last response; 0 when there was none. */
  readonly status: number;
  /** Whether sending the same request again may succeed. */
  readonly retryable: boolean;
  /** Link requests sent. */
  readonly attempts: number;
  /** For API_ERROR: FACEKI's responseCode and its name. */
  readonly responseCode?: number;
  readonly reason?: FacekiReason;
  /** The server's Retry-After, in ms. */
  readonly retryAfterMs?: number;
  /** For INVALID_REQUEST and INVALID_CONFIG: every problem found. */
  readonly issues?: ValidationIssue[];
  toJSON(): Record<string, unknown>;
}

/** Which verification records to look up: exactly one key. Values follow the link request's identifier rules. */
export type VerificationQuery =
  | { link: string; requestId?: never; applicationId?: never }
  | { requestId: string; link?: never; applicationId?: never }
  /** Your own identifier, given as applicationId when the link was made; FACEKI's `record_identifier`. */
  | { applicationId: string; link?: never; requestId?: never };

/**
 * `ACCEPTED`, `DECLINED` or `REVIEW` when the record carries a `status` string of exactly that word;
 * `UNKNOWN` otherwise. FACEKI documents no decision field on a record, so `UNKNOWN` is the usual value:
 * use the webhook (or its `status`) for the decision.
 */
export type VerificationStatus = 'ACCEPTED' | 'DECLINED' | 'REVIEW' | 'UNKNOWN';

export interface VerificationRecord {
  /** The record's `requestId`; null when FACEKI sent none. */
  requestId: string | null;
  /** The record's `link`: the link ID. A secret. */
  linkId: string | null;
  /** The record's `record_identifier`. */
  applicationId: string | null;
  status: VerificationStatus;
  /** The record's `fullName`/`full_name`, else its first document's `full_name`. Personal data. */
  fullName: string | null;
  /** The record's `document_data` as FACEKI sent it; [] when absent. */
  documents: Record<string, unknown>[];
  /** The record exactly as FACEKI sent it. */
  raw: Record<string, unknown>;
}

export interface WaitOptions {
  /** Ends the wait at once with ABORTED, even mid-sleep or mid-request. */
  signal?: AbortSignal;
  /** The whole wait, in ms; default 1800000 (30 minutes). Then it rejects with TIMEOUT. */
  timeoutMs?: number;
  /** The first pause between polls, in ms; default 5000, doubling up to 60000, with +-20% jitter. */
  intervalMs?: number;
}

export interface KycClient {
  generateKycLink(request: KycLinkRequest, options?: CallOptions): Promise<KycLink>;
  /**
   * FACEKI's verification records for a link, a request id or your applicationId (GET
   * /kycverify/api/kycverify/records). Resolves to [] while nothing was submitted. Same token cache,
   * timeouts, retries and errors as generateKycLink; a timed-out attempt is retried (a GET is safe).
   */
  getVerifications(query: VerificationQuery, options?: CallOptions): Promise<VerificationRecord[]>;
  /**
   * Polls getVerifications (one request at a time, with backoff) and resolves to the first record that is
   * ACCEPTED or DECLINED; or, since a record's status is usually UNKNOWN (no decision field is
   * documented), the first UNKNOWN record to appear: FACEKI writes one when a verification is submitted.
   * REVIEW keeps waiting. Rejects with TIMEOUT, ABORTED, or the first error that is not retryable.
   */
  waitForVerification(query: VerificationQuery, options?: WaitOptions): Promise<VerificationRecord>;
  /**
   * A bearer token for your own use, e.g. a backend handing tokens to browser pages that use getToken:
   * the cached one while fresh, else one fetch shared with every waiting caller (same timeout and retries).
   */
  getAccessToken(options?: CallOptions): Promise<string>;
  /** The rules generateKycLink applies, synchronously. */
  validate(request: unknown): ValidationIssue[];
  /** Frees the client; calls still running reject with ABORTED. */
  close(): void;
  readonly baseUrl: string;
  readonly pendingCalls: number;
}

export function createKycClient(options: KycClientOptions): Promise<KycClient>;

/**
 * waitForVerification's rule, for callers who poll getVerifications themselves: the first ACCEPTED or
 * DECLINED record; else the first UNKNOWN one (FACEKI writes a record when a verification is submitted);
 * else undefined, meaning still pending (no record yet, or only REVIEW records).
 */
export function settledRecord(records: readonly VerificationRecord[]): VerificationRecord | undefined;

/** An in-process KycStore (no timers; expired entries swept as it grows). `size`: entries held. */
export function createMemoryStore(): KycStore & { readonly size: number };

/**
 * One call on a client of its own: no token reuse between calls, unless a tokenStore holds it; with
 * linkStore and reuseLinks, a person's stored link is reused as by a long-lived client.
 */
export function generateKycLink(
  request: KycLinkRequest,
  options: KycClientOptions & { signal?: AbortSignal },
): Promise<KycLink>;

/**
 * The same rules generateKycLink applies, without a client or credentials: resolves to [] or every
 * issue ({ field, message }); nothing is sent.
 */
export function validateKycLinkRequest(request: unknown): Promise<ValidationIssue[]>;

/** The codes and limits the C++ core defines, read from the WebAssembly module (one source for them). */
export interface KycFacts {
  errorCodes: KycErrorCode[];
  reasons: FacekiReason[];
  limits: {
    maxIdLength: number;
    maxExpiryMinutes: number;
    maxUrlLength: number;
    smallestMaxResponseBytes: number;
    largestMaxResponseBytes: number;
    defaultMaxResponseBytes: number;
  };
}
export function kycFacts(): Promise<KycFacts>;

/**
 * Before the first client: where the .wasm comes from (bytes, a URL for browsers, or a module compiled
 * ahead of time for runtimes that compile no wasm from bytes).
 */
export function configureWasm(overrides: {
  wasmBinary?: ArrayBuffer | Uint8Array;
  locateFile?: (file: string) => string;
  module?: WebAssembly.Module;
}): void;

export type WebhookEventType = 'verification.completed' | 'verification.status_updated' | 'aml.updated' | 'unknown';

/**
 * A verified FACEKI webhook. `type` is recognised from the body: `kycData` an object -> verification.completed
 * (the KYC result); a top-level key starting with "aml" -> aml.updated; a `status` and a `requestId`
 * string -> verification.status_updated (a portal change; APPROVED reads as ACCEPTED); anything else
 * -> unknown (never an error, so new FACEKI kinds do not break you).
 */
export interface WebhookEvent {
  type: WebhookEventType;
  requestId: string | null;
  status: VerificationStatus;
  /** Personal data. */
  fullName: string | null;
  /** kycData.link (verification.completed only). A secret. */
  linkId?: string;
  /** kycData.record_identifier (verification.completed only). */
  applicationId?: string;
  /** The whole body, parsed. */
  data: Record<string, unknown>;
}

export interface WebhookOptions {
  /** The custom header set in the FACEKI portal; default 'authorization', any case. */
  header?: string;
  /** Its value, as set in the portal. Compared in constant time. */
  secret: string;
  /** The largest body accepted, in bytes: 1..67108864; default 1048576 (1 MiB). */
  maxBodyBytes?: number;
}

/** What parseWebhook reads: the raw body and the request's headers. */
export interface WebhookInput {
  /**
   * The raw body, as text or bytes. A parsed object is refused (INVALID_REQUEST): only the bytes FACEKI
   * sent can be checked as they are, and parsing has hidden any duplicate key.
   */
  body: string | Uint8Array | ArrayBuffer | ArrayBufferView;
  /** A Fetch Headers object or Node's req.headers (any key case). */
  headers: Headers | Record<string, string | string[] | undefined>;
}

/**
 * Checks the configured header (constant time) and reads the body into a typed event. Async because the
 * WebAssembly module may still be loading. Rejects with KycError WEBHOOK_UNAUTHORIZED, WEBHOOK_INVALID,
 * INVALID_CONFIG (bad options) or INVALID_REQUEST (a parsed body). Works in every runtime (no node:crypto).
 */
export function parseWebhook(input: WebhookInput, options: WebhookOptions): Promise<WebhookEvent>;

export interface WebhookHandlerOptions extends WebhookOptions {
  /** Called once per verified delivery; the answer is 200 only after it resolves, 500 if it throws. */
  onEvent: (event: WebhookEvent) => void | Promise<void>;
}

/** The request and response of node:http (Express's extend them); structural so no Node types are needed. */
interface NodeRequestLike {
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
  rawBody?: unknown;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}
interface NodeResponseLike {
  writeHead(status: number, headers?: Record<string, string>): unknown;
  end(body?: string): unknown;
}

/**
 * A webhook receiver for node:http and Express: `http.createServer(handler)` or `app.post('/faceki', handler)`,
 * mounted before express.json() (or after express.raw(), or with req.rawBody set). Reads the body itself up to
 * maxBodyBytes; answers 200 after onEvent resolves, 401 (header), 400 (body), 413 (too large), 500 (onEvent
 * threw, a parsed req.body, bad options). Never throws; logs nothing.
 */
export function createWebhookHandler(
  options: WebhookHandlerOptions,
): (req: NodeRequestLike, res: NodeResponseLike, next?: unknown) => void;

/** The same receiver for the Fetch API (Workers, Deno, Bun, Next.js route handlers). Never rejects. */
export function createWebhookFetchHandler(options: WebhookHandlerOptions): (request: Request) => Promise<Response>;
