import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  GraphQLError,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  getArgumentValues,
  getVariableValues,
} from 'graphql';
import type { GraphQLContext } from '../../graphql/context';
import { ErrorCode, apiError, withHttpStatus } from '../../graphql/errors';
import { runsWholeLogWork } from './executionBudget';
import { doesWholeLogWork } from '../../graphql/fieldRules';

export interface WholeLogLimits {
  /** Whole-log operations one caller may have running at once (distinct instants counted apart). */
  readonly perCaller: number;
  /** Whole-log operations running at once, all callers together. */
  readonly total: number;
}

function rootFields(selections: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, into: FieldNode[]) {
  for (const selection of selections.selections) {
    if (selection.kind === Kind.FIELD) into.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) rootFields(selection.selectionSet, fragments, into);
    else {
      const fragment = fragments.get(selection.name.value);
      if (fragment) rootFields(fragment.selectionSet, fragments, new Array<FieldNode>()).forEach((f) => into.push(f));
    }
  }
  return into;
}

/**
 * The distinct pieces of whole-log work an operation asks for: each instant or position replayed,
 * the digest, each scan by types. Aliases asking for the same instant share one replay (answers are
 * kept by position), so they count once; fifteen different instants count fifteen.
 */
export function wholeLogPieces(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): Set<string> {
  const pieces = new Set<string>();
  const query = schema.getQueryType();
  if (operation.operation !== 'query' || !query) return pieces;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) return pieces;
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  for (const node of rootFields(operation.selectionSet, fragments, [])) {
    const field = query.getFields()[node.name.value];
    if (!field) continue;
    const args = getArgumentValues(field, node, coerced.coerced);
    if (!doesWholeLogWork(field, args)) continue;
    const at = args['asOf'] ?? args['atPosition'];
    pieces.add(
      at !== undefined && at !== null
        ? `at:${String(at instanceof Date ? at.toISOString() : at)}`
        : `${field.name}:${JSON.stringify(args)}`,
    );
  }
  return pieces;
}

/**
 * Counts whole-log work running per caller and in all: work over either limit is refused with
 * RATE_LIMITED before it starts, so one analyst cannot hold every replay slot and the process cannot
 * be asked for more replays at once than it can hold in memory.
 */
export function createWholeLogLimiter(limits: WholeLogLimits) {
  const byCaller = new Map<string, number>();
  let total = 0;
  return {
    /** A release function, or the error to answer with. */
    acquire(caller: string, pieces: number): (() => void) | ReturnType<typeof apiError> {
      if (pieces === 0) return () => undefined;
      const mine = byCaller.get(caller) ?? 0;
      if (mine + pieces > limits.perCaller)
        return apiError(
          ErrorCode.RATE_LIMITED,
          `Too much whole-log work for one caller: at most ${limits.perCaller} replays, digests or scans at once (distinct instants count apart)`,
        );
      if (total + pieces > limits.total)
        return apiError(ErrorCode.RATE_LIMITED, 'The registry is busy with whole-log work: try again shortly');
      byCaller.set(caller, mine + pieces);
      total += pieces;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        total -= pieces;
        const left = (byCaller.get(caller) ?? pieces) - pieces;
        if (left > 0) byCaller.set(caller, left);
        else byCaller.delete(caller);
      };
    },
  };
}

export type WholeLogLimiter = ReturnType<typeof createWholeLogLimiter>;

/** The key whole-log work is counted under: the official, or all anonymous callers together. */
export const callerKey = (actor: { id: string; role: string } | null): string =>
  actor ? `${actor.role}:${actor.id}` : 'anonymous';

/** Over HTTP: whole-log work counted from when its operation is resolved until its answer is sent. */
export function wholeLogPlugin(limiter: WholeLogLimiter): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      let release: (() => void) | undefined;
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return;
          const pieces = wholeLogPieces(schema, document, operation, request.variables);
          const acquired = limiter.acquire(callerKey(contextValue.actor), pieces.size);
          if (acquired instanceof GraphQLError) throw withHttpStatus(acquired);
          if (pieces.size > 0) runsWholeLogWork(contextValue);
          release = acquired;
        },
        async willSendResponse() {
          release?.();
        },
      };
    },
  };
}
