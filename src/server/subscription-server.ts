import { IncomingMessage } from 'node:http';
import { Duplex } from 'node:stream';
import { FastifyBaseLogger, FastifyInstance } from 'fastify';
import {
  DocumentNode,
  ExecutionArgs,
  GraphQLError,
  GraphQLFormattedError,
  GraphQLSchema,
  OperationTypeNode,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { CloseCode, Context, handleProtocols, makeServer, SubscribePayload } from 'graphql-ws';
import { ContainerType } from 'type-graphql';
import { WebSocket, WebSocketServer } from 'ws';
import { AuthenticationFailure, AuthenticationResult } from '../auth/authenticator';
import { Viewer } from '../auth/viewer';
import { Environment, SubscriptionsConfig } from '../config';
import { Clock } from '../shared/clock';
import { MAX_PAGE_SIZE } from '../shared/graphql/pagination';
import { RequestContext } from './context';
import { createErrorFormatter } from './error-formatting';
import { Loaders } from './loaders';
import { priceOperation } from './query-cost';
import { armorProtections, limitCodes, requestLimits } from './request-limits';

export const SUBSCRIPTION_PATH = '/graphql';

/** Close codes beyond graphql-ws's own (4400 bad request, 4401 unauthorized, 4403 forbidden, 4429 too many init). */
export const liveCloseCodes = {
  /** Sign-in refused at connection_init, or the token expired while connected: sign in again and reconnect. */
  forbidden: CloseCode.Forbidden,
  /** The token already holds its cap of open connections. */
  tooManyConnections: 4408,
  /** The connection did not read its messages fast enough (RFC 6455 "try again later"). */
  slowConsumer: 1013,
  /** The server is stopping. */
  goingAway: 1001,
} as const;

export interface SubscriptionServerDependencies {
  environment: Environment;
  limits: SubscriptionsConfig;
  clock: Clock;
  schema: GraphQLSchema;
  container: ContainerType;
  logger: FastifyBaseLogger;
  authenticate(authorizationHeader: string | undefined): Promise<AuthenticationResult>;
  createLoaders(viewer: Viewer): Loaders;
}

/** One open WebSocket connection, once signed in. */
interface LiveSocket {
  socket: WebSocket;
  /** The Authorization value of connection_init, checked again at every ping. */
  authorization: string | null;
  viewer: Viewer | null;
  tokenKey: string | null;
  expiresAt: Date | null;
  expiryTimer: NodeJS.Timeout | null;
  answeredPing: boolean;
  graphql: Context | null;
}

type ConnectionContext = Context<Record<string, unknown> | undefined, { live: LiveSocket }>;

/** WebSocket close reasons are at most 123 bytes. */
function closeReason(reason: string): string {
  return Buffer.byteLength(reason) <= 123 ? reason : `${reason.slice(0, 119)}…`;
}

function refusal(message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions });
}

/** How long a dropped slow consumer has to read its close frame before its socket is destroyed. */
const SLOW_CONSUMER_GRACE_MS = 1000;

/** The longest delay setTimeout takes. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * GraphQL subscriptions over WebSocket (the graphql-transport-ws protocol of graphql-ws), on the same
 * port and path as queries. The same rules as HTTP requests: the token in connection_init's payload
 * (`{ authorization: 'Bearer …' }`) is verified by the same authenticator, the subscription document
 * passes the same token, depth, alias, directive and cost limits, and resolvers check the same
 * permissions. Beyond HTTP: the connection closes when its token expires, each token has a cap of
 * connections and subscriptions, a connection that does not read what it is sent is dropped, and every
 * connection is pinged and closed when it stops answering.
 */
export class SubscriptionServer {
  private readonly sockets = new WebSocketServer({ noServer: true, maxPayload: requestLimits.maxBodyBytes, handleProtocols: (protocols) => handleProtocols(protocols) });
  private readonly live = new Set<LiveSocket>();
  private readonly byToken = new Map<string, Set<LiveSocket>>();
  private readonly eventLoaders = new Map<string, Loaders>();
  private readonly pinger: NodeJS.Timeout | null;
  private readonly format: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  private readonly validationRules: ReturnType<typeof armorProtections>['validationRules'];

