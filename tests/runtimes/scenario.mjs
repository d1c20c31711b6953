// What every runtime runs, with only web-standard APIs: a link against the sandbox (client credentials,
// so the token endpoint is used too), then the two transport rules against the hostile server. Returns
// plain data; the Node harness (expect.mjs) judges it, so a runtime only has to print it.

const SANDBOX_CLIENT = { clientId: 'sandbox-client', clientSecret: 'sandbox-secret' };
const WORKFLOW = 'sandbox-workflow';
// The smallest cap allowed: the hostile server's oversize answer is far past it.
const MAX_RESPONSE_BYTES = 1024;

async function settle(promise, KycError) {
  try {
    const link = await promise;
    return { ok: true, linkId: link.linkId, url: link.url };
  } catch (error) {
    return { ok: false, isKycError: error instanceof KycError, error: error?.toJSON ? error.toJSON() : String(error) };
  }
}

/** A one-call client; the hostile server tells the cases apart by the token. */
async function hostileCall({ createKycClient, KycError }, hostileUrl, token) {
  const options = { baseUrl: hostileUrl, token, maxRetries: 0, maxResponseBytes: MAX_RESPONSE_BYTES };
  const client = await createKycClient(options);
  try {
    return await settle(client.generateKycLink({ workflowId: WORKFLOW }), KycError);
  } finally {
    client.close();
  }
}

/**
 * @param {{ createKycClient: Function, KycError: Function }} kyc the package as the runtime resolved it
 * @param {{ sandboxUrl: string, hostileUrl: string, applicationId: string }} config from the harness
 */
export async function runScenario(kyc, { sandboxUrl, hostileUrl, applicationId }) {
  const report = {};
  const client = await kyc.createKycClient({ baseUrl: sandboxUrl, ...SANDBOX_CLIENT, maxRetries: 0 });
  try {
    const request = { workflowId: WORKFLOW, applicationId, expiryTime: 30 };
    report.link = await settle(client.generateKycLink(request), kyc.KycError);
  } finally {
    client.close();
  }
  report.redirect = await hostileCall(kyc, hostileUrl, 'token-for-308');
  report.oversize = await hostileCall(kyc, hostileUrl, 'token-for-oversize');
  return report;
}
