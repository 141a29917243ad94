import type { JsonObject } from '../core/json';

export type Role =
  'COMMUNE_OFFICER' | 'DISTRICT_OFFICER' | 'PROVINCIAL_OFFICER' | 'NATIONAL_COUNCIL' | 'AUDITOR' | 'ANALYST' | 'SYSTEM';

/** Who acted: an official's id, role and the administrative unit of their office. */
export interface Actor {
  readonly id: string;
  readonly role: Role;
  readonly unit: string | null;
}

/** Everything about a command that is not the command itself: identity, causality, time, actor. */
export interface CommandContext {
  readonly commandId: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: Actor;
  readonly now: Date;
}

/** The metadata stored on every event, hash excluded (it is computed over the rest). */
export interface EventMetadata extends JsonObject {
  commandId: string;
  commandHash: string;
  correlationId: string;
  causationId: string | null;
  actor: { id: string; role: string; unit: string | null };
  recordedAt: string;
  schemaVersion: number;
  prevHash: string;
}

/**
 * The metadata the command handler stores today: also the kind of command that appended the event
 * (`RegisterSubject`, …), which idempotency is scoped by. Events recorded before it was kept lack it.
 */
export interface CommandEventMetadata extends EventMetadata {
  commandType: string;
}
