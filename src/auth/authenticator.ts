import { DataSource, IsNull } from 'typeorm';
import { Clock } from '../shared/clock';
import { ApiToken } from './api-token.entity';
import { CLOCK_TOLERANCE_SECONDS, JwtFailure, JwtVerifier } from './jwt-verifier';
import { MerchantUser } from './merchant-user.entity';
import { hashToken, isApiToken } from './tokens';
import { Viewer } from './viewer';
import { ViewerCache } from './viewer-cache';

/** A JWT is three base64url parts; an API token is its prefix and base64url. Nothing else is read. */
const bearerPattern = /^Bearer ([A-Za-z0-9._~+/=-]{1,8192})$/;

/** Why a request is not signed in; each has its own message, so that a person knows what to fix. */
export enum AuthenticationFailure {
  /** No Authorization header at all. */
  MISSING = 'MISSING',
  /** An Authorization header that is not `Bearer <token>`. */
  MALFORMED = 'MALFORMED',
  /** An API token that names none (mistyped, or of another environment), or a token that is neither a JWT nor an API token. */
  UNKNOWN = 'UNKNOWN',
  /** A JWT or API token past its expiry. */
  EXPIRED = 'EXPIRED',
  /** A JWT whose `nbf` (or `iat`) is still ahead, beyond the tolerated clock skew. */
  NOT_YET_VALID = 'NOT_YET_VALID',
  /** A JWT from another provider than AUTH_ISSUER. */
  WRONG_ISSUER = 'WRONG_ISSUER',
  /** A JWT issued for another API than AUTH_AUDIENCE. */
  WRONG_AUDIENCE = 'WRONG_AUDIENCE',
  /** A JWT whose signature does not match the provider's key. */
  BAD_SIGNATURE = 'BAD_SIGNATURE',
  /** A JWT signed with a key the provider does not publish. */
  UNKNOWN_KEY = 'UNKNOWN_KEY',
  /** A JWT signed with `none`, HS256 or another algorithm than RS256 and ES256. */
  ALGORITHM_NOT_ALLOWED = 'ALGORITHM_NOT_ALLOWED',
  /** A JWT that cannot be read, or lacks `sub` or `exp`. */
  MALFORMED_TOKEN = 'MALFORMED_TOKEN',
  /** An API token that was revoked. */
  REVOKED = 'REVOKED',
  /** The provider's keys could not be fetched: not the client's fault (503). */
  KEYS_UNAVAILABLE = 'KEYS_UNAVAILABLE',
  /** A valid token whose subject is not a user of any merchant (403). */
  NOT_A_USER = 'NOT_A_USER',
}

export const authenticationMessages: Record<AuthenticationFailure, string> = {
  [AuthenticationFailure.MISSING]: 'Sign in: send your token as "Authorization: Bearer <token>".',
  [AuthenticationFailure.MALFORMED]:
    'The Authorization header is not "Bearer <token>": check the word Bearer, one space, and a token without quotes or spaces.',
  [AuthenticationFailure.UNKNOWN]: 'This token is not valid: it was mistyped, or issued for another environment. Use a token issued for your user.',
  [AuthenticationFailure.EXPIRED]: 'This token has expired. Sign in again, or create a new API token.',
  [AuthenticationFailure.NOT_YET_VALID]: 'This token is not valid yet (its "nbf" is in the future): check the clock of the machine that issued it.',
  [AuthenticationFailure.WRONG_ISSUER]: 'This token was issued by another sign-in provider than the one this API trusts. Sign in through the console.',
  [AuthenticationFailure.WRONG_AUDIENCE]: 'This token was issued for another API (its audience). Sign in through the console to get a token for this API.',
  [AuthenticationFailure.BAD_SIGNATURE]: 'This token\'s signature does not match: it was altered or forged. Sign in again.',
  [AuthenticationFailure.UNKNOWN_KEY]: 'This token is signed with a key the sign-in provider does not publish (retired, or of another provider). Sign in again.',
  [AuthenticationFailure.ALGORITHM_NOT_ALLOWED]: 'This token\'s signing algorithm is not accepted (only RS256 and ES256). Sign in through the console.',
  [AuthenticationFailure.MALFORMED_TOKEN]: 'This token cannot be read as a signed JWT with a subject and an expiry. Sign in again.',
  [AuthenticationFailure.REVOKED]: 'This API token was revoked. Ask an owner or admin of your merchant for a new one.',
  [AuthenticationFailure.KEYS_UNAVAILABLE]: 'Sign-in cannot be checked right now: the sign-in provider\'s keys could not be fetched. Try again in a minute.',
  [AuthenticationFailure.NOT_A_USER]:
    'You are signed in, but no merchant has added you as a user. Ask an owner or admin of your merchant to invite you (by your sign-in subject or email).',
};

/** The HTTP status of each failure: 401 unless the token is fine and the problem is elsewhere. */
export function authenticationStatus(failure: AuthenticationFailure): number {
  if (failure === AuthenticationFailure.NOT_A_USER) return 403;
  if (failure === AuthenticationFailure.KEYS_UNAVAILABLE) return 503;
  return 401;
}

