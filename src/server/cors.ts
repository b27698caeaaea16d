import cors from '@fastify/cors';
import { FastifyInstance } from 'fastify';

/** `http://localhost:*` allows localhost on any port (the development default); others must match exactly. */
export function originAllowed(origin: string, allowed: readonly string[]): boolean {
  return allowed.some((pattern) => {
    if (!pattern.endsWith(':*')) return origin === pattern;
    const prefix = pattern.slice(0, -1);
    return origin.startsWith(prefix) && /^\d{1,5}$/.test(origin.slice(prefix.length));
  });
}

/**
 * CORS for the console's origins (CORS_ORIGINS): their preflights succeed with the headers the console
 * sends (authorization, content-type, and Apollo's CSRF-prevention headers); any other origin gets no
 * CORS headers, so its browser keeps the answer from it. Apollo's CSRF prevention stays on behind this.
 */
export async function registerCors(fastify: FastifyInstance, allowedOrigins: readonly string[]): Promise<void> {
  await fastify.register(cors, {
    origin: (origin, callback) => callback(null, origin !== undefined && originAllowed(origin, allowedOrigins)),
    methods: ['GET', 'POST'],
    allowedHeaders: ['authorization', 'content-type', 'apollo-require-preflight', 'x-apollo-operation-name'],
    exposedHeaders: ['x-request-id', 'retry-after'],
    maxAge: 600,
    strictPreflight: false,
  });
}
