import type { GraphQLField } from 'graphql';
import { Extensions } from 'type-graphql';

/**
 * What the host must know about a field, declared where the field is declared, so that a new field
 * cannot be forgotten in a list kept elsewhere. The host reads them from the built schema
 * (`rulesOf(field)`), never from the resolvers' names.
 */
export interface FieldRules {
  /**
   * The answer reads the event store as it is now (a stream, a digest, the log itself), not the read
   * models: it is never remembered, since the store can change, or be damaged, without the read
   * models' position moving, and telling that is the whole point of such a field.
   */
  readonly readsStore?: true;
}

const KEY = 'ocop';

/** Declares a field's rules: `@Rules({ readsStore: true })` beside `@Query`/`@FieldResolver`/`@Field`. */
export const Rules = (rules: FieldRules): MethodDecorator & PropertyDecorator => Extensions({ [KEY]: rules });

export function rulesOf(field: GraphQLField<unknown, unknown>): FieldRules {
  return (field.extensions[KEY] as FieldRules | undefined) ?? {};
}
