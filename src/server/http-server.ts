import { randomUUID } from 'node:crypto';
import { ApolloServer, ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import Fastify, { FastifyBaseLogger, FastifyInstance, FastifyRequest, LogController } from 'fastify';
import { GraphQLError, GraphQLSchema } from 'graphql';
import { ContainerType } from 'type-graphql';
import { AuthenticationFailure, authenticationMessages, AuthenticationResult, authenticationStatus } from '../auth/authenticator';
import { registerCors } from './cors';
import { Viewer } from '../auth/viewer';
import { AppConfig } from '../config';
import { Clock } from '../shared/clock';
import { RequestContext, RequestSummary } from './context';
import { CostBudget, CostBudgets } from './cost-budget';
import { costPlugin } from './cost.plugin';
import { MerchantTurns } from './merchant-turns';
import { ThrottledCallers } from './throttled-callers';
import { createErrorFormatter, errorCodeOf, unexpectedErrorLogging } from './error-formatting';
import { registerFailedRequestLimit, serverTimeouts } from './client-limits';
import { compiledExecution } from './jit-executor';
import { Loaders } from './loaders';
import { SUBSCRIPTION_PATH, SubscriptionServer } from './subscription-server';
import { armorProtections, limitCodes, requestLimits } from './request-limits';

export interface HttpServerDependencies {
  config: AppConfig;
  clock: Clock;
  schema: GraphQLSchema;
  container: ContainerType;
  authenticate(authorizationHeader: string | undefined): Promise<AuthenticationResult>;
  createLoaders(viewer: Viewer): Loaders;
  /** Null when the server can take traffic, else why not. */
  readinessProblem(): Promise<string | null>;
  /** Routes besides GraphQL and health (the order webhook). */
  registerRoutes(fastify: FastifyInstance): Promise<void>;
  /** The process's logger (see logger.ts): one line per request. */
  logger: FastifyBaseLogger;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** GraphQL subscriptions over WebSocket on /graphql. */
    subscriptions: SubscriptionServer;
  }
  interface FastifyRequest {
    /** What the request's log line says of the GraphQL operation. */
    graphql: RequestSummary | null;
  }
}

/**
 * 401, saying what is wrong with the token (never echoing it); 403 for a valid token whose subject is no
 * user; 503 when the provider's keys cannot be fetched.
 */
function unauthenticated(failure: AuthenticationFailure): GraphQLError {
  const status = authenticationStatus(failure);
  const code = status === 403 ? 'FORBIDDEN' : status === 503 ? 'SIGN_IN_UNAVAILABLE' : 'UNAUTHENTICATED';
  return new GraphQLError(authenticationMessages[failure], { extensions: { code, reason: failure, http: { status } } });
}

/** Every `userErrors` entry of a response, at any depth (a bulk mutation's outcomes carry their own). */
function userErrorsIn(value: unknown): Array<{ code?: unknown } | null> {
  if (Array.isArray(value)) return value.flatMap(userErrorsIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === 'userErrors' && Array.isArray(child) ? (child as Array<{ code?: unknown } | null>) : userErrorsIn(child),
  );
}

/** Fills in the request log's outcome, and the codes of what was refused, once the operation has run. */
const outcomeSummary: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue, operation, operationName, errors }) {
        if (!contextValue?.summary) return;
        const summary = contextValue.summary;
        summary.operationName = operationName ?? undefined;
        const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
        // Only mutation payloads carry userErrors: a query's answer (a page of 100 products) is not walked.
        const refusals = operation?.operation === 'mutation' ? userErrorsIn(body?.data) : [];
        const errorCodes = (errors ?? []).map(errorCodeOf);
        summary.outcome = errorCodes.length > 0 ? 'error' : refusals.length > 0 ? 'user_errors' : 'ok';
        summary.errorCodes = [...errorCodes, ...refusals.map((refusal) => (typeof refusal?.code === 'string' ? refusal.code : 'CODE_NOT_SELECTED'))];
      },
    };
  },
};

/** Subscriptions run over WebSocket (subscription-server.ts); over HTTP, Apollo would run them once as a query. */
const subscriptionsOverWebSocket: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation !== 'subscription') return;
        throw new GraphQLError(
          `Subscriptions run over WebSocket on ${SUBSCRIPTION_PATH} (the graphql-transport-ws protocol of graphql-ws): see the README's "Live updates". Over HTTP, run a query and repeat it.`,
          { extensions: { code: 'OPERATION_NOT_SUPPORTED', http: { status: 400, headers: new HeaderMap() } } },
        );
      },
    };
  },
};

