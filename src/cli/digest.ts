import { parseCursor } from '../application/eventLog';
import { digestHeads, headsText } from '../application/headsDigest';
import { loadConfig } from '../config';
import { openStore } from '../openStore';
import { type CliIo, option, processIo } from './historyIo';

/**
 * `ocop digest [--at POSITION | --events N] [--heads]`: the SHA-256 of every stream's head (up to
 * POSITION, or over the first N events: the cut to use after an import into another store), the value
 * to publish. `--heads` prints the hashed text instead (`streamId revision hash` a line), so
 * `ocop digest --heads | sha256sum` gives the digest: anyone can recompute it.
 */
export async function digest(args: string[], io: CliIo = processIo): Promise<void> {
  const atText = option(args, '--at');
  const eventsText = option(args, '--events');
  const events = eventsText === undefined ? undefined : Number(eventsText);
  if (events !== undefined && !(Number.isSafeInteger(events) && events >= 0))
    throw new Error('--events must be a whole number of events');
  const store = await openStore(loadConfig(io.env));
  try {
    const result = await digestHeads(store, { at: atText ? parseCursor(atText, '--at') : undefined, events });
    if (args.includes('--heads')) {
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
