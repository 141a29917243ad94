import { randomBytes } from 'node:crypto';
import type { Decider, DomainEvent } from '../core/decider';
import { ConcurrencyError, IllegalStateError, UnavailableError } from '../core/errors';
import { canonicalJson, type JsonObject } from '../core/json';
import {
  type EventStore,
  EventStoreUnavailableError,
  type GlobalPosition,
  type RecordedEvent,
  WrongExpectedVersionError,
} from '../eventStore/eventStore';
import { GENESIS_HASH, hashEvent, sha256 } from './hashChain';
import { type CommandContext, type CommandEventMetadata } from './metadata';
import { schemaVersionOf, upcast } from '../domain/upcast';

/** An event as this command appended it (its global position is the result's `position` or before). */
export interface AppendedEvent {
  readonly id: string;
  readonly streamId: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
}

export interface CommandResult<State> {
  /** The events this command appended, or, for a repeated commandId, the ones it appended before. */
  readonly events: readonly AppendedEvent[];
  readonly state: State;
  /** The position of the last event, for read-your-writes; null when nothing was ever appended. */
  readonly position: GlobalPosition | null;
  /** True when the answer comes from an earlier run of the same command (idempotent retry). */
  readonly repeated: boolean;
}

export interface HandleOptions<State, Command = object> {
  /** Re-reads and re-decides after a conflicting concurrent write, this many times at most. */
  readonly maxRetries?: number;
  /**
   * Judges whether the actor may act on the target as it was just loaded (it throws FORBIDDEN when
   * not). It runs on every attempt, before the repeat check and the decider, on the same state.
   */
  readonly authorize?: (state: State) => void;
  /** Told each time the command is decided again after a concurrent write (for the retry metric). */
  readonly onRetry?: (streamId: string) => void;
  /** The pause before the first retry, doubled before each next one, with jitter. Default 10 ms. */
  readonly retryDelayMs?: number;
  /**
   * The same command as earlier code built it (with an id it derived another way): an earlier run
   * recorded with one of these is answered as a repeat too, not refused as a different command.
   */
  readonly formerly?: readonly Command[];
}

/**
 * Load, authorize, decide, append: folds the stream into state once, lets `authorize` judge the
 * actor on that state, lets the decider turn the command into events, and appends them expecting
 * the revision it read. A concurrent writer makes the append fail; the command is then judged and
 * decided again on fresh state, a bounded number of times, after a growing pause with jitter, so
 * writers that collided do not collide again at once and a replica that lags has time to catch up.
 */
export async function handleCommand<State, Command extends { readonly type: string }, Event extends DomainEvent>(
  store: EventStore,
  streamId: string,
  decider: Decider<State, Command, Event>,
  command: Command,
  context: CommandContext,
  options: HandleOptions<State, Command> = {},
): Promise<CommandResult<State>> {
  const maxRetries = options.maxRetries ?? 5;
  const commandHash = hashCommand(command);
  const sameCommand = new Set([commandHash, ...(options.formerly ?? []).map(hashCommand)]);
  for (let attempt = 0; ; attempt++) {
    try {
      const loaded = await loadStream(store, streamId, decider);
      options.authorize?.(loaded.state);
      const earlier = loaded.recorded.filter((e) => sameIdempotencyKey(e, command.type, context));
      if (earlier.length > 0) return repeatedResult(earlier, sameCommand, loaded.state);
      const decided = decider.decide(command, loaded.state);
      if (decided.length === 0) return { events: [], state: loaded.state, position: null, repeated: false };
      const toAppend = chain(streamId, loaded.recorded.at(-1), decided, context, {
        type: command.type,
        hash: commandHash,
      });
      const expected = loaded.recorded.length === 0 ? 'no_stream' : loaded.recorded.at(-1)!.revision;
      const result = await store.append(streamId, toAppend, expected);
      const state = decided.reduce(decider.evolve, loaded.state);
      return { events: toAppend, state, position: result.position, repeated: false };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        if (attempt < maxRetries) {
          options.onRetry?.(streamId);
          await pause(retryPauseMs(options.retryDelayMs ?? 10, attempt));
          continue;
        }
        throw new ConcurrencyError(`Stream ${streamId} kept changing; try again`, { streamId });
      }
      if (error instanceof EventStoreUnavailableError) {
        const outcome = error.outcomeUnknown
          ? 'the write was not confirmed in time and may have been recorded: sending the same command ' +
            'with the same commandId again is safe'
          : 'nothing was recorded';
        throw new UnavailableError(`The event store is unavailable; ${outcome}`, { cause: error.message });
      }
      throw error;
    }
  }
}

