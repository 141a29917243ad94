import { performance } from 'node:perf_hooks';
import type { EventStore, GlobalPosition } from '../eventStore/eventStore';

/** What the history commands touch outside themselves, so tests can run them in process. */
export interface CliIo {
  readonly env: NodeJS.ProcessEnv;
  /** Results (a report, a digest); an export without --out writes its lines here too. */
  readonly stdout: NodeJS.WritableStream;
  /** Progress and notes, so they never mix with results that are piped on. */
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  setExitCode(code: number): void;
}

export const processIo: CliIo = {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  setExitCode: (code) => void (process.exitCode = code),
};

/** The value after `--name`, or undefined. */
export function option(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index < 0) return undefined;
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value`);
  return value;
}

export const formatCount = (n: number): string => Math.round(n).toLocaleString('en-US');

export const rate = (events: number, ms: number): string => formatCount(ms > 0 ? (events * 1000) / ms : events);

/** The log's last position, to show progress as a share of it (EventStoreDB positions are byte offsets: still ordered). */
export async function headOf(store: EventStore): Promise<GlobalPosition | null> {
  for await (const event of store.readAll({ direction: 'backwards', maxCount: 1 })) return event.position;
  return null;
}

/**
 * Progress of a long pass over the log: a bar redrawn in place on a terminal, plain lines otherwise
 * (a log file or CI keeps every line, so they come at most every few seconds).
 */
export function progressReporter(io: CliIo, label: string, head: GlobalPosition | null) {
  const began = performance.now();
  const tty = io.stderr.isTTY === true;
  let lastLine = began;
  let drawn = false;
  const share = (position: GlobalPosition) =>
    head && head.commit > 0n ? Math.min(1, Number((position.commit * 1000n) / head.commit) / 1000) : 0;
  return {
    update(events: number, position: GlobalPosition): void {
      const now = performance.now();
      if (now - lastLine < (tty ? 200 : 5000)) return;
      lastLine = now;
      const fraction = share(position);
      const speed = `${rate(events, now - began)} events/s`;
      if (tty) {
        drawn = true;
        const filled = Math.round(fraction * 30);
        const bar = `[${'#'.repeat(filled)}${'.'.repeat(30 - filled)}]`;
        io.stderr.write(`\r${label} ${bar} ${Math.floor(fraction * 100)}% ${formatCount(events)} events, ${speed} `);
      } else {
        io.stderr.write(`${label}: ${formatCount(events)} events (${Math.floor(fraction * 100)}%), ${speed}\n`);
      }
    },
    done(): void {
      if (drawn) io.stderr.write('\n');
    },
  };
}
