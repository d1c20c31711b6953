'use strict';
// The Node glue and its .wasm bytes, found by CommonJS paths: this file runs bundled into dist/index.cjs,
// and '../dist/' names npm/dist from there as from src/. The glue stays a file of its own (external to
// the bundle); the bytes are read here because Emscripten 3.1.6 would otherwise fetch() a file path.
const { readFileSync } = require('node:fs');
const path = require('node:path');

exports.loadNodeGlue = () => ({
  createKycModule: require('../dist/kyc-node.cjs'),
  readWasmBinary: () => readFileSync(path.join(__dirname, '../dist/kyc-node.wasm')),
});
