import { Command, CommanderError } from 'commander';
import { COMMANDS } from './commands';
import { type CliIo, UsageError, processIo } from './io';

/** A command line the CLI cannot act on (unknown flag, missing value, bad argument) exits with 2; a failed action with 1. */
const USAGE_EXIT_CODE = 2;

/** The command `ocop` with no command name runs. */
const DEFAULT_COMMAND = 'serve';

/** Commander's messages start `error: unknown option…`; the CLI's other messages are sentences. */
const asSentence = (text: string): string => text.replace(/^error: (.)/, (_, first: string) => first.toUpperCase());

function createProgram(io: CliIo): Command {
  const program = new Command('ocop')
    .description('The OCOP registry: serve its GraphQL API, and move, rebuild and check its event log.')
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
      outputError: (text, write) => write(asSentence(text)),
    })
    .addHelpText(
      'after',
      '\nThe store is the one OCOP_STORE names (sqlite at OCOP_SQLITE_PATH, or esdb at OCOP_ESDB_URL).',
    )
    .showHelpAfterError('(ocop <command> --help shows what it takes)')
    .exitOverride();
  for (const define of COMMANDS) program.addCommand(define(io).copyInheritedSettings(program));
  return program;
}

/**
 * Runs one `ocop` command line (`argv` without node and the script). Help answers 0, a command line the
 * CLI cannot act on answers USAGE_EXIT_CODE with a message on stderr; a failure of the action itself
 * rejects, for the caller to report.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<void> {
  try {
    await createProgram(io).parseAsync(argv.length === 0 ? [DEFAULT_COMMAND] : argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      io.setExitCode(error.exitCode === 0 ? 0 : USAGE_EXIT_CODE);
    } else if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n`);
      io.setExitCode(USAGE_EXIT_CODE);
    } else {
      throw error;
    }
  }
}
