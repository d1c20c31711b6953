// ESM face of faceki-kyc-link/redis (the CommonJS module, so the CLI and ESM share one implementation).
import cjs from './index.cjs';

export const { createRedisStores } = cjs;
