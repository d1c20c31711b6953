// Types for `faceki-kyc-link/sandbox` (npm/sandbox/index.cjs), written by hand.

export interface SandboxClient {
  clientId: string;
  clientSecret: string;
}

export interface SandboxOptions {
  /** Port to listen on; 0 (the default) picks any free port. */
  port?: number;
  /** Interface to listen on; default '127.0.0.1'. */
  host?: string;
  /** Accepted credentials; default [{ clientId: 'sandbox-client', clientSecret: 'sandbox-secret' }]. */
  clients?: SandboxClient[];
  /** Known workflow IDs; any other answers responseCode 5001. Default ['sandbox-workflow']. */
  workflows?: string[];
  /** Extra bearer tokens that are always accepted as they are. Default []. */
  tokens?: string[];
  /** Lifetime (positive integer seconds) of tokens from the token endpoints; default 3600. */
  tokenLifetimeSeconds?: number;
  /**
   * A disabled token endpoint answers 404 in plain text, as a server without that route does (not
   * FACEKI's JSON, so a client in auto mode falls back to the other one). Both default to true.
   */
  endpoints?: { generateToken?: boolean; accessToken?: boolean };
  /**
   * Browser origins (e.g. 'http://127.0.0.1:4180') that may call the sandbox cross-origin: only these
   * get CORS headers and preflight answers, and only these (or no Origin at all) may use the
   * /__sandbox/ control routes, which answer 403 to any other Origin. Default [] (none); the admin
   * tool's web/serve.mjs allows its own page. See also `allowOrigin()`. Whatever the origin, a request
   * whose Host is not the bound address or localhost/127.0.0.1/[::1] (with the port) gets 421 (DNS
   * rebinding), unless the sandbox is bound to 0.0.0.0 or ::.
   */
  allowedOrigins?: string[];
  /**
   * Where to send webhooks, as FACEKI's portal-configured webhooks do: a JSON body with fixed custom
   * headers (e.g. `{ Authorization: secret }`), no signature. Completing a link sends the KYC result
   * webhook to every target; `updateStatus()` and `updateAml()` (and their control routes) send the
   * portal's status update and AML monitoring update the same way. Default [] (none).
   */
  webhooks?: SandboxWebhookTarget[];
  /**
   * The sandbox's retry policy for webhook deliveries (FACEKI documents none of its own): an attempt
   * fails on no answer, a non-2xx answer or a timeout, and is retried after `firstDelayMs`, doubling.
   * Default { attempts: 3, firstDelayMs: 500, timeoutMs: 5000 }.
   */
  webhookPolicy?: { attempts?: number; firstDelayMs?: number; timeoutMs?: number };
}

export interface SandboxWebhookTarget {
  /** An http: or https: URL; any host (the operator chose it). */
  url: string;
  /** Default 'POST'. */
  method?: 'POST' | 'PUT' | 'PATCH';
  /** Sent as they are with every delivery; never logged (webhookDeliveries shows them redacted). */
  headers?: Record<string, string | number>;
}

/** One delivery attempt of one webhook to one target (sandbox.webhookDeliveries). */
export interface SandboxWebhookDelivery {
  /** Index of the target in `webhooks`. */
  target: number;
  /** The target URL with any query replaced by "[redacted]". */
  url: string;
  method: string;
  /** The configured header names, lower-cased, each with the value "[redacted]". */
  headers: Record<string, string>;
  /** The kind, named as parseWebhook names it. */
  kind: SandboxWebhookKind;
  requestId: string | null;
  /** 1 for the first try. */
  attempt: number;
  /** The receiver's HTTP status; null when it gave none. */
  status: number | null;
  ok: boolean;
  /** null when ok; else 'HTTP_STATUS', 'TIMEOUT', 'CLOSED' or a socket error code such as 'ECONNREFUSED'. */
  error: string | null;
  /** When the attempt started, ms since the epoch. */
  at: number;
}

export type SandboxVerificationStatus = 'ACCEPTED' | 'DECLINED' | 'REVIEW';

/** The webhook kinds the sandbox sends, named as the package's parseWebhook types them. */
export type SandboxWebhookKind = 'verification.completed' | 'verification.status_updated' | 'aml.updated';

/**
 * The body of the KYC result webhook, as FACEKI documents it ("EKYC Webhook Structure"): `kycData` is
 * the record without its `status`.
 */
