import { DataSource } from 'typeorm';
import { MerchantUser } from './merchant-user.entity';
import { hashToken } from './tokens';
import { Viewer } from './viewer';

const bearerPattern = /^Bearer ([A-Za-z0-9._~+/=-]{1,200})$/;

/** Why a request is not signed in; each has its own message, so that a person knows what to fix. */
export enum AuthenticationFailure {
  /** No Authorization header at all. */
  MISSING = 'MISSING',
  /** An Authorization header that is not `Bearer <token>`. */
  MALFORMED = 'MALFORMED',
  /** A well-formed token that names no user (mistyped, revoked, or of another environment). */
  UNKNOWN = 'UNKNOWN',
  /** A token past its expiry (API tokens and sign-in tokens that carry one). */
  EXPIRED = 'EXPIRED',
}

export const authenticationMessages: Record<AuthenticationFailure, string> = {
  [AuthenticationFailure.MISSING]: 'Sign in: send your token as "Authorization: Bearer <token>".',
  [AuthenticationFailure.MALFORMED]:
    'The Authorization header is not "Bearer <token>": check the word Bearer, one space, and a token without quotes or spaces.',
  [AuthenticationFailure.UNKNOWN]: 'This token is not valid: it was mistyped, revoked, or issued for another environment. Use a token issued for your user.',
  [AuthenticationFailure.EXPIRED]: 'This token has expired. Sign in again, or create a new API token.',
};

export type AuthenticationResult = { viewer: Viewer } | { failure: AuthenticationFailure };

/** Turns an `Authorization: Bearer <token>` header into the viewer it belongs to, or says why not. */
export class Authenticator {
  constructor(private readonly dataSource: DataSource) {}

  async authenticate(authorizationHeader: string | undefined): Promise<AuthenticationResult> {
    if (authorizationHeader === undefined || authorizationHeader.trim() === '') return { failure: AuthenticationFailure.MISSING };
    const match = bearerPattern.exec(authorizationHeader);
    if (!match) return { failure: AuthenticationFailure.MALFORMED };
    const user = await this.dataSource.manager.findOneBy(MerchantUser, { tokenHash: hashToken(match[1]) });
    if (!user) return { failure: AuthenticationFailure.UNKNOWN };
    return { viewer: { userId: user.id, merchantId: user.merchantId, role: user.role } };
  }
}
