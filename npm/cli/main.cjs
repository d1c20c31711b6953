'use strict';
// Parses the command line, runs one command, and turns any failure into a message and an exit code.

const { parseArgs } = require('node:util');
const { EXIT, exitCodeFor } = require('./exit-codes.cjs');
const { HELP } = require('./help.cjs');
const { UsageError } = require('./usage-error.cjs');
const { bulk, BULK_FLAGS } = require('./bulk.cjs');
const { generate, GENERATE_FLAGS } = require('./generate.cjs');
const { listenForInterrupts } = require('./interrupt.cjs');
const { sandbox, SANDBOX_FLAGS } = require('./sandbox.cjs');

const COMMANDS = {
  generate: { run: generate, flags: GENERATE_FLAGS },
  bulk: { run: bulk, flags: BULK_FLAGS },
  sandbox: { run: sandbox, flags: SANDBOX_FLAGS },
};

function parse(command, args) {
  try {
    return parseArgs({ args, options: { ...command.flags, help: { type: 'boolean' } }, strict: true }).values;
  } catch (error) {
    throw new UsageError(error.message);
  }
}

function describe(error) {
  const lines = [`error: ${error.message}`];
  for (const issue of error.issues ?? []) lines.push(`  ${issue.field}: ${issue.message}`);
  if (error.code) lines.push(`  (${error.code}${error.status ? `, HTTP ${error.status}` : ''}${error.attempts ? `, ${error.attempts} attempt(s)` : ''})`);
  return lines.join('\n') + '\n';
}

async function runCommandLine(argv, io = { env: process.env, stdout: process.stdout, stderr: process.stderr, process }) {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(HELP);
    return name === undefined ? EXIT.USAGE : EXIT.OK;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`error: unknown command "${name}"\n\n${HELP}`);
    return EXIT.USAGE;
  }
  const interrupt = listenForInterrupts(io.process);
  try {
    const flags = parse(command, args);
    if (flags.help) {
      io.stdout.write(HELP);
      return EXIT.OK;
    }
    return await command.run(flags, { ...io, signal: interrupt.signal, abandonSignal: interrupt.abandonSignal });
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`error: ${error.message}\nRun "faceki-kyc-link --help" for usage.\n`);
      return EXIT.USAGE;
    }
    if (error?.name !== 'KycError') throw error;
    io.stderr.write(describe(error));
    return exitCodeFor(error);
  } finally {
    interrupt.release();
  }
}

module.exports = { runCommandLine };