/** Half to all of `base` × 2^attempt: spread out, so colliding writers do not meet again in step. */
export function retryPauseMs(base: number, attempt: number): number {
  const ceiling = base * 2 ** attempt;
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function loadStream<State, Event extends DomainEvent>(
  store: EventStore,
  streamId: string,
  decider: Pick<Decider<State, never, Event>, 'initialState' | 'evolve'>,
): Promise<{ state: State; recorded: RecordedEvent[] }> {
  const recorded: RecordedEvent[] = [];
  let state = decider.initialState();
  for await (const event of store.readStream(streamId)) {
    recorded.push(event);
    state = decider.evolve(state, upcast<Event>(event));
  }
  return { state, recorded };
}

/**
 * A commandId is one office's key for one kind of command: it repeats only a command of the same kind
 * from the same administrative unit, so another office using the same commandId on the same stream,
 * or the same office using it for another kind of command, is decided on its own. Events recorded
 * before the kind was kept (no `commandType`) match a command of any kind, as they always did.
 */
export function sameIdempotencyKey(event: RecordedEvent, commandType: string, context: CommandContext): boolean {
  const actor = event.metadata['actor'] as { unit?: string | null } | undefined;
  const recordedType = event.metadata['commandType'];
  return (
    event.metadata['commandId'] === context.commandId &&
    (actor?.unit ?? null) === context.actor.unit &&
    (recordedType === undefined || recordedType === commandType)
  );
}

function repeatedResult<State>(
  earlier: RecordedEvent[],
  sameCommand: ReadonlySet<string>,
  state: State,
): CommandResult<State> {
  if (!sameCommand.has(String(earlier[0]!.metadata['commandHash']))) {
    throw new IllegalStateError('This commandId was already used for a different command', {
      commandId: earlier[0]!.metadata['commandId'],
    });
  }
  return { events: earlier, state, position: earlier.at(-1)!.position, repeated: true };
}

/** The command's fingerprint, without the day it was sent on, so a retry on another day still matches. */
function hashCommand(command: object): string {
  const { today: _today, ...rest } = command as Record<string, unknown>;
  return sha256(canonicalJson(rest));
}

function chain(
  streamId: string,
  previous: RecordedEvent | undefined,
  events: readonly DomainEvent[],
  context: CommandContext,
  command: { type: string; hash: string },
): AppendedEvent[] {
  let prevHash = previous ? String(previous.metadata['hash']) : GENESIS_HASH;
  let revision = previous ? previous.revision : -1n;
  const chained = events.map((event) => {
    revision += 1n;
    const metadata: CommandEventMetadata = {
      commandId: context.commandId,
      commandType: command.type,
      commandHash: command.hash,
      correlationId: context.correlationId,
      causationId: context.causationId,
      actor: { ...context.actor },
      recordedAt: context.now.toISOString(),
      schemaVersion: schemaVersionOf(event.type),
      prevHash,
    };
    const data = event.data as JsonObject;
    const hash = hashEvent({ streamId, revision, type: event.type, data, metadata });
    prevHash = hash;
    return { id: timeOrderedUuid(), streamId, revision, type: event.type, data, metadata: { ...metadata, hash } };
  });
  return chained;
}

/**
 * A version-7 UUID (RFC 9562): 48 bits of Unix milliseconds, then random bits. Event ids made later
 * sort later, so a store's unique index on them grows at its end instead of dirtying a random page
 * on every append.
 */
export function timeOrderedUuid(now: number = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
