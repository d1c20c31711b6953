// The package's one error type. Built from the plain objects the wasm core rejects with.

// Present on every error.
const BASE_FIELDS = ['status', 'retryable', 'attempts'];
// Present only where they apply (API_ERROR, 429, validation, a server request id).
const OPTIONAL_FIELDS = ['responseCode', 'reason', 'retryAfterMs', 'issues', 'requestId'];

export class KycError extends Error {
  /**
   * @param {{ code: string, message: string, status?: number, retryable?: boolean, attempts?: number,
   *           responseCode?: number, reason?: string, retryAfterMs?: number,
   *           issues?: { field: string, message: string }[] }} details
   */
  constructor(details) {
    super(details.message);
    this.name = 'KycError';
    this.code = details.code;
    this.status = details.status ?? 0;
    this.retryable = details.retryable ?? false;
    this.attempts = details.attempts ?? 0;
    for (const field of OPTIONAL_FIELDS) {
      if (details[field] !== undefined) this[field] = details[field];
    }
  }

  // Only the fields above, all secret-free by construction: no request, token or URL is kept here.
  toJSON() {
    const json = { name: this.name, code: this.code, message: this.message };
    for (const field of [...BASE_FIELDS, ...OPTIONAL_FIELDS]) {
      if (this[field] !== undefined) json[field] = this[field];
    }
    return json;
  }
}

/**
 * What a caller's thrown value says, for a message: at most 200 characters, and never a throw of its own
 * (a null-prototype object, a Symbol, a Proxy or a throwing `message` getter cannot be turned into text).
 */
export function describeThrown(thrown) {
  try {
    return String(thrown instanceof Error ? thrown.message : thrown).slice(0, 200);
  } catch {
    return 'a value that cannot be read';
  }
}

export function invalidConfig(message) {
  return new KycError({ code: 'INVALID_CONFIG', message: `invalid options: ${message}` });
}

// What the core rejects with is a plain object; anything else is a bug in this package, kept as-is.
export function toKycError(rejection) {
  if (
    rejection &&
    typeof rejection === 'object' &&
    typeof rejection.code === 'string' &&
    !(rejection instanceof Error)
  ) {
    return new KycError(rejection);
  }
  return rejection;
}
