import { ApolloServerOptionsWithGateway } from '@apollo/server';
import { DocumentNode, execute, ExecutionResult, GraphQLError, GraphQLSchema, printSchema } from 'graphql';
import { CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { RequestContext } from './context';

type Gateway = ApolloServerOptionsWithGateway<RequestContext>['gateway'];

/**
 * graphql-jit's errors have a read-only message, which plugins may rewrite (graphql-armor masks field
 * suggestions in place): each becomes graphql-js's own error, with the same message, locations, path,
 * extensions and original error.
 */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  const converted = new GraphQLError(error.message, { path: error.path, originalError: error.originalError, extensions: error.extensions });
  (converted as { locations: GraphQLError['locations'] }).locations = error.locations;
  return converted;
}

/** Compiled operations kept per document (Apollo hands back the same parsed document for the same query text). */
const compiledQueries = new WeakMap<DocumentNode, Map<string, CompiledQuery | ExecutionResult>>();

/**
 * graphql-jit as Apollo Server's executor (issue 16, lever 3). Apollo Server 5 takes a custom executor only
 * through its gateway interface: this "gateway" serves the one local schema and executes each operation
 * with a function compiled once per document and operation, instead of graphql-js walking the document on
 * every request. Parsing, validation, the plugins (cost, limits, logging) and error formatting stay Apollo's.
 *
 * What graphql-jit answers differently from graphql-js goes to graphql-js, so that clients see the same
 * refusals as before: an operation it does not compile (a subscription), and variables it refuses (it then
 * runs no resolver and answers without `data`; graphql-js's refusal names the variable's definition, which
 * Apollo turns into BAD_USER_INPUT).
 */
export function compiledExecution(schema: GraphQLSchema): Gateway {
  return {
    async load() {
      return {
        async executor({ document, operationName, request, context }) {
          let byOperation = compiledQueries.get(document);
          if (!byOperation) compiledQueries.set(document, (byOperation = new Map()));
          const key = operationName ?? '';
          let compiled = byOperation.get(key);
          if (!compiled) {
            compiled = compileQuery(schema, document, operationName ?? undefined);
            byOperation.set(key, compiled);
          }
          const interpreted = () => execute({ schema, document, operationName, variableValues: request.variables, contextValue: context }) as Promise<ExecutionResult> | ExecutionResult;
          if (!isCompiledQuery(compiled)) return interpreted();
          const result = await compiled.query(undefined, context, request.variables ?? {});
          if (result.data === undefined) return interpreted();
          return result.errors ? { ...result, errors: result.errors.map(asGraphQLJsError) } : result;
        },
      };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    async stop() {},
  };
}
