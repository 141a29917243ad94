import { createHash } from 'node:crypto';
import type { DomainEvent } from '../../src/core/decider';
import { canonicalJson, type JsonObject } from '../../src/core/json';
import { GENESIS_HASH, hashEvent } from '../../src/application/hashChain';
import type { CommandContext, EventMetadata } from '../../src/application/metadata';
import { schemaVersionOf } from '../../src/domain/upcast';
import type { NewEvent } from '../../src/eventStore/eventStore';

/** Where a stream stands: its last revision (-1 when empty) and the hash its next event chains to. */
export interface StreamHead {
  revision: bigint;
  hash: string;
}

export const emptyHead = (): StreamHead => ({ revision: -1n, hash: GENESIS_HASH });

/** The command's fingerprint as the command handler stores it: without the day it was sent on. */
export function commandHash(command: object): string {
  const { today: _today, ...rest } = command as Record<string, unknown>;
  return createHash('sha256').update(canonicalJson(rest)).digest('hex');
}

/**
 * The metadata and hash chain the command handler gives decided events (the same fields, the same
 * hash), so the generated log reads, verifies and replays like one written through the API.
 */
export function chainEvents(
  streamId: string,
  head: StreamHead,
  events: readonly DomainEvent[],
  context: CommandContext,
  fingerprint: string,
  ids: () => string,
): NewEvent[] {
  return events.map((event) => {
    head.revision += 1n;
    const metadata: EventMetadata = {
      commandId: context.commandId,
      commandHash: fingerprint,
      correlationId: context.correlationId,
      causationId: context.causationId,
      actor: { ...context.actor },
      recordedAt: context.now.toISOString(),
      schemaVersion: schemaVersionOf(event.type),
      prevHash: head.hash,
    };
    const data = event.data as JsonObject;
    head.hash = hashEvent({ streamId, revision: head.revision, type: event.type, data, metadata });
    return { id: ids(), type: event.type, data, metadata: { ...metadata, hash: head.hash } };
  });
}
