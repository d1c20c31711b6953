'use strict';

const HELP = `faceki-kyc-link: generate FACEKI KYC verification links

Usage:
  faceki-kyc-link generate --workflow-id W [--application-id A] [--expiry-minutes N]
                           [--redirect-url U] [--base-url B] [--json]
  faceki-kyc-link bulk --in users.csv --out links.csv [--workflow-id W] [--expiry-minutes N]
                       [--redirect-url U] [--concurrency 8] [--check] [--resend-uncertain]
                       [--redis-url URL] [--redis-key-prefix P]
  faceki-kyc-link status (--link L | --request-id R | --application-id A) [--json]
  faceki-kyc-link bulk-status --in links.csv --out status.csv [--concurrency 8]
  faceki-kyc-link sandbox [--port N] [--host H] [--allow-origin O]... [--webhook-url U]...
                          [--webhook-header 'Name: value']... [--webhook-secret-header H]
  faceki-kyc-link webhook listen [--port N] [--host H] [--header authorization]
  faceki-kyc-link --help | --version

generate
  Creates one link and prints its id and URL (or JSON with --json).
  --workflow-id W       the workflow's ID from the FACEKI portal (required)
  --application-id A    your own identifier for the person (e.g. your user id)
  --expiry-minutes N    link lifetime in minutes, 1..525600
  --redirect-url U      where the person goes after verifying (https)
  --json                print {"linkId","url","expiresAt"}

bulk
  Creates one link per row of a CSV file. Columns: applicationId (required); workflowId,
  expiryTime (minutes) and redirectUrl (optional, a non-empty cell overrides the flag); any
  other columns are copied to the output. Every row is checked before anything is sent; an
  applicationId that repeats gets one link.
  --in FILE             the input CSV (quoted fields, UTF-8 with or without BOM, CRLF or LF)
  --out FILE            the output CSV (private: 0600, never through a symbolic link): the input
                        columns plus linkId, url, expiresAt, status, errorCode, errorMessage, in
                        input order. status is created, failed (no link: safe to send again) or
                        uncertain (the request went out, no clear answer: a link may exist).
                        While it runs, results go to FILE.journal. If FILE exists, the run
                        resumes: created rows are skipped, failed rows are sent again, and
                        uncertain ones are listed, not sent.
  --workflow-id W       default workflow (required unless the CSV has a workflowId column)
  --expiry-minutes N    default link lifetime in minutes, 1..525600
  --redirect-url U      default redirect URL (https)
  --concurrency N       requests in flight at once, 1..256 (default 8)
  --check               only check the rows: list the bad ones with their line numbers
  --resend-uncertain    send uncertain rows again (check them in the FACEKI portal first:
                        a person may get a second link)
  --redis-url URL       share the backend's Redis stores (or FACEKI_REDIS_URL): its token, and
                        a person's unexpired link is reused, not made again (rows with an
                        expiry). Redis holds secrets: tokens and link URLs
  --redis-key-prefix P  the backend's keyPrefix (or FACEKI_REDIS_KEY_PREFIX; default faceki-kyc:)
  Ctrl-C stops starting rows and waits for those in flight (Ctrl-C again abandons them, and
  they become uncertain); run the same command again to resume. Output URLs are secrets.

status
  Looks up what became of a link in FACEKI's records and prints its status, the person's
  name and the request id (--json: the records as JSON). The status is final (exit 0) at the
  first ACCEPTED or DECLINED record, or at a record whose status FACEKI's documented fields do
  not tell (UNKNOWN: a record means a verification was submitted); pending (exit 6) while
  there is no record or only REVIEW ones.

bulk-status
  Looks up every link of a bulk output (its linkId column) and writes the same rows with
  verificationStatus (ACCEPTED, DECLINED, REVIEW, UNKNOWN, or PENDING: no record yet),
  fullName, requestId, checkedAt, lookupErrorCode and lookupErrorMessage columns (0600).
  If --out exists, its final rows are kept and the rest looked up again (lookups are safe
  to repeat). --concurrency N: lookups in flight, 1..64 (default 8). Exit 0 when every
  link is final, 6 when some are pending, 1 when some lookups failed.

sandbox
  Runs a local FACEKI-compatible server (default 127.0.0.1, any free port) until Ctrl-C.
  Its first output line is its URL.
  --allow-origin O      a browser origin (e.g. http://localhost:5173) that may call it
                        cross-origin (CORS); repeatable; none by default
  Completing a link (the buttons on its page, or POST /__sandbox/links/<id>/complete)
  makes a record and POSTs the result webhook to each --webhook-url, with every
  --webhook-header and, when FACEKI_WEBHOOK_SECRET is set, that value in the header
  --webhook-secret-header names (default Authorization). Failed deliveries are retried
  3 times in all, 0.5 s then 1 s apart. Portal actions on a record send their webhooks
  the same way: POST /__sandbox/records/<requestId>/status {"status":"DECLINED"} (a
  status update) and POST /__sandbox/records/<requestId>/aml {"amlStatus":"MATCH"}.

webhook listen
  Receives webhooks (say from the sandbox) on 127.0.0.1 and prints each verified event
  as one JSON line on stdout. The --header (default authorization) must equal
  FACEKI_WEBHOOK_SECRET (required): otherwise 401; a body that is not a JSON object, 400.
  Rejections are reported on stderr, without the header's value. Its URL goes to stderr.

Options of generate, bulk, status and bulk-status:
  --base-url B          API address (default https://sdk.faceki.com, or FACEKI_BASE_URL)
  --client-id C         client id (default FACEKI_CLIENT_ID; the secret is never a flag)
  --timeout-ms N        per-attempt timeout (default 30000)
  --max-retries N       retries for 429/502/503/504 and connection failures (default 2)

Numbers (N) are decimal digits only: 60, not 6e1 or 0x3c.

Credentials (secrets from the environment only, never from flags: --client-secret and
--token are refused):
  FACEKI_CLIENT_ID + FACEKI_CLIENT_SECRET   client credentials (token fetched and cached)
  FACEKI_TOKEN                              a bearer token
  FACEKI_BASE_URL                           API address
  FACEKI_WEBHOOK_SECRET                     webhook listen: the expected header value;
                                            sandbox: the header value it sends

Exit codes:
  0    success (bulk: every row ok; status, bulk-status: final)
  1    bulk: some rows failed or are uncertain (see status and errorCode in the output);
       bulk-status: some lookups failed
  2    usage, configuration or validation error: nothing was sent
  3    authentication failed (bulk stops starting rows)
  4    generate, status: FACEKI answered with an error
  5    generate, status: no answer (network error or timeout)
  6    status, bulk-status: pending (no final result yet)
  70   internal error (e.g. the output file could not be written)
  130  interrupted (Ctrl-C)
`;

module.exports = { HELP };
