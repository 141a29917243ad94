import { Command, Option } from 'commander';
import { digestHeads, headsText } from '../application/headsDigest';
import type { GlobalPosition } from '../eventStore/eventStore';
import { openStore } from './openStore';
import { countArgument, positionArgument } from './arguments';
import type { CliIo } from './io';

export interface DigestOptions {
  readonly at?: GlobalPosition;
  readonly events?: number;
  readonly heads?: boolean;
}

/**
 * The SHA-256 of every stream's head (up to a position, or over the first N events: the cut to use after
 * an import into another store), the value to publish; or the hashed text itself, so anyone can recompute it.
 */
export async function digest(options: DigestOptions, io: CliIo): Promise<void> {
  const store = await openStore(io.env);
  try {
    const result = await digestHeads(store, { at: options.at, events: options.events });
    if (options.heads) {
      io.stdout.write(headsText(result.heads));
      return;
    }
    io.stdout.write(
      [
        `digest    ${result.digest}`,
        `position  ${result.position ?? '(empty log)'}`,
        `events    ${result.events}`,
        `streams   ${result.streams}`,
        `recorded  ${result.recordedAt?.toISOString() ?? '-'}`,
      ].join('\n') + '\n',
    );
  } finally {
    await store.close();
  }
}

export const digestCommand = (io: CliIo): Command =>
  new Command('digest')
    .description("The SHA-256 of every stream's head, with its position: the value to publish.")
    .addOption(new Option('--at <position>', 'the log up to and including this position').argParser(positionArgument))
    .addOption(
      new Option('--events <count>', 'the first COUNT events (the same cut in a store an export was imported into)')
        .argParser(countArgument)
        .conflicts('at'),
    )
    .option(
      '--heads',
      'print the hashed text (`streamId revision hash` a line) instead: piped to sha256sum it gives the digest',
    )
    .action((options: DigestOptions) => digest(options, io));
