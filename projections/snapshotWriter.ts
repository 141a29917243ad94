import { formatPosition, type RecordedEvent } from '#src/eventStore/eventStore';
import type { ProjectionRunner } from './runner';
import { wholeLogSlices } from '#src/core/fairSlices';
import { type SnapshotSettings, loadNewestSnapshot, writeSnapshot } from './snapshots';
import { lazyMapsOf } from './snapshotPayload';
import type { ReadModels } from './views/models';
import type { EventStore } from '#src/eventStore/eventStore';

export interface SnapshotWriter {
  /** The runner has caught up at start-up: write one now if the start replayed `everyEvents` or more. */
  caughtUp(): void;
  /** Writes one now if any event was applied since the last; resolves when it is on disk. */
  flush(): Promise<void>;
  stop(): void;
}

/**
 * Snapshots the live read models in the background: once the runner is ready, every `everyEvents`
 * events applied, and every `everyMs` when fewer arrived. Start-up counts: a start that replayed
 * `everyEvents` or more writes one as soon as it has caught up. One write at a time; a failure is logged and
 * the next trigger tries again.
 */
export function keepSnapshots(
  runner: ProjectionRunner,
  settings: SnapshotSettings,
  log: (line: string) => void,
): SnapshotWriter {
  let last: RecordedEvent | null = null;
  let since = 0;
  let writing: Promise<void> | null = null;
  const write = (): Promise<void> => {
    if (writing || !last || since === 0 || !runner.isReady()) return writing ?? Promise.resolve();
    const [event, count] = [last, since];
    since = 0;
    const release = runner.hold();
    writing = writeSnapshot(settings, runner.models, event, runner.lastRecordedAt)
      .finally(release)
      .then((file) =>
        log(`Read models snapshot written at ${formatPosition(event.position)} (${count} new events): ${file}`),
      )
      .catch((error: unknown) => {
        since += count;
        log(`Read-model snapshot failed: ${(error as Error).message}`);
      })
      .finally(() => (writing = null));
    return writing;
  };
  const unsubscribe = runner.onEvent((event) => {
    last = event;
    since += 1;
    if (since >= settings.everyEvents && runner.isReady()) void write();
  });
  const timer = setInterval(() => void write(), settings.everyMs).unref();
  return {
    caughtUp: () => {
      void decodeAhead(runner.models);
      if (since >= settings.everyEvents) void write();
    },
    flush: () => write().then(() => writing ?? undefined),
    stop: () => {
      unsubscribe();
      clearInterval(timer);
    },
  };
}

/**
 * Decodes the entries of models restored from a snapshot that no request has read yet, a slice at a
 * time in the process's one queue of long work (src/core/fairSlices.ts), so the snapshot's bytes can be let go and the first requests to read a whole
 * model do not pay for decoding it.
 */
async function decodeAhead(models: ReadModels): Promise<void> {
  for (const map of lazyMapsOf(models)) await map.decodeAll(() => wholeLogSlices.pause());
}

/**
 * Start-up from the newest usable snapshot (before `runner.start()`, which then replays only the events
 * after it), and snapshots kept from then on. Call `caughtUp()` once the runner has started.
 */
export async function restoreAndKeepSnapshots(
  runner: ProjectionRunner,
  store: EventStore,
  settings: SnapshotSettings,
  log: (line: string) => void,
): Promise<SnapshotWriter> {
  const restored = await loadNewestSnapshot(store, settings, log);
  if (restored) {
    runner.restore(restored);
    log(`Read models restored from ${restored.file}: replaying the events after ${formatPosition(restored.position)}`);
  }
  return keepSnapshots(runner, settings, log);
}
