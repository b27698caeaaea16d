import { FastifyInstance, FastifyReply } from 'fastify';
import { Clock } from '../shared/clock';
import { checkWebhookSignature } from './webhook-signature';

export interface SignedWebhookOptions {
  path: string;
  /** Who is sending, for the log line of a failure ("Order webhook", "Seller Central notification"). */
  sender: string;
  secret: string;
  clock: Clock;
  toleranceSeconds: number;
}

/**
 * A JSON webhook signed as Buy with Prime signs its events (`x-bwp-timestamp`, `x-bwp-signature: v1=<hex
 * HMAC-SHA256 of "<timestamp>.<body>">`): 401 for a missing, wrong or stale signature, 400 for a body that
 * is not JSON, 500 (logged, so that the sender retries) for anything unexpected; `handle` answers the rest.
 */
export async function registerSignedWebhook(
  fastify: FastifyInstance,
  options: SignedWebhookOptions,
  handle: (json: unknown, reply: FastifyReply) => Promise<FastifyReply>,
): Promise<void> {
  await fastify.register(async (scope) => {
    // The signature covers the exact bytes sent, so the body is read as text and parsed here.
    scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => done(null, body));
    scope.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
      const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
      if (status === 500) request.log.error({ err: error }, `${options.sender} failed; the sender will retry`);
      return reply.code(status).send({ error: status === 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST' });
    });

    scope.post(options.path, async (request, reply) => {
      const body = request.body as string;
      const header = (name: string) => {
        const value = request.headers[name];
        return Array.isArray(value) ? value[0] : value;
      };
      const signature = checkWebhookSignature({
        secret: options.secret,
        timestampHeader: header('x-bwp-timestamp'),
        signatureHeader: header('x-bwp-signature'),
        body,
        now: options.clock.now(),
        toleranceSeconds: options.toleranceSeconds,
      });
      if (signature !== 'VALID') return reply.code(401).send({ error: `SIGNATURE_${signature}` });
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        return reply.code(400).send({ error: 'MALFORMED_JSON' });
      }
      return handle(json, reply);
    });
  });
}
