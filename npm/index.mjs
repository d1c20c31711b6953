// ESM entry for Node: the CommonJS build re-exported, so import and require share one KycError class.
// Loaded with require() rather than `import cjs from`: through the ESM loader's CommonJS translator the
// first client took 65-80 ms longer to be ready on Node 20 (the cold-start benchmark measures it).
import { createRequire } from 'node:module';

const cjs = createRequire(import.meta.url)('./dist/index.cjs');

export const {
  configureWasm,
  createKycClient,
  createMemoryStore,
  generateKycLink,
  parseWebhook,
  createWebhookHandler,
  createWebhookFetchHandler,
  kycFacts,
  settledRecord,
  validateKycLinkRequest,
  KycError,
} = cjs;