/**
 * Fastify serving GraphQL on `/graphql` (POST, and GET with Apollo's CSRF prevention), plus
 * `/healthz` (the process is up) and `/readyz` (the database answers and is migrated). Every
 * request is bounded (see request-limits.ts) and logged as one JSON line.
 */
export async function createHttpServer(deps: HttpServerDependencies): Promise<FastifyInstance> {
  const { config } = deps;
  const development = config.environment === 'development';
  const fastify = Fastify({
    loggerInstance: deps.logger,
    // Fastify's own two lines per request give way to the one line written below; every line of a
    // request carries its ID once, as `requestId` (also the x-request-id header).
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    bodyLimit: requestLimits.maxBodyBytes,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    ...serverTimeouts(config.clientLimits),
  });
  await registerFailedRequestLimit(fastify, config.clientLimits);
  await registerCors(fastify, config.corsOrigins);
  fastify.decorateRequest('graphql', null);
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        path: request.routeOptions.url ?? request.url.split('?')[0],
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
        ...(request.graphql ?? {}),
      },
      'request',
    );
  });
  fastify.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.code(413).send({
        errors: [{ message: `The request body is over ${requestLimits.maxBodyBytes} bytes.`, extensions: { code: limitCodes.maxBodyBytes, limit: requestLimits.maxBodyBytes } }],
      });
    }
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error }, 'Request failed');
    return reply.code(status).send({ errors: [{ message: status === 500 ? 'Internal server error.' : error.message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }] });
  });

  // A caller just told THROTTLED is refused at the door until its Retry-After passes (at most a second).
  const throttled = new ThrottledCallers(deps.clock);
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.url.split('?')[0] !== '/graphql') return;
    const waitMs = throttled.waitMs(request.headers.authorization);
    if (waitMs === 0) return;
    request.graphql = { outcome: 'error', errorCodes: ['THROTTLED'] };
    return reply
      .code(429)
      .header('retry-after', String(Math.ceil(waitMs / 1000)))
      .send({
        errors: [
          {
            message: `Throttled: your last request was refused for want of budget; wait ${waitMs} ms (Retry-After) before the next.`,
            extensions: { code: 'THROTTLED', retryAfterMs: waitMs },
          },
        ],
      });
  });

  const armor = armorProtections({ blockFieldSuggestions: !development });
  const apollo = new ApolloServer<RequestContext>({
    ...(config.graphqlJit ? { gateway: compiledExecution(deps.schema) } : { schema: deps.schema }),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: development,
    formatError: createErrorFormatter(config.environment),
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: requestLimits.maxTokens },
    plugins: [
      fastifyApolloDrainPlugin(fastify),
      subscriptionsOverWebSocket,
      ...armor.plugins,
      costPlugin(
        new CostBudgets(
          new CostBudget(deps.clock, config.rateLimit.capacity, config.rateLimit.restorePerSecond),
          new CostBudget(deps.clock, config.rateLimit.merchantCapacity, config.rateLimit.merchantRestorePerSecond),
        ),
        new MerchantTurns(config.merchantTurns.slots, config.merchantTurns.queue),
        config.merchantTurns,
        throttled,
      ),
      outcomeSummary,
      unexpectedErrorLogging(fastify.log),
      ApolloServerPluginLandingPageDisabled(),
      // Nothing here is cacheable per field, and the automatic cache-control plugin wraps every field resolver (measured: npm run bench).
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
  await apollo.start();

  const context = async (request: FastifyRequest): Promise<RequestContext> => {
    const summary: RequestSummary = {};
    request.graphql = summary;
    const authentication = await deps.authenticate(request.headers.authorization);
    if ('failure' in authentication) {
      const error = unauthenticated(authentication.failure);
      summary.outcome = 'error';
      summary.errorCodes = [String(error.extensions.code)];
      throw error;
    }
    const { viewer } = authentication;
    return { requestId: request.id, summary, viewer, loaders: deps.createLoaders(viewer), container: deps.container };
  };
  await fastify.register(fastifyApollo(apollo), { context });
  const subscriptions = new SubscriptionServer({
    environment: config.environment,
    limits: config.subscriptions,
    clock: deps.clock,
    schema: deps.schema,
    container: deps.container,
    logger: fastify.log,
    authenticate: deps.authenticate,
    createLoaders: deps.createLoaders,
  });
  subscriptions.attach(fastify);
  fastify.decorate('subscriptions', subscriptions);

  await deps.registerRoutes(fastify);
  fastify.get('/healthz', async () => ({ status: 'ok' }));
  fastify.get('/readyz', async (_request, reply) => {
    const problem = await deps.readinessProblem();
    if (problem) return reply.code(503).send({ status: 'unavailable', reason: problem });
    return { status: 'ready' };
  });
  return fastify;
}
