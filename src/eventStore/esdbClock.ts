import { BACKWARDS, END, type EventStoreDBClient } from '@eventstore/db-client';
import { withDeadline } from './esdbDeadline';
import { translateEsdbError } from './esdbErrors';

/**
 * The stream whose metadata takes the probes: setting it writes a `$metadata` event to
 * `$$ocop-clock-probe`, a system stream and type that never reach the application, and a metadata
 * stream keeps only its last event.
 */
const PROBE_STREAM = 'ocop-clock-probe';

/**
 * Writes a probe event and compares the `created` time the server stamped on it with this machine's
 * clock: the offset by which the server's clock is ahead (negative: behind), or 0 when the stamp falls
 * within the round trip. The client sends each BatchAppend's deadline as a time by its own clock,
 * which the server measures by its own, so a client clock behind by more than the deadline times
 * every append out; `created` (an event's `recordedAt`) is the server's clock too.
 */
export async function measureClockOffset(client: EventStoreDBClient, deadlineMs: number): Promise<number> {
  try {
    const sent = Date.now();
    await withDeadline(
      client.setStreamMetadata(PROBE_STREAM, { maxCount: 1 }, { deadline: deadlineMs, requiresLeader: true }),
      deadlineMs,
      'a clock probe',
    );
    let created: number | undefined;
    const read = client.readStream(`$$${PROBE_STREAM}`, {
      direction: BACKWARDS,
      fromRevision: END,
      maxCount: 1,
      requiresLeader: true,
    });
    const reading = (async () => {
      for await (const resolved of read) created = resolved.event?.created.getTime();
    })();
    await withDeadline(reading, deadlineMs, 'a clock probe');
    const received = Date.now();
    if (created === undefined) throw new Error('the clock probe was written but not read back');
    if (created > received) return created - received;
    return created < sent ? created - sent : 0;
  } catch (error) {
    throw translateEsdbError(error);
  }
}
