import type { GraphQLResponse } from '@apollo/server';
import { type DocumentNode, Kind, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * Root fields never remembered. `events` pages read the store itself, which may be ahead of the read
 * models' position, and a page that reaches the head grows with the next append. Introspection may be
 * open to some roles only (src/graphql/introspection.ts), which the shared read scope does not tell apart.
 */
export const NOT_REMEMBERED_ROOT_FIELDS: ReadonlySet<string> = new Set(['events', '__schema', '__type']);

/**
 * Whether an answer Apollo is about to send may be remembered: a query (not a mutation or a
 * subscription), answered in one piece with HTTP 200 and without errors, that asks for no root field
 * above.
 */
export function isRemembered(
  operation: OperationDefinitionNode | undefined,
  document: DocumentNode | undefined,
  response: GraphQLResponse,
): boolean {
  if (!operation || !document || operation.operation !== 'query') return false;
  if (response.body.kind !== 'single' || response.body.singleResult.errors) return false;
  if ((response.http.status ?? 200) !== 200) return false;
  return !rootFields(operation.selectionSet, document).some((name) => NOT_REMEMBERED_ROOT_FIELDS.has(name));
}

/** The root field names an operation selects, through fragments too. */
function rootFields(selectionSet: SelectionSetNode, document: DocumentNode, seen = new Set<string>()): string[] {
  const names: string[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) names.push(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) names.push(...rootFields(selection.selectionSet, document, seen));
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = document.definitions.find(
        (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value,
      );
      if (fragment?.kind === Kind.FRAGMENT_DEFINITION) names.push(...rootFields(fragment.selectionSet, document, seen));
    }
  }
  return names;
}
