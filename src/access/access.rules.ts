import { Role } from '../auth/role';
import { ErrorCode, UserError } from '../shared/errors';

/**
 * Who may change whose access (plain rules; the service checks MANAGE_ACCESS first). An OWNER manages
 * every role. An ADMIN manages every role but OWNER: it cannot make an owner, nor change or remove one.
 * A merchant always keeps at least one OWNER.
 */
export function checkGrant(actorRole: Role, role: Role, field: string[]): UserError | null {
  if (role === Role.OWNER && actorRole !== Role.OWNER) {
    return new UserError(ErrorCode.PERMISSION_DENIED, `The ${actorRole} role cannot give the OWNER role; only an owner can.`, {
      field,
      remedy: 'Ask an owner of your merchant account to do this.',
    });
  }
  return null;
}

/** Changing or removing `target`: an ADMIN cannot touch an OWNER. */
export function checkManage(actorRole: Role, targetRole: Role, field: string[]): UserError | null {
  if (targetRole === Role.OWNER && actorRole !== Role.OWNER) {
    return new UserError(ErrorCode.PERMISSION_DENIED, `The ${actorRole} role cannot change or remove an owner; only an owner can.`, {
      field,
      remedy: 'Ask an owner of your merchant account to do this.',
    });
  }
  return null;
}

/** The last OWNER can be neither removed nor given another role. */
export function checkKeepsAnOwner(targetRole: Role, newRole: Role | null, ownerCount: number, field: string[]): UserError | null {
  if (targetRole === Role.OWNER && newRole !== Role.OWNER && ownerCount <= 1) {
    return new UserError(ErrorCode.LAST_OWNER, `This user is the merchant's only owner, so it cannot be ${newRole ? 'given another role' : 'removed'}.`, {
      field,
      remedy: 'Make another user an OWNER first.',
    });
  }
  return null;
}

/** An API token acts with its own role, at most the creator's: an ADMIN cannot mint an OWNER token. */
export function checkTokenRole(actorRole: Role, tokenRole: Role, field: string[]): UserError | null {
  return checkGrant(actorRole, tokenRole, field);
}

/** How long an API token may live: a day to a year. */
export const API_TOKEN_MAX_DAYS = 365;

/** Users per merchant: the users list is one page, and no console team is larger. */
export const MAX_USERS_PER_MERCHANT = 500;

/** How many API tokens the list shows, newest first. */
export const API_TOKENS_LISTED = 200;

export function checkRoomForUser(userCount: number): UserError | null {
  if (userCount < MAX_USERS_PER_MERCHANT) return null;
  return new UserError(ErrorCode.USER_LIMIT_REACHED, `The merchant already has ${MAX_USERS_PER_MERCHANT} users, the most it can have.`, {
    remedy: 'Remove users who no longer need access first.',
  });
}
