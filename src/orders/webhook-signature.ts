import { createHmac, timingSafeEqual } from 'node:crypto';

export type SignatureCheck = 'VALID' | 'MISSING' | 'STALE' | 'INVALID';

/** The signature a sender puts in `x-bwp-signature`: `v1=` + hex HMAC-SHA256 of `timestamp.body`. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

/**
 * O4: a webhook request is taken only when signed with the shared secret over its timestamp and
 * body, and when the timestamp is recent (which stops replays of old, validly signed requests).
 */
export function checkWebhookSignature(request: {
  secret: string;
  timestampHeader: string | undefined;
  signatureHeader: string | undefined;
  body: string;
  now: Date;
  toleranceSeconds: number;
}): SignatureCheck {
  const { timestampHeader, signatureHeader } = request;
  if (!timestampHeader || !signatureHeader) return 'MISSING';
  if (!/^\d{1,12}$/.test(timestampHeader)) return 'INVALID';
  const timestamp = Number(timestampHeader);
  if (Math.abs(request.now.getTime() / 1000 - timestamp) > request.toleranceSeconds) return 'STALE';
  const expected = Buffer.from(signWebhook(request.secret, timestamp, request.body), 'utf8');
  const given = Buffer.from(signatureHeader, 'utf8');
  return expected.length === given.length && timingSafeEqual(expected, given) ? 'VALID' : 'INVALID';
}
