import { randomUUID } from 'node:crypto';
import type { CommandContext } from '../../src/application/metadata';
import { getSqliteEventStore } from '../../src/eventStore/sqlite';
import { Rng } from '../support/rng';
import { type StreamHead, chainEvents, commandHash, emptyHead } from './chain';
import { type World, commandFor } from './commands';
import type { Scale } from './scale';
import { dateOfDay, schedule } from './schedule';

export interface GenerationSummary {
  readonly scale: Scale['name'];
  readonly seed: number;
  readonly events: number;
  readonly streams: number;
  readonly commands: number;
  /** Commands the deciders refused (a plan that no longer applies is not built at all). */
  readonly refused: number;
  readonly byType: Record<string, number>;
  readonly generatedMs: number;
}

/** Recorded at 10:00 in Vietnam on the decision day: the log's recording times follow its business dates. */
const RECORDING_HOUR_UTC = 3;

/**
 * Writes a synthetic decade of OCOP work to a SQLite file through the real adapter: each day's
 * commands are decided by the domain's deciders, chained like the command handler chains them,
 * and appended together, so a day is one transaction (group commit) recorded at that day's time.
 */
export async function generate(scale: Scale, seed: number, path: string): Promise<GenerationSummary> {
  const started = Date.now();
  const rng = new Rng(seed);
  const { entities, intents } = schedule(scale, rng);
  let now = 0;
  const store = getSqliteEventStore({ path, clock: () => now });
  const streams = new Map<string, { head: StreamHead; state: unknown }>();
  let serial = 0;
  const world: World = {
    stateOf: (streamId) => streams.get(streamId)?.state,
    serial: () => ++serial,
    productSubject: (index) => entities.productSubjects[index]!,
  };
  const byType: Record<string, number> = {};
  let events = 0;
  let commands = 0;
  let refused = 0;
  try {
    for (let i = 0; i < intents.length;) {
      const day = intents[i]!.day;
      const today = dateOfDay(day);
      now = Date.parse(`${today}T0${RECORDING_HOUR_UTC}:00:00Z`);
      const appends: Promise<unknown>[] = [];
      for (; i < intents.length && intents[i]!.day === day; i++) {
        const step = commandFor(intents[i]!, today, rng, world);
        if (!step) continue;
        const stream = streams.get(step.streamId) ?? { head: emptyHead(), state: step.initialState() };
        let decided;
        try {
          decided = step.decide(stream.state);
        } catch {
          refused++;
          continue;
        }
        commands++;
        if (decided.length === 0) continue;
        const expected = stream.head.revision < 0n ? 'no_stream' : stream.head.revision;
        const commandId = rng.uuid();
        const context: CommandContext = {
          commandId,
          correlationId: commandId,
          causationId: null,
          actor: step.actor,
          now: new Date(now),
        };
        const chained = chainEvents(step.streamId, stream.head, decided, context, commandHash(step.command), () =>
          rng.uuid(),
        );
        stream.state = decided.reduce((s, e) => step.evolve(s, e), stream.state);
        streams.set(step.streamId, stream);
        appends.push(store.append(step.streamId, chained, expected));
        for (const event of decided) byType[event.type] = (byType[event.type] ?? 0) + 1;
        events += decided.length;
      }
      await Promise.all(appends);
    }
  } finally {
    await store.close();
  }
  return {
    scale: scale.name,
    seed,
    events,
    streams: streams.size,
    commands,
    refused,
    byType,
    generatedMs: Date.now() - started,
  };
}

/** A fresh id for files written next to the cache while it is being generated. */
export const temporarySuffix = (): string => `.tmp-${randomUUID().slice(0, 8)}`;
