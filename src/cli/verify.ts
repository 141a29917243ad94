import Database from 'better-sqlite3';
import { Command } from 'commander';
import { resolve } from 'node:path';
import type { StreamVerification } from '../application/chainVerifier';
import { type LogVerification, verifyLog, verifyStream } from '../application/verifyLog';
import { type Config, loadConfig } from '../config';
import { formatPosition } from '../eventStore/eventStore';
import { openStore } from '../openStore';
import { formatCount, headOf, progressReporter } from './historyIo';
import type { CliIo } from './io';

/**
 * The highest row id SQLite ever assigned to the log (AUTOINCREMENT keeps it in sqlite_sequence), read
 * from the file directly: rows deleted at the very end of the log leave no gap between the rows left.
 */
function highestAssigned(config: Config): bigint | null {
  const db = new Database(resolve(config.sqlitePath), { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'events'").get() as
      { seq: number } | undefined;
    return row ? BigInt(row.seq) : null;
  } finally {
    db.close();
  }
}

export function describeStream(result: StreamVerification): string[] {
  const lines: string[] = [];
  const at = result.firstBreak;
  if (at) {
    lines.push(
      `BROKEN  ${result.streamId} revision ${at.revision} (${at.type}) at position ${formatPosition(at.position)}: ` +
        `${at.reason}, expected ${at.expected}, found ${at.found ?? 'nothing'}` +
        (result.breaks > 1 ? ` (${result.breaks} events of the stream do not match)` : ''),
    );
  }
  for (const gap of result.gaps)
    lines.push(
      `MISSING ${result.streamId} revision${gap.from === gap.to ? ` ${gap.from}` : `s ${gap.from}–${gap.to}`}`,
    );
  return lines;
}

function describeLog(result: LogVerification): string[] {
  const lines = result.failedStreams.flatMap(describeStream);
  for (const gap of result.positionGaps)
    lines.push(
      `MISSING ${gap.missing} event(s) after position ${gap.after}${gap.before ? `, before ${gap.before}` : ', at the end'}`,
    );
  const summary = `${formatCount(result.events)} events in ${formatCount(result.streams)} streams`;
  lines.push(
    result.intact
      ? `verified ${summary}: every hash chain intact, no revision or position missing`
      : `FAILED  ${summary}: ${result.failedStreams.length} stream(s) and ${result.positionGaps.length} position gap(s) do not verify`,
  );
  return lines;
}

export interface VerifyOptions {
  readonly stream?: string;
}

/**
 * Recomputes the hash chain of every stream (or one) and reports the first event of each stream that
 * does not match and any missing revision; on SQLite, also any missing position. Exit code 1 when
 * anything does not verify.
 */
export async function verify(options: VerifyOptions, io: CliIo): Promise<void> {
  const config = loadConfig(io.env);
  const streamId = options.stream;
  const store = await openStore(config);
  try {
    let lines: string[];
    let intact: boolean;
    if (streamId) {
      const result = await verifyStream(store, streamId);
      intact = result.intact && result.events > 0;
      lines = result.events === 0 ? [`MISSING ${streamId}: no such stream`] : describeStream(result);
      if (intact) lines.push(`verified ${streamId}: ${result.events} events, chain intact, head ${result.head?.hash}`);
    } else {
      const sqlite = config.store === 'sqlite';
      const progress = progressReporter(io, 'verify', await headOf(store));
      const result = await verifyLog(store, {
        densePositions: sqlite,
        highestAssigned: sqlite ? highestAssigned(config) : null,
        onProgress: (events, position) => progress.update(events, position),
      });
      progress.done();
      ({ intact } = result);
      lines = describeLog(result);
    }
    io.stdout.write(`${lines.join('\n')}\n`);
    if (!intact) io.setExitCode(1);
  } finally {
    await store.close();
  }
}

export const verifyCommand = (io: CliIo): Command =>
  new Command('verify')
    .description('Recompute every hash chain and name what does not match or is missing; exit code 1 if anything.')
    .option('--stream <id>', 'only this stream')
    .action((options: VerifyOptions) => verify(options, io));
