// ESM entry for Node: the CommonJS build re-exported, so import and require share one KycError class.
import cjs from './dist/index.cjs';

export const { configureWasm, createKycClient, createMemoryStore, generateKycLink, KycError, kycFacts, validateKycLinkRequest } =
  cjs;
