import { randomUUID } from 'node:crypto';
import type { CommandResult } from '../application/handleCommand';
import type { Actor, CommandContext } from '../application/metadata';
import { UnauthenticatedError, UnavailableError } from '../core/errors';
import type { Services } from '../application/services';
import { type GlobalPosition, comparePositions } from '../eventStore/eventStore';
import { type Cut, type CutQuestion, NOW, resolveCut } from './cut';
import { type Loaders, createLoaders } from './loaders';

/**
 * What one request's resolvers share: who is asking, the cuts of the log its fields answer from (keyed
 * by `Cut.key`, which output objects carry as plain data), and its batching loaders.
 */
export interface GraphQLContext {
  readonly services: Services;
  /** The official a verified bearer token names (src/http/auth/); null for an anonymous caller. */
  readonly actor: Actor | null;
  readonly correlationId: string;
  readonly cuts: Map<string, Cut>;
  readonly loaders: Loaders;
  /** The furthest log position this request's commands reached: the host answers it to the client. */
  reached: GlobalPosition | null;
  /**
   * Throws once the request is past its time budget, for long work inside one resolver to call between
   * its slices. The host sets it when it times the request; otherwise it never stops anything.
   */
  outOfTime: () => void;
}

export function createContext(services: Services, actor: Actor | null, correlationId: string): GraphQLContext {
  const cuts = new Map<string, Cut>();
  return {
    services,
    actor,
    correlationId,
    cuts,
    loaders: createLoaders(services, cuts),
    reached: null,
    outOfTime: () => undefined,
  };
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

/** Resolves the cut a root field asks about and keeps it for the fields below, which name it by key. */
export async function cutFor(context: GraphQLContext, question: CutQuestion = {}): Promise<Cut> {
  const cut = await resolveCut(context.services, question);
  context.cuts.set(cut.key, cut);
  return cut;
}

/** The cut a parent answered from, for a field resolver below it. */
export function cutOf(context: GraphQLContext, key: string): Cut {
  const cut = context.cuts.get(key);
  if (!cut) throw new Error(`No cut ${key} was resolved in this request`);
  return cut;
}

/** Runs a command, then waits until its events are in the read models, so the answer shows them. */
export async function runCommand<S>(
  context: GraphQLContext,
  run: () => Promise<CommandResult<S>>,
): Promise<{ result: CommandResult<S>; cut: Cut }> {
  const result = await run();
  const reached = result.position;
  if (reached && (!context.reached || comparePositions(reached, context.reached) > 0)) context.reached = reached;
  if (result.position) {
    try {
      await context.services.runner.waitFor(result.position);
    } catch (error) {
      throw new UnavailableError(`Recorded, but the read models are behind: ${(error as Error).message}`);
    }
  }
  return { result, cut: await cutFor(context, NOW) };
}
