import type { GraphQLField, GraphQLNamedType } from 'graphql';
import { Extensions } from 'type-graphql';
import { HISTORY_ARGUMENTS } from './resolvers/args';

export { HISTORY_ARGUMENTS };

/**
 * What the host must know about a field, declared where the field is declared, so that a new field
 * cannot be forgotten in a list kept elsewhere. The host's guards read them from the built schema
 * (`rulesOf(field)`), never from the resolvers' names; test/unit/graphql/fieldRules.unit.test.ts fails
 * for a root field without an access decision.
 */
export interface FieldRules {
  /**
   * Who may ask for a root field: anyone, without a token (`public`), or signed-in officials only.
   * Every query and subscription field says which; a mutation always needs a token.
   */
  readonly access?: 'public' | 'officials';
  /**
   * The answer reads the event store as it is now (a stream, a digest, the log itself), not the read
   * models: it is never remembered, since the store can change, or be damaged, without the read
   * models' position moving, and telling that is the whole point of such a field.
   */
  readonly readsStore?: true;
  /** The most items this list can hold, for the cost of a query, when it is neither paged nor measured. */
  readonly maxItems?: number;
  /**
   * Answering goes over the whole log (a digest), or does when this argument is given a non-empty
   * value (a scan by event types). Asking any field about the past (`asOf`, `atPosition`) also does.
   */
  readonly wholeLog?: true | { readonly whenGiven: string };
}

/** What the host must know about an object type. */
export interface TypeRules {
  /** Anonymous callers may read it below a public root field; other types stay private even when linked. */
  readonly public?: true;
}

const KEY = 'ocop';

/** Declares a field's rules: `@Rules({ access: 'public' })` beside `@Query`, `@FieldResolver` or `@Field`. */
export const Rules = (rules: FieldRules): MethodDecorator & PropertyDecorator => Extensions({ [KEY]: rules });

/** Declares an object type anonymous callers may read: `@PublicType()` beside `@ObjectType`. */
export const PublicType = (): ClassDecorator => Extensions({ [KEY]: { public: true } satisfies TypeRules });

export function rulesOf(field: GraphQLField<unknown, unknown>): FieldRules {
  return (field.extensions[KEY] as FieldRules | undefined) ?? {};
}

export function typeRulesOf(type: GraphQLNamedType): TypeRules {
  return (type.extensions[KEY] as TypeRules | undefined) ?? {};
}

/** Whether answering `field` with these argument values goes over the whole log. */
export function doesWholeLogWork(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): boolean {
  if (HISTORY_ARGUMENTS.some((name) => args[name] !== undefined && args[name] !== null)) return true;
  const { wholeLog } = rulesOf(field);
  if (wholeLog === true) return true;
  if (!wholeLog) return false;
  const given = args[wholeLog.whenGiven];
  return Array.isArray(given) ? given.length > 0 : given !== undefined && given !== null;
}
