import { createHash } from 'node:crypto';
import type { EventStore } from '../eventStore/eventStore';
import { sameIdempotencyKey } from './handleCommand';
import type { CommandContext } from './metadata';

/**
 * A short, stable id derived from the commandId and its scope: the same command always names the same
 * record, and the scope keeps two commands that share a commandId apart. The scope holds what a
 * commandId belongs to: the acting office's unit (a commandId is one office's key), the kind of command,
 * and for a record kept inside another's stream (a linkage, a support), that target's id. Without a
 * scope the id is the one derived from the commandId alone, as ids were before they were scoped.
 */
export function idFromCommand(prefix: string, commandId: string, scope: readonly string[] = []): string {
  const key = [...scope, commandId].join('\u0000');
  return `${prefix}${createHash('sha256').update(key).digest('hex').slice(0, 16).toUpperCase()}`;
}

/** The scope of an id derived for the acting office: its unit (none for the system) and the command's kind. */
export const officeScope = (context: CommandContext, commandType: string): string[] => [
  context.actor.unit ?? '',
  commandType,
];

/** The id of a record kept inside `targetId`'s stream (a linkage, a support), derived for the acting office. */
export const idWithin = (prefix: string, targetId: string, commandType: string, context: CommandContext): string =>
  idFromCommand(prefix, context.commandId, [targetId, ...officeScope(context, commandType)]);

/**
 * The ids earlier code derived for the same record within `targetId`: from the target and the
 * commandId, and before that from the commandId alone. A retry of a command recorded then is
 * recognised by them (handleCommand's `formerly`).
 */
export const formerIdsWithin = (prefix: string, targetId: string, context: CommandContext): string[] => [
  idFromCommand(prefix, context.commandId, [targetId]),
  idFromCommand(prefix, context.commandId),
];

/**
 * The id of a subject or product registered without one: derived from the commandId within the
 * office's scope, so a retry by the same office lands on the same stream (and is answered as a repeat)
 * while another office using the same commandId registers its own record.
 *
 * A registration recorded before ids were scoped took the id of the commandId alone. A retry of it by
 * the office that sent it must still find it rather than register a twin, so that stream's first event
 * is looked at: when it is this office's command of this kind, its id is kept.
 */
export async function registrationId(
  store: EventStore,
  prefix: string,
  commandType: string,
  streamOf: (id: string) => string,
  context: CommandContext,
): Promise<string> {
  const unscoped = idFromCommand(prefix, context.commandId);
  for await (const first of store.readStream(streamOf(unscoped), { maxCount: 1 })) {
    if (sameIdempotencyKey(first, commandType, context)) return unscoped;
  }
  return idFromCommand(prefix, context.commandId, officeScope(context, commandType));
}
