import { FastifyInstance, FastifyReply } from 'fastify';
import { Clock } from '../shared/clock';
import { checkWebhookSignature, SignatureCheck } from './webhook-signature';

export interface SignedWebhookOptions<T> {
  path: string;
  /** Who is sending, for the log line of a failure ("Order webhook", "Seller Central notification"). */
  sender: string;
  /**
   * Reads the JSON body once: its value, or the 400 answer for a body that names no signer because it
   * is malformed (given before the signature is read).
   */
  parse(json: unknown): { value: T } | { malformed: Record<string, unknown> };
  /**
   * The secrets that may have signed this body (any one verifies it): the notification relay's one
   * secret, or the secrets of the merchant whose order an event names. None: the request is refused.
   */
  secretsFor(value: T): Promise<string[]>;
  clock: Clock;
  toleranceSeconds: number;
}

/**
 * A JSON webhook signed as Buy with Prime signs its events (`x-bwp-timestamp`, `x-bwp-signature: v1=<hex
 * HMAC-SHA256 of "<timestamp>.<body>">`): 400 for a body that is not JSON (the body names whose secret
 * signed it, so it is read first), 401 for a missing, wrong or stale signature or a signer with no secret,
 * 500 (logged, so that the sender retries) for anything unexpected; `handle` answers the rest.
 */
export async function registerSignedWebhook<T>(
  fastify: FastifyInstance,
  options: SignedWebhookOptions<T>,
  handle: (value: T, reply: FastifyReply) => Promise<FastifyReply>,
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
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        return reply.code(400).send({ error: 'MALFORMED_JSON' });
      }
      const parsed = options.parse(json);
      if ('malformed' in parsed) return reply.code(400).send(parsed.malformed);
      const check = (secret: string) =>
        checkWebhookSignature({
          secret,
          timestampHeader: header('x-bwp-timestamp'),
          signatureHeader: header('x-bwp-signature'),
          body,
          now: options.clock.now(),
          toleranceSeconds: options.toleranceSeconds,
        });
      const checks = (await options.secretsFor(parsed.value)).map(check);
      // With no secret to check against, the headers are still read, so that a missing or stale one says so.
      const signature = checks.includes('VALID') ? 'VALID' : (checks[0] ?? unverifiable(check('')));
      if (signature !== 'VALID') return reply.code(401).send({ error: `SIGNATURE_${signature}` });
      return handle(parsed.value, reply);
    });
  });
}

/** Without a secret, a well-formed, recent signature is still INVALID (it cannot be one of the signer's). */
function unverifiable(check: SignatureCheck): SignatureCheck {
  return check === 'VALID' ? 'INVALID' : check;
}
