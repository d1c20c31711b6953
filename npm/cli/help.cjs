'use strict';

const HELP = `faceki-kyc-link: generate FACEKI KYC verification links

Usage:
  faceki-kyc-link generate --workflow-id W [--application-id A] [--expiry-minutes N]
                           [--redirect-url U] [--base-url B] [--json]
  faceki-kyc-link sandbox [--port N] [--host H]
  faceki-kyc-link --help

generate
  Creates one link and prints its id and URL (or JSON with --json).
  --workflow-id W       the workflow's ID from the FACEKI portal (required)
  --application-id A    your own identifier for the person (e.g. your user id)
  --expiry-minutes N    link lifetime in minutes, 1..525600
  --redirect-url U      where the person goes after verifying (https)
  --base-url B          API address (default https://sdk.faceki.com, or FACEKI_BASE_URL)
  --timeout-ms N        per-attempt timeout (default 30000)
  --max-retries N       retries for 429/502/503/504 and connection failures (default 2)
  --json                print {"linkId","url","expiresAt"}

sandbox
  Runs a local FACEKI-compatible server (default 127.0.0.1, any free port) until Ctrl-C.
  Its first output line is its URL.

Credentials (from the environment only, never from flags):
  FACEKI_CLIENT_ID + FACEKI_CLIENT_SECRET   client credentials (token fetched and cached)
  FACEKI_TOKEN                              a bearer token
  FACEKI_BASE_URL                           API address

Exit codes:
  0    success
  1    some rows failed (bulk)
  2    usage, configuration or validation error: nothing was sent
  3    authentication failed
  4    FACEKI answered with an error
  5    no answer: network error or timeout
  130  interrupted
`;

module.exports = { HELP };
