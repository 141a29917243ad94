import type { GraphQLSchema } from 'graphql';

/** Answers kept for one document: a handful of variable sets each, then they start again. */
const MAX_PER_NODE = 32;

/**
 * Remembers what a pure function of the schema, one parsed document (or one of its operations) and a
 * key made of whatever else it reads (the variables, say) gave. Apollo hands the same parsed document to
 * every request that sends the same query text, so the checks that walk a document (its cost, who may
 * ask it, whether its answer may be remembered) walk it once rather than on every request; a document
 * parsed anew is simply walked anew. Kept as long as the document is.
 */
export class OperationMemo<T> {
  private readonly bySchema = new WeakMap<GraphQLSchema, WeakMap<object, Map<string, T>>>();

  get(schema: GraphQLSchema, node: object, key: string, compute: () => T): T {
    let byNode = this.bySchema.get(schema);
    if (!byNode) this.bySchema.set(schema, (byNode = new WeakMap()));
    let byKey = byNode.get(node);
    if (!byKey) byNode.set(node, (byKey = new Map()));
    if (byKey.has(key)) return byKey.get(key)!;
    const value = compute();
    if (byKey.size >= MAX_PER_NODE) byKey.clear();
    byKey.set(key, value);
    return value;
  }
}

/** A key for variables, or null when they cannot be one (nested too deep to serialize): then compute afresh. */
export function variablesKey(variables: Record<string, unknown> | null | undefined): string | null {
  try {
    return JSON.stringify(variables ?? null);
  } catch {
    return null;
  }
}
