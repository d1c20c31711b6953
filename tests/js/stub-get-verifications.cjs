'use strict';
// Loaded with `node --require` by tests/js/cli-status.test.mjs, only in a build whose client has no
// getVerifications yet: a stand-in that follows issue 12's contract (an array of { requestId, linkId,
// applicationId, status, fullName, documents, raw }) over the sandbox's records endpoint, so the CLI's
// own logic can be tested before the package's lands. It reads the sandbox's own `status` field, which
// FACEKI does not document; the real getVerifications decides from documented fields.

const path = require.resolve('../../npm/dist/index.cjs');
const real = require(path);
const QUERY_KEYS = { link: 'link', requestId: 'requestId', applicationId: 'record_identifier' };

async function createKycClient(options) {
  const client = await real.createKycClient(options);
  client.getVerifications = async (query, { signal } = {}) => {
    const token = await client.getAccessToken({ signal });
    const [key, value] = Object.entries(query)[0];
    const url = `${options.baseUrl}/kycverify/api/kycverify/records?${QUERY_KEYS[key]}=${encodeURIComponent(value)}`;
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal });
    if (response.status === 401) {
      throw Object.assign(new Error('token refused'), { name: 'KycError', code: 'UNAUTHORIZED' });
    }
    const { result } = await response.json();
    return result.map((raw) => ({
      requestId: raw.requestId,
      linkId: raw.link,
      applicationId: raw.record_identifier,
      status: raw.status ?? 'UNKNOWN',
      fullName: raw.document_data[0]?.full_name ?? null,
      documents: raw.document_data,
      raw,
    }));
  };
  return client;
}

require.cache[path].exports = { ...real, createKycClient };
