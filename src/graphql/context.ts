import { randomUUID } from 'node:crypto';
import type { CommandResult } from '../application/handleCommand';
import type { Actor, CommandContext } from '../application/metadata';
import { vietnamDate } from '../domain/rules/businessDate';
import { UnauthenticatedError, UnavailableError, ValidationError } from '../core/errors';
import { parseCursor } from '../application/eventLog';
import type { Services } from '../services';
import type { View } from '../../projections';

export interface GraphQLContext {
  readonly services: Services;
  /** The official a verified bearer token names (src/graphql/auth/); null for an anonymous caller. */
  readonly actor: Actor | null;
  readonly correlationId: string;
}

export function commandContext(context: GraphQLContext, commandId: string | undefined): CommandContext {
  if (!context.actor) throw new UnauthenticatedError('Sign in with a bearer token to change anything');
  return {
    commandId: commandId ?? randomUUID(),
    correlationId: context.correlationId,
    causationId: null,
    actor: context.actor,
    now: context.services.clock(),
  };
}

/**
 * The read models at `asOf` or `atPosition` (or now), with certificate statuses judged on that day in
 * Vietnam (for a position: the day its event was recorded).
 */
export async function viewAt(context: GraphQLContext, asOf?: Date | null, atPosition?: string | null): Promise<View> {
  const { runner, timeTravel, clock } = context.services;
  if (runner.failure)
    throw new UnavailableError(`Read models stopped ${runner.failure.position}: ${runner.failure.message}`);
  if (atPosition) {
    if (asOf) throw new ValidationError('Give asOf or atPosition, not both', { field: 'atPosition' });
    const at = await timeTravel.atPosition(parseCursor(atPosition, 'atPosition'));
    return { models: at.models, day: vietnamDate(at.lastRecordedAt ?? clock()) };
  }
  const models = asOf ? await timeTravel.modelsAsOf(asOf) : runner.models;
  return { models, day: vietnamDate(asOf ?? clock()) };
}

/** Runs a command, then waits until its events are in the read models, so the answer shows them. */
export async function runCommand<S>(
  context: GraphQLContext,
  run: () => Promise<CommandResult<S>>,
): Promise<{ result: CommandResult<S>; view: View }> {
  const result = await run();
  if (result.position) {
    try {
      await context.services.runner.waitFor(result.position);
    } catch (error) {
      throw new UnavailableError(`Recorded, but the read models are behind: ${(error as Error).message}`);
    }
  }
  return { result, view: await viewAt(context) };
}
