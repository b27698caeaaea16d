import { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { FastifyBaseLogger } from 'fastify';
import { Environment } from '../config';
import { UserError } from '../shared/errors';
import { RequestContext } from './context';
import { limitCodes, tokenLimitMessage } from './request-limits';

interface ValidationProblem {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationProblem[];
}

/** class-validator's nested errors as flat `{ field, problems }`, without echoing the values back. */
function flattenValidation(errors: ValidationProblem[], parent: string[] = []): Array<{ field: string[]; problems: string[] }> {
  return errors.flatMap((error) => {
    const field = [...parent, error.property];
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flattenValidation(error.children ?? [], field)];
  });
}

/** Codes of errors that are the client's doing and safe to show as they are. */
const clientErrorCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_COSTLY',
  'THROTTLED',
]);

function isExpected(error: unknown): boolean {
  if (error instanceof GraphQLError && (typeof error.extensions?.limitCode === 'string' || tokenLimitMessage.test(error.message))) return true;
  const original = unwrapResolverError(error);
  if (original instanceof UserError || original instanceof ArgumentValidationError) return true;
  const code = original instanceof GraphQLError ? original.extensions?.code : undefined;
  return typeof code === 'string' && clientErrorCodes.has(code);
}

/**
 * The one mapping from errors to what a client sees. A `UserError` keeps its code, field and remedy;
 * a validation error lists the fields at fault; GraphQL's own client errors pass through; anything
 * else is masked as INTERNAL_SERVER_ERROR outside development (it is logged in full instead).
 */
export function createErrorFormatter(environment: Environment) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof UserError) {
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: original.code, field: original.field, remedy: original.remedy },
      };
    }
    if (original instanceof ArgumentValidationError) {
      const problems = flattenValidation(original.extensions.validationErrors as ValidationProblem[]);
      return {
        message: `Invalid input: ${problems.map((problem) => problem.problems.join('; ')).join('; ')}.`,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'BAD_USER_INPUT', validationErrors: problems },
      };
    }
    const tokens = tokenLimitMessage.exec(formatted.message);
    if (tokens) {
      return {
        message: `The document has more than ${tokens[1]} tokens; send a smaller query.`,
        extensions: { code: limitCodes.maxTokens, limit: Number(tokens[1]) },
      };
    }
    const limitCode = formatted.extensions?.limitCode;
    if (typeof limitCode === 'string') {
      // A graphql-armor limit (depth, aliases, directives, tokens): its own code and the number it broke.
      return {
        message: formatted.message.replace(/^Syntax Error: /, ''),
        locations: formatted.locations,
        extensions: { code: limitCode, limit: formatted.extensions?.limit },
      };
    }
    // An expected error is the client's doing: its message says what to fix, and a stack trace would only be noise (development too).
    if (isExpected(error)) return withoutStacktrace(formatted);
    if (environment === 'development') return formatted;
    if (fromGraphQLItself(error)) {
      // graphql-js's own word on the request (such as "Too many errors processing variables"): the client's doing.
      return { message: formatted.message, locations: formatted.locations, extensions: { code: 'BAD_USER_INPUT' } };
    }
    return {
      message: 'Internal server error. It has been logged; quote the x-request-id response header to support.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/** A GraphQLError that graphql-js raised about the request itself: no cause inside, no code of ours. */
function fromGraphQLItself(error: unknown): boolean {
  return error instanceof GraphQLError && !error.originalError && !error.path && (error.extensions?.code === undefined || error.extensions?.code === 'INTERNAL_SERVER_ERROR');
}

/** Drops the stack trace, which only helps a debugger of the server. */
function withoutStacktrace(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions?.stacktrace) return formatted;
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}

/** Logs every unexpected error with its stack and the request ID, which the client sees as a header. */
export function unexpectedErrorLogging(logger: FastifyBaseLogger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            if (isExpected(error)) continue;
            const original = unwrapResolverError(error);
            logger.error(
              { requestId: contextValue?.requestId, operationName, err: original },
              'Unexpected error while executing a GraphQL operation',
            );
          }
        },
      };
    },
  };
}
