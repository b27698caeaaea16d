import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, ValidationContext } from 'graphql';

/**
 * The bounds on every request (see README, "Limits"). Large GraphQL APIs bound every request; these
 * defaults leave room for every page of the console (a catalog or orders page of 100 costs well
 * under half the cost limit) and refuse what no console needs.
 */
export const requestLimits = {
  /** Nesting depth of a selection set. */
  maxDepth: 12,
  /** Aliases in one operation. */
  maxAliases: 15,
  /** Directives in one operation. */
  maxDirectives: 10,
  /** Lexical tokens in one document. */
  maxTokens: 3000,
  /** Query cost: 1 per object, 0 per scalar, and a connection's items times its `first`. */
  maxCost: 2000,
  /** Bytes in one HTTP request body. */
  maxBodyBytes: 128 * 1024,
} as const;

/** The error code each limit answers with; `extensions.limit` carries the number. */
export const limitCodes = {
  maxDepth: 'QUERY_TOO_DEEP',
  maxAliases: 'TOO_MANY_ALIASES',
  maxDirectives: 'TOO_MANY_DIRECTIVES',
  maxTokens: 'TOO_MANY_TOKENS',
  maxCost: 'QUERY_TOO_COSTLY',
  maxBodyBytes: 'REQUEST_TOO_LARGE',
} as const;

/** For the validation-rule limits: report the refusal ourselves, tagged with its code and number. */
function reportTagged(code: string, limit: number) {
  return {
    n: limit,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { limitCode: code, limit } })),
    ],
  };
}

/**
 * The token limit is graphql-js's own (`parse(…, { maxTokens })`, given to Apollo as parseOptions):
 * graphql-armor's token plugin turns every syntax error into a 500. The error formatter recognises
 * the parser's refusal by its message.
 */
export const tokenLimitMessage = /^Syntax Error: Document contains more tha[nt] (\d+) tokens/; // graphql-js spells it "more that"

/**
 * graphql-armor's protections, tagged with our codes (Apollo files validation failures under
 * GRAPHQL_VALIDATION_FAILED; the error formatter puts the limit's own code back).
 */
export function armorProtections(options: { blockFieldSuggestions: boolean }) {
  const armor = new ApolloArmor({
    maxDepth: reportTagged(limitCodes.maxDepth, requestLimits.maxDepth),
    maxAliases: reportTagged(limitCodes.maxAliases, requestLimits.maxAliases),
    maxDirectives: reportTagged(limitCodes.maxDirectives, requestLimits.maxDirectives),
    maxTokens: { enabled: false },
    // Cost is weighted by `first`, which graphql-armor's cost limit does not know: see query-cost.ts.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: options.blockFieldSuggestions },
  });
  const { plugins, validationRules } = armor.protect();
  return { plugins, validationRules };
}
