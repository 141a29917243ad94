import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
} from 'graphql';
import { type ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import type { OperationCheck } from '../auth/operationGuard';
import { LIMIT_CODE } from '../auth/queryLimits';
import type { ListWeight } from './listBounds';
import { OperationMemo, variablesKey } from '../operationMemo';
import { doesWholeLogWork } from '../../graphql/fieldRules';

/** What a page holds when the query names no size (the resolvers' default). */
export const DEFAULT_PAGE_SIZE = 20;
const PAGE_ARGUMENTS = new Set(['first', 'last']);
/** Types that are one page of a list: their own lists hold as many items as the field that returned them asked for. */
const PAGE_TYPE = /(Page|Connection)$/;

/**
 * What one whole-log operation costs on top of its selection: a replay of the log for `asOf` or
 * `atPosition`, the digest of every stream, or a scan of the whole log for some event types. With the
 * default cost limit of 10,000, one request can ask for at most nine of them.
 */
export const WHOLE_LOG_COST = 1000;

/** Documents past this many fields (fragments expanded) are refused before they are costed any further. */
const MAX_COSTED_NODES = 10_000;

function itemsOf(
  parent: string,
  field: GraphQLField<unknown, unknown>,
  args: Record<string, unknown>,
  weight: ListWeight,
) {
  if (field.args.some((a) => PAGE_ARGUMENTS.has(a.name))) {
    const size = Number(args['first'] ?? args['last'] ?? DEFAULT_PAGE_SIZE);
    return Number.isFinite(size) ? Math.max(1, size) : Number.MAX_SAFE_INTEGER;
  }
  if (!isListType(getNullableType(field.type)) || PAGE_TYPE.test(parent)) return 1;
  return weight(parent, field);
}

/**
 * A field costs 1, plus what its selection costs, times the items it returns: the page size given
 * by argument or variable, or for a list that takes no page size, the most it can hold; plus
 * WHOLE_LOG_COST when answering it means going over the whole log.
 */
export function costEstimator(weight: ListWeight): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    // Introspection answers from the schema, whose size does not depend on the query: allowed or not
    // by its own policy, never by cost.
    if (field.name.startsWith('__') || type.name.startsWith('__')) return 0;
    const own = isLeafType(getNamedType(field.type)) ? 1 : 1 + childComplexity;
    const heavy = doesWholeLogWork(field, args) ? WHOLE_LOG_COST : 0;
    return own * itemsOf(type.name, field, args, weight) + heavy;
  };
}

const refused = (message: string) => new GraphQLError(message, { extensions: { code: LIMIT_CODE } });

/**
 * Refuses an operation whose cost, computed with the variables it will run with, is over `maxCost`:
 * a page size passed as a variable, and lists nested in lists, cost what they will return.
 */
export function costCheck(maxCost: number, weight: ListWeight): OperationCheck {
  const estimators = [costEstimator(weight)];
  // The refusal's message is what is remembered: every request gets an error of its own.
  const refusals = new OperationMemo<string | null>();
  const check: OperationCheck = (schema, request) => {
    const given = variablesKey(request.variables);
    if (given === null || !weight.version) return costOf(schema, request);
    const key = `${weight.version()}\u0000${given}`;
    const message = refusals.get(schema, request.operation, key, () => costOf(schema, request)?.message ?? null);
    return message === null ? null : refused(message);
  };
  const costOf: OperationCheck = (schema, { document, operation, variables }) => {
    const fragments = document.definitions.filter(
      (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
    );
    const query: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] };
    let cost: number;
    try {
      cost = getComplexity({ schema, query, variables: variables ?? {}, estimators, maxQueryNodes: MAX_COSTED_NODES });
    } catch (error) {
      if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message))
        return refused(`Query has more than ${MAX_COSTED_NODES} fields once its fragments are expanded`);
      // Variables that do not coerce: execution refuses them before anything runs.
      return null;
    }
    if (cost <= maxCost) return null;
    return refused(`Query cost limit of ${maxCost} exceeded, found ${cost}: ask for fewer fields, aliases or items`);
  };
  return check;
}
