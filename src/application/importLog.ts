import {
  type EventStore,
  type GlobalPosition,
  type ExpectedRevision,
  comparePositions,
  parsePosition,
} from '../eventStore/eventStore';
import { StreamChainVerifier, type StreamVerification } from './chainVerifier';
import { ImportFormatError, type ImportedEvent } from './exportFormat';

export class ImportRefusedError extends Error {}

/** Import only ever fills an empty store: merging two logs would interleave two histories. */
export async function assertEmptyStore(store: EventStore): Promise<void> {
  for await (const event of store.readAll({ maxCount: 1 })) {
    throw new ImportRefusedError(
      `The target store is not empty (it holds ${event.streamId} and possibly more): import needs an empty store`,
    );
  }
}

export interface ImportCheck {
  readonly events: number;
  readonly streams: number;
}

/**
 * The first pass over an export, before anything is written: lines in strictly increasing source
 * position, every stream from revision 0 without gaps, every hash chain intact. A file that fails
 * is refused whole, so a half-imported store never has to be explained.
 */
export async function checkExport(events: AsyncIterable<ImportedEvent>): Promise<ImportCheck> {
  const verifiers = new Map<string, StreamChainVerifier>();
  let previous: GlobalPosition | null = null;
  let count = 0;
  for await (const event of events) {
    const position = parsePosition(event.position);
    if (!position) throw new ImportFormatError(`line ${event.line}: position ${event.position} is not a cursor`);
    if (previous && comparePositions(position, previous) <= 0)
      throw new ImportRefusedError(`line ${event.line}: positions are not in log order`);
    previous = position;
    let verifier = verifiers.get(event.streamId);
    if (!verifier) verifiers.set(event.streamId, (verifier = new StreamChainVerifier(event.streamId)));
    verifier.accept({ ...event, position });
    count += 1;
  }
  const broken = [...verifiers.values()].map((v) => v.result()).find((r) => !r.intact);
  if (broken) throw new ImportRefusedError(describeBroken(broken));
  return { events: count, streams: verifiers.size };
}

function describeBroken(result: StreamVerification): string {
  const gap = result.gaps[0];
  if (gap) return `Stream ${result.streamId} misses revisions ${gap.from}–${gap.to}: the export is incomplete`;
  const at = result.firstBreak!;
  return `Stream ${result.streamId}, revision ${at.revision} (${at.type}): ${at.reason}; run \`ocop verify\` on the source`;
}

/**
 * Appends every event in log order, one event per append with the revision before it as `expected`,
 * with its original id, data, metadata (so its hashes still verify) and recording time (kept where the
 * store keeps it). As many appends are in flight together as the store commits in the order made.
 */
export async function importEvents(store: EventStore, events: AsyncIterable<ImportedEvent>): Promise<number> {
  const inFlight = store.capabilities.orderedAppendsInFlight;
  let window: ImportedEvent[] = [];
  let count = 0;
  const appendWindow = async () => {
    // Made in one synchronous loop, so the appends reach the store together and in this order.
    const appends = window.map((event) => {
      const expected: ExpectedRevision = event.revision === 0n ? 'no_stream' : event.revision - 1n;
      const { id, type, data, metadata, recordedAt } = event;
      return store.append(event.streamId, [{ id, type, data, metadata, recordedAt }], expected);
    });
    count += window.length;
    window = [];
    await Promise.all(appends);
  };
  for await (const event of events) {
    window.push(event);
    if (window.length >= inFlight) await appendWindow();
  }
  await appendWindow();
  return count;
}
