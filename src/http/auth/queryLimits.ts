import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import { ErrorCode } from '../../graphql/errors';

/**
 * Bounds on one GraphQL document, checked while it is parsed and validated, so a refused query never
 * reaches a resolver. The defaults leave room for what the API is for: a full page of 100 products
 * with their certificates and their subject costs about 6,600.
 */
export interface QueryLimits {
  /** Nesting of selections (fragments followed). */
  readonly maxDepth: number;
  /**
   * The cost of one operation with its variables (src/http/limits/queryCost.ts): a field costs 1
   * plus its selection, times the items it returns.
   */
  readonly maxCost: number;
  readonly maxAliases: number;
  /** Lexical tokens in the document: bounds parsing work before anything else runs. */
  readonly maxTokens: number;
  readonly maxDirectives: number;
}

/**
 * The code of a refusal by depth, cost, aliases or directives. graphql-armor reports BAD_USER_INPUT by
 * default; these refusals are about the document, not its values, and come from validation like
 * GraphQL's own checks, so they share GraphQL's code for an invalid document (HTTP 400).
 */
export const LIMIT_CODE = ErrorCode.GRAPHQL_VALIDATION_FAILED;

type ArmorConfig = NonNullable<ConstructorParameters<typeof ApolloArmor>[0]>;

function report(context: ValidationContext | null, error: GraphQLError): void {
  context?.reportError(new GraphQLError(error.message, { extensions: { code: LIMIT_CODE } }));
}

function armorConfig(limits: QueryLimits, fieldSuggestions: boolean): ArmorConfig {
  const rejection = { propagateOnRejection: false, onReject: [report] };
  return {
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ...rejection },
    // Cost needs the operation's variables, which validation does not see: see limits/queryCost.ts.
    costLimit: { enabled: false },
    maxAliases: { n: limits.maxAliases, ...rejection },
    maxDirectives: { n: limits.maxDirectives, ...rejection },
    // graphql-armor's Apollo token counter throws from `parsingDidStart`, which Apollo 5 answers with
    // HTTP 500; graphql-js's own parser limit (`parseOptions`) refuses the same document with a 400
    // GRAPHQL_PARSE_FAILED before anything else runs.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: !fieldSuggestions },
  };
}

export interface ApolloProtection {
  readonly plugins: ApolloServerPlugin[];
  readonly validationRules: ValidationRule[];
  readonly parseOptions: { maxTokens: number };
}

/** graphql-armor's validation rules and plugins for Apollo Server, with the parser's token limit. */
export function apolloProtection(limits: QueryLimits, fieldSuggestions: boolean): ApolloProtection {
  const { plugins, validationRules } = new ApolloArmor(armorConfig(limits, fieldSuggestions)).protect();
  return { plugins, validationRules, parseOptions: { maxTokens: limits.maxTokens } };
}
