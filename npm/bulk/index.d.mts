// ESM view of index.d.ts (the same declarations), so TypeScript reads them as ESM under "import".
export * from './index.js';
