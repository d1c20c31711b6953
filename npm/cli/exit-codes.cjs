'use strict';
// Exit codes, shared by every command and listed in --help.

const EXIT = {
  OK: 0,
  SOME_FAILED: 1, // bulk: some rows failed
  USAGE: 2, // bad flags, bad configuration or a request that fails validation; nothing was sent
  AUTH: 3, // the token was refused or could not be had
  API: 4, // generate: FACEKI answered with an error (API_ERROR, HTTP_ERROR, RATE_LIMITED, BAD_RESPONSE)
  NETWORK: 5, // generate: no answer (NETWORK_ERROR, TIMEOUT)
  PENDING: 6, // status: no final result yet (nothing submitted through the link, or only REVIEW)
  INTERNAL: 70, // a bug or an environment failure (e.g. a full disk); the message says which
  INTERRUPTED: 130,
};

const EXIT_BY_ERROR_CODE = {
  INVALID_CONFIG: EXIT.USAGE,
  INVALID_REQUEST: EXIT.USAGE,
  UNAUTHORIZED: EXIT.AUTH,
  API_ERROR: EXIT.API,
  HTTP_ERROR: EXIT.API,
  RATE_LIMITED: EXIT.API,
  BAD_RESPONSE: EXIT.API,
  NETWORK_ERROR: EXIT.NETWORK,
  TIMEOUT: EXIT.NETWORK,
  ABORTED: EXIT.INTERRUPTED,
  INTERNAL: EXIT.INTERNAL,
  WEBHOOK_UNAUTHORIZED: EXIT.AUTH, // webhook listen answers these with 401 / 400 and keeps running
  WEBHOOK_INVALID: EXIT.USAGE,
};

// Every KycError code is listed above (tests/js/one-source.test.mjs checks them against the wasm module),
// so a code missing here is a bug of ours, not FACEKI's answer.
function exitCodeFor(error) {
  return EXIT_BY_ERROR_CODE[error?.code] ?? EXIT.INTERNAL;
}

module.exports = { EXIT, EXIT_BY_ERROR_CODE, exitCodeFor };
