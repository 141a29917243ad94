import type { EventStore } from './eventStore';

/** How far apart the clocks may be before the service warns at start-up. */
export const CLOCK_OFFSET_WARNING_MS = 3000;

/** The start-up warning for a server clock `offsetMs` away from ours, or undefined when it is close enough. */
export function clockOffsetWarning(offsetMs: number): string | undefined {
  if (Math.abs(offsetMs) <= CLOCK_OFFSET_WARNING_MS) return undefined;
  const seconds = (Math.abs(offsetMs) / 1000).toFixed(1);
  const side = offsetMs > 0 ? 'ahead of' : 'behind';
  return (
    `The event store's clock is ${seconds} s ${side} this machine's: events are stamped with the ` +
    `server's time, and once it is ahead by more than the append deadline (5 s) every append times ` +
    `out. Synchronise both machines' clocks with NTP (docs/eventstoredb.md, "Clocks").`
  );
}

/**
 * At start-up, on a store whose server stamps events by its own clock: compares that clock with this
 * machine's and warns when they are far apart. A store it cannot reach is warned about too, never
 * fatal: the service starts and answers UNAVAILABLE until the store is back.
 */
export async function checkStoreClock(store: EventStore, warn: (message: string) => void): Promise<number | null> {
  if (!store.serverClockOffsetMs) return null;
  try {
    const offset = await store.serverClockOffsetMs();
    const warning = clockOffsetWarning(offset);
    if (warning) warn(warning);
    return offset;
  } catch (error) {
    warn(`The event store's clock could not be checked: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}
