import { Command } from 'commander';
import type { StreamVerification } from '../application/chainVerifier';
import { type LogVerification, verifyLog, verifyStream } from '../application/verifyLog';
import { formatPosition } from '../eventStore/eventStore';
import { openStore } from './openStore';
import { formatCount, headOf, progressReporter } from './historyIo';
import type { CliIo } from './io';

function describeStream(result: StreamVerification): string[] {
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

export function describeLog(result: LogVerification): string[] {
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
 * does not match and any missing revision; on a store whose positions are gapless, also any missing
 * position. Exit code 1 when anything does not verify.
 */
export async function verify(options: VerifyOptions, io: CliIo): Promise<void> {
  const streamId = options.stream;
  const store = await openStore(io.env);
  try {
    let lines: string[];
    let intact: boolean;
    if (streamId) {
      const result = await verifyStream(store, streamId);
      intact = result.intact && result.events > 0;
      lines = result.events === 0 ? [`MISSING ${streamId}: no such stream`] : describeStream(result);
      if (intact) lines.push(`verified ${streamId}: ${result.events} events, chain intact, head ${result.head?.hash}`);
    } else {
      const progress = progressReporter(io, 'verify', await headOf(store));
      const result = await verifyLog(store, {
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
