import rateLimit from '@fastify/rate-limit';
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ClientLimitsConfig } from '../config';

export const FAILED_REQUESTS_CODE = 'TOO_MANY_FAILED_REQUESTS';

/** Routes a load balancer or an orchestrator probes: never limited. */
const probes = new Set(['/healthz', '/readyz']);

/** An address locked out stays in memory until its window ends; past this many, the oldest are forgotten. */
const MAX_LOCKED_OUT_ADDRESSES = 10_000;

/**
 * Fastify's socket timeouts: a client that sends its request slowly (a byte every few seconds) is cut off
 * after `requestTimeoutMs`, an idle socket after `connectionTimeoutMs`. Node checks request timeouts on an
 * interval, kept well under the timeout; headers must arrive within it too.
 */
export function serverTimeouts(limits: ClientLimitsConfig) {
  return {
    connectionTimeout: limits.connectionTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    http: {
      headersTimeout: Math.min(60_000, limits.requestTimeoutMs),
      connectionsCheckingInterval: Math.min(30_000, Math.max(50, Math.floor(limits.requestTimeoutMs / 4))),
    },
  };
}

function refusal(request: FastifyRequest, retryAfterSeconds: number, limits: ClientLimitsConfig): string {
  const message =
    `Too many failed requests from this address (more than ${limits.failedRequestsPerWindow} refused with 401 in ${limits.failedRequestsWindowSeconds} s). ` +
    `Retry in ${retryAfterSeconds} s, with a valid token (or a correct webhook signature).`;
  const details = { code: FAILED_REQUESTS_CODE, limit: limits.failedRequestsPerWindow, windowSeconds: limits.failedRequestsWindowSeconds, retryAfterSeconds };
  const graphql = (request.routeOptions.url ?? request.url).startsWith('/graphql');
  return JSON.stringify(graphql ? { errors: [{ message, extensions: details }] } : { error: FAILED_REQUESTS_CODE, message, ...details });
}

/**
 * Unauthenticated traffic is not free: per address, requests answered 401 (a token that is missing,
 * malformed, unknown or expired; a webhook whose signature fails) are counted with @fastify/rate-limit.
 * Past `failedRequestsPerWindow` in a window, that address gets 429 with Retry-After on every request,
 * before any work (no sign-in attempt, no database), until the window ends. Each instance counts its own.
 */
export async function registerFailedRequestLimit(fastify: FastifyInstance, limits: ClientLimitsConfig): Promise<void> {
  await fastify.register(rateLimit, { global: false });
  const countFailure = fastify.createRateLimit({ max: limits.failedRequestsPerWindow, timeWindow: limits.failedRequestsWindowSeconds * 1000 });
  const lockedOutUntil = new Map<string, number>();

  const answer = (request: FastifyRequest, reply: FastifyReply, until: number) => {
    const retryAfterSeconds = Math.max(1, Math.ceil((until - Date.now()) / 1000));
    reply.code(429).header('retry-after', String(retryAfterSeconds)).header('content-type', 'application/json; charset=utf-8');
    return refusal(request, retryAfterSeconds, limits);
  };

  fastify.addHook('onRequest', async (request, reply) => {
    const until = lockedOutUntil.get(request.ip);
    if (until === undefined || probes.has(request.url.split('?')[0])) return;
    if (until <= Date.now()) {
      lockedOutUntil.delete(request.ip);
      return;
    }
    return reply.send(answer(request, reply, until));
  });

  fastify.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode !== 401) return payload;
    const counted = await countFailure(request);
    if (counted.isAllowed || !counted.isExceeded) return payload;
    const until = Date.now() + counted.ttl;
    lockedOutUntil.delete(request.ip);
    lockedOutUntil.set(request.ip, until);
    if (lockedOutUntil.size > MAX_LOCKED_OUT_ADDRESSES) lockedOutUntil.delete(lockedOutUntil.keys().next().value!);
    return answer(request, reply, until);
  });
}
