'use strict';
// Parses the command line, runs one command, and turns any failure into a message and an exit code.

const { parseArgs } = require('node:util');
const { EXIT, exitCodeFor } = require('./exit-codes.cjs');
const { HELP } = require('./help.cjs');
const { UsageError } = require('./usage-error.cjs');
const { checkDecimalFlags } = require('./decimal-flags.cjs');
const { terminalSafe } = require('./terminal-safe.cjs');
const { checkKnownFlags } = require('./unknown-flags.cjs');
const { version } = require('../package.json');
const { bulk, BULK_FLAGS } = require('./bulk.cjs');
const { generate, GENERATE_FLAGS } = require('./generate.cjs');
const { listenForInterrupts } = require('./interrupt.cjs');
const { sandbox, SANDBOX_FLAGS } = require('./sandbox.cjs');
const { webhookListen, WEBHOOK_LISTEN_FLAGS } = require('./webhook/listen.cjs');
const { status, STATUS_FLAGS } = require('./status.cjs');
const { bulkStatus, BULK_STATUS_FLAGS } = require('./bulk-status.cjs');

const COMMANDS = {
  generate: { run: generate, flags: GENERATE_FLAGS },
  bulk: { run: bulk, flags: BULK_FLAGS },
  sandbox: { run: sandbox, flags: SANDBOX_FLAGS },
  status: { run: status, flags: STATUS_FLAGS },
  'bulk-status': { run: bulkStatus, flags: BULK_STATUS_FLAGS },
  'webhook listen': { run: webhookListen, flags: WEBHOOK_LISTEN_FLAGS },
};

// Commands of two words ('webhook listen'): the first word alone names none.
const GROUPS = new Set(['webhook']);

/** The command named by argv's first word (or two), and the arguments after it. */
function commandName(argv) {
  const [first, second, ...rest] = argv;
  if (GROUPS.has(first) && second !== undefined && !second.startsWith('-')) return [`${first} ${second}`, rest];
  return [first, argv.slice(1)];
}

// Flags every command takes.
const COMMON_FLAGS = { help: { type: 'boolean' }, version: { type: 'boolean' } };

function parse(command, args) {
  const options = { ...command.flags, ...COMMON_FLAGS };
  checkKnownFlags(args, options);
  let values;
  try {
    values = parseArgs({ args, options, strict: true }).values;
  } catch (error) {
    throw new UsageError(error.message);
  }
  checkDecimalFlags(values);
  return values;
}

// Messages can carry text from FACEKI (or whoever answers at --base-url): escaped before printing.
function describe(error) {
  const lines = [`error: ${terminalSafe(error.message)}`];
  for (const issue of error.issues ?? []) lines.push(`  ${terminalSafe(issue.field)}: ${terminalSafe(issue.message)}`);
  if (error.code)
    lines.push(
      `  (${error.code}${error.status ? `, HTTP ${error.status}` : ''}${error.attempts ? `, ${error.attempts} attempt(s)` : ''})`,
    );
  return `${lines.join('\n')}\n`;
}

async function runCommandLine(
  argv,
  io = { env: process.env, stdout: process.stdout, stderr: process.stderr, process },
) {
  const [name, args] = commandName(argv);
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(HELP);
    return name === undefined ? EXIT.USAGE : EXIT.OK;
  }
  if (name === '--version') {
    io.stdout.write(`${version}\n`);
    return EXIT.OK;
  }
  const command = COMMANDS[name];
  if (!command && GROUPS.has(name)) {
    const subcommands = Object.keys(COMMANDS).filter((key) => key.startsWith(`${name} `));
    io.stderr.write(`error: "${name}" needs a subcommand: ${subcommands.join(', ')}\n`);
    return EXIT.USAGE;
  }
  if (!command) {
    io.stderr.write(`error: unknown command "${terminalSafe(name)}"\n\n${HELP}`);
    return EXIT.USAGE;
  }
  const interrupt = listenForInterrupts(io.process);
  try {
    const flags = parse(command, args);
    if (flags.help) {
      io.stdout.write(HELP);
      return EXIT.OK;
    }
    if (flags.version) {
      io.stdout.write(`${version}\n`);
      return EXIT.OK;
    }
    return await command.run(flags, { ...io, signal: interrupt.signal, abandonSignal: interrupt.abandonSignal });
  } catch (error) {
    if (error instanceof UsageError) {
      // Line by line: parseArgs words some messages on several lines; what the user typed is escaped.
      const message = error.message.split('\n').map(terminalSafe).join('\n');
      io.stderr.write(`error: ${message}\nRun "faceki-kyc-link --help" for usage.\n`);
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
