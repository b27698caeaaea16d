import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify, { FastifyInstance, FastifyRequest } from 'fastify';
import { GraphQLError, GraphQLSchema } from 'graphql';
import { ContainerType } from 'type-graphql';
import { Viewer } from '../auth/viewer';
import { AppConfig } from '../config';
import { RequestContext } from './context';
import { createErrorFormatter, unexpectedErrorLogging } from './error-formatting';
import { Loaders } from './loaders';

export interface HttpServerDependencies {
  config: AppConfig;
  schema: GraphQLSchema;
  container: ContainerType;
  authenticate(authorizationHeader: string | undefined): Promise<Viewer | null>;
  createLoaders(viewer: Viewer): Loaders;
  /** Null when the server can take traffic, else why not. */
  readinessProblem(): Promise<string | null>;
  /** Routes besides GraphQL and health (the order webhook). */
  registerRoutes(fastify: FastifyInstance): Promise<void>;
}

function unauthenticated(): GraphQLError {
  return new GraphQLError('Sign in: send your API token as "Authorization: Bearer <token>".', {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });
}

/**
 * Fastify serving GraphQL on `/graphql` (POST, and GET with Apollo's CSRF prevention), plus
 * `/healthz` (the process is up) and `/readyz` (the database answers and is migrated).
 */
export async function createHttpServer(deps: HttpServerDependencies): Promise<FastifyInstance> {
  const { config } = deps;
  const fastify = Fastify({
    logger: { level: config.logLevel, redact: ['req.headers.authorization'] },
    genReqId: () => randomUUID(),
    requestIdHeader: false,
  });
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const apollo = new ApolloServer<RequestContext>({
    schema: deps.schema,
    includeStacktraceInErrorResponses: config.environment === 'development',
    formatError: createErrorFormatter(config.environment),
    plugins: [fastifyApolloDrainPlugin(fastify), unexpectedErrorLogging(fastify.log), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  const context = async (request: FastifyRequest): Promise<RequestContext> => {
    const viewer = await deps.authenticate(request.headers.authorization);
    if (!viewer) throw unauthenticated();
    return { requestId: request.id, viewer, loaders: deps.createLoaders(viewer), container: deps.container };
  };
  await fastify.register(fastifyApollo(apollo), { context });

  await deps.registerRoutes(fastify);
  fastify.get('/healthz', async () => ({ status: 'ok' }));
  fastify.get('/readyz', async (_request, reply) => {
    const problem = await deps.readinessProblem();
    if (problem) return reply.code(503).send({ status: 'unavailable', reason: problem });
    return { status: 'ready' };
  });
  return fastify;
}
