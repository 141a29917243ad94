import type { Command } from 'commander';

/** What a command touches outside itself, so tests can run the whole CLI in process. */
export interface CliIo {
  readonly env: NodeJS.ProcessEnv;
  /** Results (a report, a digest, a token, help); an export without --out writes its lines here too. */
  readonly stdout: NodeJS.WritableStream;
  /** Progress, notes and errors, so they never mix with results that are piped on. */
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  setExitCode(code: number): void;
}

export const processIo: CliIo = {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  setExitCode: (code) => void (process.exitCode = code),
};

/** One `ocop` sub-command: its name, options, help and action, bound to where it reads and writes. */
export type CommandFactory = (io: CliIo) => Command;

/** A command line that parsed but does not make sense (a value out of range, a role that cannot act): exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
