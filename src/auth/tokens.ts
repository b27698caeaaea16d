import { createHash, randomBytes } from 'node:crypto';

/** What every API token starts with: it tells them from the provider's JWTs (which start with `eyJ`). */
export const API_TOKEN_PREFIX = 'bwpc_';

/**
 * API tokens carry 256 random bits, so a fast hash is enough to keep a stolen database from
 * yielding usable tokens (GitHub stores its tokens the same way).
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new API token: the prefix and 256 random bits in base64url (48 characters in all). */
export function newApiToken(): string {
  return `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function isApiToken(token: string): boolean {
  return token.startsWith(API_TOKEN_PREFIX);
}
