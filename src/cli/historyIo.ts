import { performance } from 'node:perf_hooks';
import type { EventStore, GlobalPosition } from '../eventStore/eventStore';
import type { CliIo } from './io';

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
