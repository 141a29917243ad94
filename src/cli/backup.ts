import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { digestHeads } from '../application/headsDigest';
import { verifyLog } from '../application/verifyLog';
import type { StoreBackup } from '../eventStore/eventStore';
import { openStore } from './openStore';
import { formatCount } from './historyIo';
import { type CliIo, UsageError } from './io';
import { describeLog } from './verify';

export interface BackupOptions {
  readonly to: string;
}

/**
 * A consistent copy of the running store in a new file (SQLite's online backup: the service keeps
 * writing meanwhile), then the copy checked as `ocop verify` checks a store, and its digest printed as
 * `ocop digest` prints it, to keep with the file. Exit code 1 when the copy does not verify.
 */
export async function backup(options: BackupOptions, io: CliIo): Promise<void> {
  const target = resolve(options.to);
  if (existsSync(target)) throw new UsageError(`${target} already exists: a backup never overwrites a file`);
  const copy = await takeBackup(io, target);
  const copied = copy.open();
  try {
    const verification = await verifyLog(copied);
    const digest = await digestHeads(copied);
    io.stdout.write(
      [
        `backup    ${copy.description} (${formatCount(copy.bytes)} bytes)`,
        ...describeLog(verification),
        `digest    ${digest.digest}`,
        `position  ${digest.position ?? '(empty log)'}`,
        `events    ${digest.events}`,
      ].join('\n') + '\n',
    );
    if (!verification.intact) io.setExitCode(1);
  } finally {
    await copied.close();
  }
}

/** Asks the configured store for a copy of itself; a store without one is backed up with its own tools. */
async function takeBackup(io: CliIo, target: string): Promise<StoreBackup> {
  const store = await openStore(io.env);
  try {
    if (!store.backupTo)
      throw new UsageError(`${store.description} is backed up with its own tools (see docs/operations.md)`);
    return await store.backupTo(target);
  } finally {
    await store.close();
  }
}

export const backupCommand = (io: CliIo): Command =>
  new Command('backup')
    .description('Copy the running store to a new file, consistently, then verify the copy and print its digest.')
    .requiredOption('--to <file>', 'the new file to write (never overwritten)')
    .action((options: BackupOptions) => backup(options, io));