export interface SandboxResultWebhookBody {
  requestId: string;
  fullName: string;
  status: SandboxVerificationStatus;
  kycData: Omit<SandboxRecord, 'status'>;
}

/**
 * The body of a portal status update. FACEKI documents only that it carries the new status (its word
 * for an accepted one is APPROVED) and who changed it; these field names are the sandbox's own.
 * parseWebhook reads it as 'verification.status_updated', with APPROVED as ACCEPTED.
 */
export interface SandboxStatusUpdateBody {
  requestId: string;
  fullName: string;
  /** APPROVED for ACCEPTED (the portal's documented word); DECLINED and REVIEW as they are (a guess). */
  status: 'APPROVED' | 'DECLINED' | 'REVIEW';
  /** Who changed it: `updateStatus`'s `updatedBy`, default 'sandbox-operator'. */
  updatedBy: string;
}

/**
 * An AML monitoring update's values in the sandbox. FACEKI documents the kind by name only: these
 * values are the sandbox's own.
 */
export type SandboxAmlStatus = 'CLEAR' | 'POTENTIAL_MATCH' | 'MATCH';

/**
 * The body of an AML monitoring update; its fields are the sandbox's own (FACEKI documents none).
 * parseWebhook reads it as 'aml.updated' by its `aml...` key; it has no `status`, so the event's
 * status is UNKNOWN.
 */
export interface SandboxAmlUpdateBody {
  requestId: string;
  fullName: string;
  amlStatus: SandboxAmlStatus;
}

/**
 * One entry of a record's `document_data`: the fields FACEKI's "Fetch Records" doc lists, with fake
 * values (their types are not documented; the sandbox picks these).
 */
export interface SandboxDocumentData {
  reference: string;
  full_name: string;
  first_name: string;
  last_name: string;
  nationality: string;
  issuer: string;
  gender: string;
  dob: string;
  expiry: string;
  document_number: string;
  document_type: string;
  mrz: string;
  document_face_match: boolean;
  /** true when the link was completed as ACCEPTED; a later `updateStatus` leaves it as it was. */
  passed: boolean;
}

/**
 * A verification record, as GET /kycverify/api/kycverify/records answers it (in `result`) and as the
 * KYC result webhook carries it (as `kycData`, without `status`).
 */
export interface SandboxRecord {
  /** The link ID. */
  link: string;
  /** The link request's applicationId ('' when it had none). */
  record_identifier: string;
  requestId: string;
  document_data: SandboxDocumentData[];
  /**
   * A sandbox convenience: the outcome the link was completed with, or the one `updateStatus` set
   * since. FACEKI documents no decision field on a record, so a client must not rely on this against
   * FACEKI.
   */
  status: SandboxVerificationStatus;
}

/**
 * One injected fault; it applies to one request. Fields combine:
 * - `body`, `responseCode` or `status` replace the answer (`body` > `responseCode` > `status`, with
 *   `status` as the HTTP status of the other two; without `status` they answer 200);
 * - `delayMs` waits first (a client that disconnects meanwhile is dropped);
 * - `reset` destroys the socket without answering (after any delay);
 * - `retryAfter` and `headers` are added to whatever answer goes out.
 * A fault with only `delayMs`/`retryAfter`/`headers` lets the request be handled normally.
 */
export interface SandboxFault {
  /** Which route's next request the queued fault applies to; default 'link'. Ignored in X-Sandbox-Fault. */
  route?: 'link' | 'token' | 'records';
  /** HTTP status (200-599); alone it answers {"status":false,"message":"sandbox fault","statusCode":status}. */
  status?: number;
  /** Retry-After header: seconds, or any header string (e.g. an HTTP date). */
  retryAfter?: number | string;
  /** Wait before answering, 0 to 60000 ms (larger values are refused as invalid). */
  delayMs?: number;
  reset?: true;
  /** Exact raw response body (Content-Type application/json unless `headers` says otherwise). */
  body?: string;
  /** Answers {"responseCode": N, "message": "sandbox fault"}. */
  responseCode?: number;
  /** Extra response headers; Content-Length, Transfer-Encoding and Connection are not allowed. */
  headers?: Record<string, string | number>;
}

