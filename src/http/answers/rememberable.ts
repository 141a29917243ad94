import type { GraphQLResponse } from '@apollo/server';
import {
  type DocumentNode,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { rulesOf } from '../../graphql/fieldRules';
import { OperationMemo } from '../operationMemo';

/**
 * Root fields never remembered besides those that read the store. Introspection may be open to some
 * roles only (src/http/introspection.ts), which the shared read scope does not tell apart.
 */
const NOT_REMEMBERED_ROOT_FIELDS: ReadonlySet<string> = new Set(['__schema', '__type']);

/**
 * Whether an answer Apollo is about to send may be remembered: a query (not a mutation or a
 * subscription), answered in one piece with HTTP 200 and without errors, that selects, at any depth and
 * through fragments, no field declared `readsStore` (src/graphql/fieldRules.ts) and no introspection.
 */
export function isRemembered(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode | undefined,
  document: DocumentNode | undefined,
  response: GraphQLResponse,
): boolean {
  if (!operation || !document || operation.operation !== 'query') return false;
  if (response.body.kind !== 'single' || response.body.singleResult.errors) return false;
  if ((response.http.status ?? 200) !== 200) return false;
  return !unrememberable.get(schema, operation, '', () => selectsUnrememberable(schema, operation, document));
}

const unrememberable = new OperationMemo<boolean>();

function selectsUnrememberable(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  document: DocumentNode,
): boolean {
  const typeInfo = new TypeInfo(schema);
  let found = false;
  const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
  const visitor = visitWithTypeInfo(typeInfo, {
    Field(node) {
      const field = typeInfo.getFieldDef();
      const atRoot = typeInfo.getParentType() === schema.getQueryType();
      if ((field && rulesOf(field).readsStore) || (atRoot && NOT_REMEMBERED_ROOT_FIELDS.has(node.name.value)))
        found = true;
    },
  });
  // Every fragment of the document is visited where it is defined: whichever it is spread into, its
  // fields are typed by its own type condition.
  for (const definition of [operation, ...fragments]) visit(definition, visitor);
  return found;
}
