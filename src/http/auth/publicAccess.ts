import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ASTNode,
  Kind,
  type FieldNode,
  type GraphQLField,
  TypeInfo,
  getArgumentValues,
  getNamedType,
  getVariableValues,
  isLeafType,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import type { Actor } from '../../application/metadata';
import { ErrorCode, apiError } from '../../graphql/errors';
import { HISTORY_ARGUMENTS, rulesOf, typeRulesOf } from '../../graphql/fieldRules';
import { OperationMemo, variablesKey } from '../operationMemo';

/**
 * What anyone may ask without signing in is declared on the schema (src/graphql/fieldRules.ts): root
 * fields with `@Rules({ access: 'public' })`, and below them the object types marked `@PublicType()`.
 * Every other root field, and every other type even when a public type links to it, needs a token.
 * Asking about the past (`asOf`, `atPosition`) rebuilds the read models from the log: officials only.
 */
const isMeta = (name: string): boolean => name.startsWith('__');

/**
 * Null when the actor may run the operation; otherwise the UNAUTHENTICATED error to answer with,
 * before anything executes. Signed-in officials of every role may read everything; what they may
 * change is decided per command (src/application/authorization.ts).
 */
export function refuseAnonymous(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  actor: Actor | null,
  variables: Record<string, unknown> = {},
): GraphQLError | null {
  if (actor) return null;
  if (operation.operation === 'mutation') return unauthenticated('Sign in with a bearer token to change anything');
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  const given = coerced.coerced ?? null;
  const key = variablesKey(given);
  const refused =
    key === null
      ? privateCoordinates(schema, document, operation, given)
      : refusedCoordinates.get(schema, operation, key, () => privateCoordinates(schema, document, operation, given));
  if (refused.length === 0) return null;
  return unauthenticated(
    `Sign in with a bearer token to ask for ${refused.join(', ')}; anonymous callers may ask for a product, ` +
      'a certificate, the plan and its reports, as they are now',
  );
}

const refusedCoordinates = new OperationMemo<string[]>();

/** The fields (`Type.field`, or `Type.field(asOf)`) of the operation that anonymous callers may not ask for. */
function privateCoordinates(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | null,
) {
  const roots = new Set(
    [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].map((t) => t?.name),
  );
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const refused = new Set<string>();
  const pending: ASTNode[] = [operation];
  const seen = new Set<FragmentDefinitionNode>();
  while (pending.length > 0) {
    const typeInfo = new TypeInfo(schema);
    visit(
      pending.pop()!,
      visitWithTypeInfo(typeInfo, {
        FragmentSpread(node) {
          const fragment = fragments.get(node.name.value);
          if (fragment && !seen.has(fragment)) pending.push(fragment);
          if (fragment) seen.add(fragment);
        },
        Field(node) {
          const parent = typeInfo.getParentType();
          const field = typeInfo.getFieldDef();
          if (!parent || !field || isMeta(node.name.value) || isMeta(parent.name)) return;
          const coordinate = `${parent.name}.${field.name}`;
          const returned = getNamedType(field.type);
          if (roots.has(parent.name) && rulesOf(field).access !== 'public') refused.add(coordinate);
          else if (!isLeafType(returned) && !typeRulesOf(returned).public) refused.add(coordinate);
          for (const name of historyArguments(field, node, variables)) refused.add(`${coordinate}(${name})`);
        },
      }),
    );
  }
  return [...refused];
}

/**
 * The history arguments a field is given a value for. `asOf: $at` with no value for $at asks for
 * now, so shared documents keep working; when the variables do not coerce, presence alone counts.
 */
function historyArguments(
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  variables: Record<string, unknown> | null,
) {
  const given = (node.arguments ?? [])
    .map((a) => a.name.value)
    .filter((name) => (HISTORY_ARGUMENTS as readonly string[]).includes(name));
  if (given.length === 0 || !variables) return given;
  try {
    const values = getArgumentValues(field, node, variables);
    return given.filter((name) => values[name] !== undefined && values[name] !== null);
  } catch {
    return given;
  }
}

export function unauthenticated(message: string): GraphQLError {
  return apiError(ErrorCode.UNAUTHENTICATED, message);
}
