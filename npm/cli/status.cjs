'use strict';
// `faceki-kyc-link status`: what became of one link (or request, or applicationId): its status and the
// person's name, from FACEKI's records. Exit 0 when the status is final, 6 while it is pending.

const { createKycClient } = require('../dist/index.cjs');
const { clientOptionsFrom, CLIENT_FLAGS } = require('./credentials.cjs');
const { EXIT } = require('./exit-codes.cjs');
const { terminalSafe, terminalSafeJson } = require('./terminal-safe.cjs');
const { UsageError } = require('./usage-error.cjs');
const { decidingRecord } = require('./verification-lookup.cjs');

const FLAGS = {
  link: { type: 'string' },
  'request-id': { type: 'string' },
  'application-id': { type: 'string' },
  json: { type: 'boolean' },
  ...CLIENT_FLAGS,
};

const QUERY_KEY_OF_FLAG = { link: 'link', 'request-id': 'requestId', 'application-id': 'applicationId' };

function queryFrom(flags) {
  const given = Object.keys(QUERY_KEY_OF_FLAG).filter((flag) => flags[flag] !== undefined);
  if (given.length !== 1) throw new UsageError('give exactly one of --link, --request-id or --application-id');
  return { [QUERY_KEY_OF_FLAG[given[0]]]: flags[given[0]] };
}

/** The fields of a record worth printing; `raw` (all of FACEKI's record) stays out of the terminal. */
const summaryOf = ({ requestId, linkId, applicationId, status, fullName }) => ({
  requestId,
  linkId,
  applicationId,
  status,
  fullName,
});

function textOf(decision, count) {
  if (decision.record === null) return 'status: PENDING (nothing submitted yet)\n';
  const { status, fullName, requestId } = decision.record;
  const pending = decision.final ? '' : ' (pending)';
  return (
    `status: ${terminalSafe(status)}${pending}\nname: ${terminalSafe(fullName ?? '')}\n` +
    `request id: ${terminalSafe(requestId ?? '')}\nrecords: ${count}\n`
  );
}

async function status(flags, { env, stdout, signal }) {
  const query = queryFrom(flags);
  const client = await createKycClient(clientOptionsFrom(flags, env));
  try {
    const getVerifications = (query, options) => client.getVerifications(query, options);
    const records = await getVerifications(query, { signal });
    const decision = decidingRecord(records);
    // Names, ids and statuses come from the server: escaped, so they cannot drive the terminal.
    if (flags.json) {
      const record = decision.record && summaryOf(decision.record);
      stdout.write(`${terminalSafeJson({ final: decision.final, record, records: records.map(summaryOf) })}\n`);
    } else {
      stdout.write(textOf(decision, records.length));
    }
    return decision.final ? EXIT.OK : EXIT.PENDING;
  } finally {
    client.close();
  }
}

module.exports = { status, STATUS_FLAGS: FLAGS };