  constructor(private readonly deps: SubscriptionServerDependencies) {
    const format = createErrorFormatter(deps.environment);
    // Unexpected errors are masked for the client, as over HTTP, and logged in full here.
    this.format = (formatted, error) => {
      const shown = format(formatted, error);
      if (shown.extensions?.code === 'INTERNAL_SERVER_ERROR') deps.logger.error({ err: error }, 'Subscription failed');
      return shown;
    };
    this.validationRules = armorProtections({ blockFieldSuggestions: deps.environment !== 'development' }).validationRules;
    const interval = deps.limits.pingIntervalMs;
    this.pinger = interval > 0 ? setInterval(() => this.pingAll(), interval) : null;
    this.pinger?.unref();
    const server = makeServer<Record<string, unknown> | undefined, { live: LiveSocket }>({
      schema: deps.schema,
      connectionInitWaitTimeout: deps.limits.connectionInitTimeoutMs,
      onConnect: (ctx) => this.connect(ctx),
      onSubscribe: (ctx, id, payload) => this.subscribe(ctx, id, payload),
      context: (ctx) => this.context(ctx.extra.live),
      onNext: (ctx, _id, _payload, _args, result) => {
        this.closeIfExpired(ctx.extra.live);
        return result.errors ? { ...result, errors: result.errors.map((error) => this.format(error.toJSON(), error)) } : undefined;
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((error) => this.format(error.toJSON(), error)),
    });
    this.sockets.on('connection', (socket: WebSocket) => {
      const live: LiveSocket = { socket, authorization: null, viewer: null, tokenKey: null, expiresAt: null, expiryTimer: null, answeredPing: true, graphql: null };
      this.live.add(live);
      socket.on('pong', () => (live.answeredPing = true));
      socket.once('error', () => socket.terminate());
      const closed = server.opened(
        {
          protocol: socket.protocol,
          send: (data) => this.send(live, data),
          close: (code, reason) => socket.close(code, reason && closeReason(reason)),
          onMessage: (receive) =>
            socket.on('message', async (data) => {
              try {
                await receive(String(data));
              } catch (error) {
                deps.logger.error({ err: error }, 'Subscription message failed');
                socket.close(CloseCode.InternalServerError, 'Internal server error');
              }
            }),
        },
        { live },
      );
      socket.once('close', (code, reason) => {
        this.forget(live);
        deps.logger.info({ code, reason: String(reason), merchantId: live.viewer?.merchantId }, 'subscription connection closed');
        void closed(code, String(reason));
      });
    });
  }

  /** Takes the WebSocket upgrades of SUBSCRIPTION_PATH on Fastify's server; other paths are refused. */
  attach(fastify: FastifyInstance): void {
    fastify.server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      const path = (request.url ?? '').split('?')[0];
      if (path !== SUBSCRIPTION_PATH) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      this.sockets.handleUpgrade(request, socket, head, (websocket) => this.sockets.emit('connection', websocket, request));
    });
    fastify.addHook('preClose', async () => this.close());
  }

  /** Open connections (the benchmark and tests read it). */
  get connectionCount(): number {
    return this.live.size;
  }

  /** Subscriptions listening for events, over every connection. */
  get subscriptionCount(): number {
    let count = 0;
    for (const live of this.live) count += Object.values(live.graphql?.subscriptions ?? {}).filter((subscription) => subscription !== null).length;
    return count;
  }

  async close(): Promise<void> {
    if (this.pinger) clearInterval(this.pinger);
    for (const live of this.live) live.socket.close(liveCloseCodes.goingAway, 'Server stopping');
    await new Promise<void>((resolve) => this.sockets.close(() => resolve()));
    for (const live of this.live) live.socket.terminate();
  }

  private async connect(ctx: ConnectionContext): Promise<boolean> {
    const live = ctx.extra.live;
    live.graphql = ctx;
    const params = ctx.connectionParams ?? {};
    const given = params.authorization ?? params.Authorization;
    const header = typeof given === 'string' ? given : undefined;
    const authentication = await this.deps.authenticate(header);
    if ('failure' in authentication) {
      live.socket.close(liveCloseCodes.forbidden, authentication.failure);
      return false;
    }
    const { viewer, expiresAt } = authentication;
    const tokenKey = viewer.apiTokenId ? `api-token:${viewer.apiTokenId}` : `user:${viewer.userId}`;
    const sameToken = this.byToken.get(tokenKey) ?? new Set<LiveSocket>();
    if (sameToken.size >= this.deps.limits.maxConnectionsPerToken) {
      live.socket.close(liveCloseCodes.tooManyConnections, `TOO_MANY_CONNECTIONS: at most ${this.deps.limits.maxConnectionsPerToken} per token`);
      return false;
    }
    Object.assign(live, { viewer, tokenKey, expiresAt, authorization: header ?? null });
    sameToken.add(live);
    this.byToken.set(tokenKey, sameToken);
    this.scheduleExpiry(live);
    return true;
  }

  /** The token's remaining life by the injected clock, waited out by a timer; each delivery checks it too. */
  private scheduleExpiry(live: LiveSocket): void {
    if (!live.expiresAt) return;
    const remaining = live.expiresAt.getTime() - this.deps.clock.now().getTime();
    if (remaining <= 0) {
      live.socket.close(liveCloseCodes.forbidden, 'EXPIRED');
      return;
    }
    live.expiryTimer = setTimeout(() => {
      if (remaining > MAX_TIMER_MS) this.scheduleExpiry(live);
      else live.socket.close(liveCloseCodes.forbidden, 'EXPIRED');
    }, Math.min(remaining, MAX_TIMER_MS));
    live.expiryTimer.unref();
  }

  private closeIfExpired(live: LiveSocket): void {
    if (live.expiresAt && live.expiresAt.getTime() <= this.deps.clock.now().getTime()) live.socket.close(liveCloseCodes.forbidden, 'EXPIRED');
  }

  private subscribe(ctx: ConnectionContext, _id: string, payload: SubscribePayload): ExecutionArgs | readonly GraphQLError[] {
    const live = ctx.extra.live;
    const subscriptions = [...(this.byToken.get(live.tokenKey ?? '') ?? [])].reduce((sum, other) => sum + Object.keys(other.graphql?.subscriptions ?? {}).length, 0);
    const max = this.deps.limits.maxSubscriptionsPerToken;
    if (subscriptions > max) {
      return [refusal(`This token already has ${max} subscriptions open: complete one first.`, { code: 'TOO_MANY_SUBSCRIPTIONS', limit: max })];
    }
    let document: DocumentNode;
    try {
      document = parse(payload.query, { maxTokens: requestLimits.maxTokens });
    } catch (error) {
      const syntax = error instanceof GraphQLError ? error : new GraphQLError(String(error));
      return [new GraphQLError(syntax.message, { nodes: syntax.nodes, source: syntax.source, positions: syntax.positions, extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
    }
    const problems = validate(this.deps.schema, document, [...specifiedRules, ...this.validationRules]);
    if (problems.length > 0) {
      return problems.map((problem) =>
        problem.extensions.limitCode ? problem : new GraphQLError(problem.message, { nodes: problem.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
      );
    }
    const operation = getOperationAST(document, payload.operationName);
    if (!operation) return [refusal('Name the operation to run (operationName): the document has several, or none.', { code: 'OPERATION_RESOLUTION_FAILURE' })];
    if (operation.operation !== OperationTypeNode.SUBSCRIPTION) {
      return [refusal('Only subscriptions run over WebSocket: send queries and mutations to POST /graphql.', { code: 'BAD_REQUEST' })];
    }
    const variables = payload.variables ?? {};
    let price;
    try {
      price = priceOperation(this.deps.schema, document, variables, payload.operationName ?? undefined);
    } catch {
      price = null; // variables that do not fit their types: graphql-js refuses them next, as BAD_USER_INPUT
    }
    const [outOfRange] = price?.pageSizesOutOfRange ?? [];
    if (outOfRange) {
      return [refusal(`\`first\` on ${outOfRange.field} is ${outOfRange.first}: a page holds from 1 to ${MAX_PAGE_SIZE} items.`, { code: 'BAD_USER_INPUT', limit: MAX_PAGE_SIZE })];
    }
    if (price && price.cost > requestLimits.maxCost) {
      return [
        refusal(`The subscription costs ${price.cost} points per event, over the limit of ${requestLimits.maxCost}: ask for smaller pages (first) or fewer fields.`, {
          code: limitCodes.maxCost,
          cost: price.cost,
          limit: requestLimits.maxCost,
        }),
      ];
    }
    return { schema: this.deps.schema, document, operationName: payload.operationName, variableValues: variables };
  }

  /** Each subscription has a context of its own, whose loaders are renewed before every event. */
  private context(live: LiveSocket): RequestContext {
    const viewer = live.viewer!;
    const context: RequestContext = {
      requestId: `ws:${viewer.userId}`,
      summary: {},
      viewer,
      loaders: this.deps.createLoaders(viewer),
      container: this.deps.container,
      live: {
        renewLoaders: (eventKey) => {
          context.loaders = this.loadersFor(viewer, eventKey);
        },
        slowConsumer: () => this.dropSlowConsumer(live, 'events'),
      },
    };
    return context;
  }

  /**
   * Loaders for one event and one merchant, shared by the subscriptions handling it in the same turn (an
   * event reaches them all at once): loaders are scoped by the merchant alone, never by role. They are
   * dropped at the next turn, so a later event reads afresh.
   */
  private loadersFor(viewer: Viewer, eventKey: string): Loaders {
    const key = `${viewer.merchantId}\n${eventKey}`;
    let loaders = this.eventLoaders.get(key);
    if (!loaders) {
      loaders = this.deps.createLoaders(viewer);
      this.eventLoaders.set(key, loaders);
      setImmediate(() => this.eventLoaders.delete(key));
    }
    return loaders;
  }

  private send(live: LiveSocket, data: string): Promise<void> {
    const { socket } = live;
    if (socket.readyState !== WebSocket.OPEN) return Promise.resolve();
    if (socket.bufferedAmount + Buffer.byteLength(data) > this.deps.limits.maxBufferedBytes) {
      this.dropSlowConsumer(live, 'bytes');
      return Promise.resolve();
    }
    // Not waiting for the write: what the client has not read shows in bufferedAmount, which is bounded above.
    socket.send(data);
    return Promise.resolve();
  }

  private dropSlowConsumer(live: LiveSocket, what: 'bytes' | 'events'): void {
    if (live.socket.readyState !== WebSocket.OPEN) return;
    this.deps.logger.warn({ merchantId: live.viewer?.merchantId, bufferedBytes: live.socket.bufferedAmount, over: what }, 'Dropping a slow subscription consumer');
    live.socket.close(liveCloseCodes.slowConsumer, 'SLOW_CONSUMER: read your messages faster, then reconnect');
    // The close frame waits behind everything the client has not read: the socket goes after a grace second.
    setTimeout(() => live.socket.terminate(), SLOW_CONSUMER_GRACE_MS).unref();
  }

  private pingAll(): void {
    for (const live of this.live) {
      if (!live.answeredPing) {
        live.socket.terminate();
        continue;
      }
      live.answeredPing = false;
      if (live.socket.readyState !== WebSocket.OPEN) continue;
      live.socket.ping();
      void this.signInAgain(live);
    }
  }

  /**
   * A removed user, a revoked API token or a changed role ends the connection (4403) within a ping
   * interval: the token is verified again as a new request's would be.
   */
  private async signInAgain(live: LiveSocket): Promise<void> {
    const { viewer, authorization } = live;
    if (!viewer || authorization === null) return;
    let authentication: AuthenticationResult;
    try {
      authentication = await this.deps.authenticate(authorization);
    } catch (error) {
      this.deps.logger.error({ err: error }, 'Checking a subscription connection\'s sign-in failed; it is checked again at the next ping');
      return;
    }
    if ('failure' in authentication) {
      // The sign-in provider being unreachable is not the client's doing: keep the connection until it answers.
      if (authentication.failure !== AuthenticationFailure.KEYS_UNAVAILABLE) live.socket.close(liveCloseCodes.forbidden, authentication.failure);
      return;
    }
    const now = authentication.viewer;
    if (now.merchantId !== viewer.merchantId || now.role !== viewer.role || now.userId !== viewer.userId) live.socket.close(liveCloseCodes.forbidden, 'ROLE_CHANGED');
  }

  private forget(live: LiveSocket): void {
    this.live.delete(live);
    if (live.expiryTimer) clearTimeout(live.expiryTimer);
    if (!live.tokenKey) return;
    const sameToken = this.byToken.get(live.tokenKey);
    sameToken?.delete(live);
    if (sameToken?.size === 0) this.byToken.delete(live.tokenKey);
  }
}
