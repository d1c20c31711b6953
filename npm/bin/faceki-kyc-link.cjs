#!/usr/bin/env node
'use strict';
// The command line: `faceki-kyc-link <command> [flags]`. Each command lives in ../cli/.

const { runCommandLine } = require('../cli/main.cjs');
const { EXIT } = require('../cli/exit-codes.cjs');

runCommandLine(process.argv.slice(2)).then(
  (exitCode) => {
    process.exitCode = exitCode;
  },
  (error) => {
    process.stderr.write(`internal error: ${error?.stack ?? error}\n`);
    process.exitCode = EXIT.INTERNAL;
  },
);