/** A signed-in viewer, and when its token stops being accepted (a live connection is closed then). */
export type AuthenticationResult = { viewer: Viewer; expiresAt: Date } | { failure: AuthenticationFailure };

/** An API token's last use is written at most this often (not on every request). */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Turns an `Authorization: Bearer <token>` header into the viewer it belongs to, or says why not. A JWT
 * from the sign-in provider names a user by (`iss`, `sub`), whose merchant and role are stored here; an
 * API token (prefix `bwpc_`) is looked up by its hash.
 */
export class Authenticator {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jwts: JwtVerifier,
    private readonly clock: Clock,
    /** Viewers signed in during the last few seconds; only successes are kept. */
    private readonly cache: ViewerCache,
  ) {}

  async authenticate(authorizationHeader: string | undefined): Promise<AuthenticationResult> {
    if (authorizationHeader === undefined || authorizationHeader.trim() === '') return { failure: AuthenticationFailure.MISSING };
    const match = bearerPattern.exec(authorizationHeader);
    if (!match) return { failure: AuthenticationFailure.MALFORMED };
    const token = match[1];
    const api = isApiToken(token);
    if (!api && token.split('.').length !== 3) return { failure: AuthenticationFailure.UNKNOWN };
    const tokenHash = hashToken(token);
    const cached = this.cache.get(tokenHash);
    if (cached) return cached;
    return api ? this.apiTokenViewer(tokenHash) : this.jwtViewer(token, tokenHash);
  }

  private async jwtViewer(token: string, tokenHash: string): Promise<AuthenticationResult> {
    const verified = await this.jwts.verify(token);
    if ('failure' in verified) return { failure: jwtFailures[verified.failure] };
    const { iss, sub, email, email_verified: emailVerified, exp } = verified.claims;
    const user =
      (await this.dataSource.manager.findOneBy(MerchantUser, { issuer: iss, subject: sub })) ??
      (typeof email === 'string' && emailVerified === true ? await this.acceptInvitation(iss, sub, email) : null);
    if (!user) return { failure: AuthenticationFailure.NOT_A_USER };
    const signedIn = { viewer: { userId: user.id, merchantId: user.merchantId, role: user.role }, expiresAt: new Date(((exp as number) + CLOCK_TOLERANCE_SECONDS) * 1000) };
    this.cache.set(tokenHash, signedIn, (exp ?? 0) * 1000);
    return signedIn;
  }

  /** A user invited by email becomes this subject's on its first sign-in with that (verified) email. */
  private async acceptInvitation(issuer: string, subject: string, email: string): Promise<MerchantUser | null> {
    const invited = await this.dataSource.manager.findOne(MerchantUser, {
      where: { email: email.toLowerCase(), subject: IsNull() },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    if (!invited) return null;
    const claimed = await this.dataSource.manager.update(MerchantUser, { id: invited.id, subject: IsNull() }, { issuer, subject });
    if (claimed.affected !== 1) return this.dataSource.manager.findOneBy(MerchantUser, { issuer, subject });
    return Object.assign(invited, { issuer, subject });
  }

  private async apiTokenViewer(tokenHash: string): Promise<AuthenticationResult> {
    const stored = await this.dataSource.manager.findOneBy(ApiToken, { tokenHash });
    if (!stored) return { failure: AuthenticationFailure.UNKNOWN };
    if (stored.revokedAt) return { failure: AuthenticationFailure.REVOKED };
    const now = this.clock.now();
    if (stored.expiresAt.getTime() <= now.getTime()) return { failure: AuthenticationFailure.EXPIRED };
    if (!stored.lastUsedAt || now.getTime() - stored.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
      await this.dataSource.manager.update(ApiToken, { id: stored.id }, { lastUsedAt: now });
    }
    const signedIn = { viewer: { userId: stored.userId, merchantId: stored.merchantId, role: stored.role, apiTokenId: stored.id }, expiresAt: stored.expiresAt };
    this.cache.set(tokenHash, signedIn, stored.expiresAt.getTime());
    return signedIn;
  }
}

const jwtFailures: Record<JwtFailure, AuthenticationFailure> = {
  EXPIRED: AuthenticationFailure.EXPIRED,
  NOT_YET_VALID: AuthenticationFailure.NOT_YET_VALID,
  WRONG_ISSUER: AuthenticationFailure.WRONG_ISSUER,
  WRONG_AUDIENCE: AuthenticationFailure.WRONG_AUDIENCE,
  BAD_SIGNATURE: AuthenticationFailure.BAD_SIGNATURE,
  UNKNOWN_KEY: AuthenticationFailure.UNKNOWN_KEY,
  ALGORITHM_NOT_ALLOWED: AuthenticationFailure.ALGORITHM_NOT_ALLOWED,
  MALFORMED_TOKEN: AuthenticationFailure.MALFORMED_TOKEN,
  KEYS_UNAVAILABLE: AuthenticationFailure.KEYS_UNAVAILABLE,
};
