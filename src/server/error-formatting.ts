import { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { QueryFailedError } from 'typeorm';
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

/** Codes of errors that are safe to show as they are: the client's doing, or (SIGN_IN_UNAVAILABLE) a retry it can make. */
const clientErrorCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'SIGN_IN_UNAVAILABLE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_COSTLY',
  'THROTTLED',
  'TOO_MANY_CONCURRENT_REQUESTS',
  'TOO_MANY_SUBSCRIPTIONS',
  'OPERATION_NOT_SUPPORTED',
]);

/**
 * Mistakes in a request that Apollo or graphql-js report without a code: each gets its own code and a
 * message a person can act on, instead of passing for an unexpected error.
 */
const requestMistakes: Array<{ message: RegExp; code: string; explanation: string }> = [
  {
    message: /^provided sha does not match query$/,
    code: 'PERSISTED_QUERY_HASH_MISMATCH',
    explanation: 'extensions.persistedQuery.sha256Hash is not the SHA-256 of the query sent: send the query\'s own hash (hex), or leave persistedQuery out.',
  },
];

function requestMistake(error: unknown) {
  if (!(error instanceof GraphQLError) || error.originalError || error.extensions?.code !== undefined) return undefined;
  return requestMistakes.find((mistake) => mistake.message.test(error.message));
}

/** The code a response gives an error, for the request's log line (the same as the client sees). */
export function errorCodeOf(error: GraphQLError): string {
  if (isStatementTimeout(unwrapResolverError(error))) return 'QUERY_TIMEOUT';
  const mistake = requestMistake(error);
  if (mistake) return mistake.code;
  return String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
}

/** PostgreSQL cancelled a statement that ran past DATABASE_STATEMENT_TIMEOUT_MS (SQLSTATE 57014, query_canceled). */
export function isStatementTimeout(error: unknown): boolean {
  return error instanceof QueryFailedError && (error as QueryFailedError & { driverError?: { code?: string } }).driverError?.code === '57014';
}

function isExpected(error: unknown): boolean {
  if (isStatementTimeout(unwrapResolverError(error))) return true;
  if (error instanceof GraphQLError && (typeof error.extensions?.limitCode === 'string' || tokenLimitMessage.test(error.message))) return true;
  if (requestMistake(error)) return true;
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
  const format = formatter(environment);
  if (environment === 'development') return format;
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => withoutEchoes(format(formatted, error));
}

/**
 * Outside development a message suggests nothing ("Did you mean …?" names fields, types and enum values
 * the client did not know) and a variable's coercion error does not repeat the value sent.
 */
function withoutEchoes(formatted: GraphQLFormattedError): GraphQLFormattedError {
  let message = formatted.message.replace(/\s*Did you mean [^?]*\?/g, '');
  const coercion = /^Variable "\$([^"]+)" got invalid value .*?(?: at "([^"]*)")?; ([\s\S]*)$/.exec(message);
  if (coercion) {
    const [, name, at, reason] = coercion;
    const kind = /does not exist in "([^"]+)" enum/.exec(reason)?.[1];
    const scalar = /^(\w+) cannot represent/.exec(reason)?.[1];
    const why = kind ? `it is not a value of the enum ${kind}` : scalar ? `the type ${scalar} cannot represent it` : 'it does not fit the variable\'s type';
    message = `Variable "$${name}" got an invalid value${at ? ` at "${at}"` : ''}: ${why}. Check it against the schema.`;
  }
  return message === formatted.message ? formatted : { ...formatted, message };
}

function formatter(environment: Environment) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const mistake = requestMistake(error);
    if (mistake) return { message: mistake.explanation, locations: formatted.locations, extensions: { code: mistake.code } };
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
    if (isStatementTimeout(original)) {
      return {
        message: 'The database took longer than this server allows for one statement, and stopped. Ask for a smaller page or a narrower filter, or try again in a moment.',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'QUERY_TIMEOUT' },
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
            if (fromGraphQLItself(error)) {
              // graphql-js's own word on the request: the client's doing, worth a look, not a stack trace.
              logger.warn({ requestId: contextValue?.requestId, operationName, code: 'BAD_USER_INPUT', reason: error.message.slice(0, 200) }, 'GraphQL refused the request');
              continue;
            }
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