export interface SandboxLogEntry {
  method: string;
  /** Request target; the clientSecret query value is replaced by "[redacted]". */
  path: string;
  /** Lower-cased request headers; Authorization becomes e.g. "Bearer [redacted]". */
  headers: Record<string, string | string[]>;
  /** The raw body as received (token-endpoint clientSecret values redacted); null if never read. */
  body: string | null;
  route: 'token' | 'link' | 'records' | 'page' | 'other';
  /** HTTP status answered; null when nothing was answered (fault reset, client disconnected). */
  status: number | null;
  fault: SandboxFault | null;
  /** Link requests only: body fields the sandbox ignored (present when there were some). */
  ignoredFields?: string[];
  /** Arrival time, ms since the epoch. */
  at: number;
}

/** A link the sandbox issued. Records are live: editing `expiresAt` changes what its page shows. */
export interface SandboxLink {
  linkId: string;
  workflowId: string;
  applicationId: string | null;
  /** Minutes, as requested; null when absent (the sandbox then uses 7 days). */
  expiryTime: number | null;
  redirectUrl: string | null;
  /** ms since the epoch */
  createdAt: number;
  /** ms since the epoch */
  expiresAt: number;
}

export interface SandboxStats {
  /** Requests to an enabled token endpoint (preflights not counted, faulted ones counted). */
  tokenRequests: number;
  /** Requests to the link endpoint (preflights not counted, faulted ones counted). */
  linkRequests: number;
}

export interface Sandbox {
  /** e.g. 'http://127.0.0.1:PORT' */
  readonly url: string;
  readonly port: number;
  /** The request log (live array). Requests to /__sandbox/* are not logged. */
  readonly requests: SandboxLogEntry[];
  /** Issued links (live array). */
  readonly links: SandboxLink[];
  /** Verification records, one per completion, in order (live array). */
  readonly records: SandboxRecord[];
  /** Every webhook delivery attempt, in the order they started (live array). */
  readonly webhookDeliveries: SandboxWebhookDelivery[];
  /**
   * Completes the verification of a link as its hosted page's buttons do (POST
   * /__sandbox/links/<linkId>/complete from another process): records a submission with a fake person
   * (default name 'Jane Sandbox') and sends the KYC result webhook. Each call is a new submission with
   * its own record. Throws TypeError for an unknown or expired link or another status.
   */
  complete(linkId: string, status: SandboxVerificationStatus, options?: { fullName?: string }): SandboxRecord;
  /**
   * Changes the status of the finished verification `requestId` as an operator in FACEKI's portal does
   * (POST /__sandbox/records/<requestId>/status with `{"status": "DECLINED", "updatedBy"?: "..."}`
   * from another process): the record (and so the records endpoint) shows the new status, and the
   * status update webhook (SandboxStatusUpdateBody) goes to every target. Returns the record. Throws
   * TypeError for an unknown requestId, another status or an empty `updatedBy`.
   */
  updateStatus(requestId: string, status: SandboxVerificationStatus, options?: { updatedBy?: string }): SandboxRecord;
  /**
   * Sends an AML monitoring update (SandboxAmlUpdateBody) for the person of the finished verification
   * `requestId` to every target (POST /__sandbox/records/<requestId>/aml with `{"amlStatus": "MATCH"}`
   * from another process); records are unchanged. Returns the body sent. Throws TypeError for an
   * unknown requestId or another amlStatus.
   */
  updateAml(requestId: string, amlStatus: SandboxAmlStatus): SandboxAmlUpdateBody;
  /** Resolves once every webhook delivery started so far has succeeded or used up its attempts. */
  webhooksIdle(): Promise<void>;
  /** Stops listening and destroys every open connection, keep-alive ones too; stops webhook retries. Idempotent. */
  close(): Promise<void>;
  /** Empties `requests` in place. */
  clearLog(): void;
  /** Mints a valid token directly; a negative lifetime gives an already expired token. */
  issueToken(options?: { lifetimeSeconds?: number }): string;
  /** Lifetime (positive integer seconds) of tokens issued by the token endpoints from now on. */
  setTokenLifetime(seconds: number): void;
  /** Queues faults, each for one later request of its route; throws TypeError (queuing none) if one is invalid. */
  failNext(faults: SandboxFault | SandboxFault[]): void;
  /** Number of queued faults not yet applied. */
  pendingFaults(): number;
  stats(): SandboxStats;
  /** Adds an origin to `allowedOrigins`, for a page whose address is known only after the sandbox started. */
  allowOrigin(origin: string): void;
}

export function startSandbox(options?: SandboxOptions): Promise<Sandbox>;
