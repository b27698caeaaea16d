import { createHash } from 'node:crypto';

/**
 * API tokens carry 256 random bits, so a fast hash is enough to keep a stolen database from
 * yielding usable tokens (GitHub stores its tokens the same way).
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
