import { createHash, timingSafeEqual } from 'node:crypto';
import { ErrorCode, UserError } from '../shared/errors';
import { AccountStanding, SellerAccount, SellerStore, SellingPlan, standingLabels } from '../seller-central/seller-account';
import { CodeExchangeRefusal } from '../seller-central/seller-central.gateway';
import { LinkState, linkMoveDetail } from './link-state';

/** Remedies, in the words of the merchant help page's FAQ. */
export const remedies = {
  consent: 'Agree to let Buy with Prime use the information in your Seller Central account, then start the link again.',
  upgrade:
    'Upgrade to a Professional Seller Central account: in Seller Central choose Manage in the Your Services section, ' +
    'then select Upgrade in the Sell on Amazon service. Then link your account again.',
  makeActive:
    'Go to Seller Central and make sure your account is active, in good standing and still enrolled in a Professional ' +
    'selling plan, then relink your account. If you still see this error, contact merchant support.',
  chooseStore:
    'Go to the Seller Central homepage, choose the correct store from the store picker on the navigation bar, ' +
    'then link your Seller Central account again.',
  alreadyLinked:
    'To link another account or store, request an unlink from the Get Support tab first, then link again once the ' +
    'unlink completes.',
  waitForUnlink:
    'Wait until the earlier link is fully unlinked (it waits until every Buy with Prime order is outside its return ' +
    'window), then link again.',
  authorizeAgain: 'Authorize Buy with Prime in Seller Central again to get a new code, then complete the link with it.',
  startAgain: 'Start a new link from the console.',
} as const;

/** A link ID that names nothing of the signed-in merchant's (another merchant's reads the same). */
export function linkNotFound(): UserError {
  return new UserError(ErrorCode.NOT_FOUND, 'No Seller Central link with this ID exists for your merchant.', { field: ['input', 'linkId'] });
}

/** L2: nothing starts without the merchant's explicit agreement. */
export function checkConsent(agreed: boolean): UserError | undefined {
  if (agreed) return undefined;
  return new UserError(
    ErrorCode.CONSENT_REQUIRED,
    'Linking needs your agreement to let Buy with Prime use the information in your Seller Central account.',
    { remedy: remedies.consent },
  );
}

/**
 * L7: at most one link at a time. A start that never completed does not block a new start (the
 * new one replaces it); a live link or one still being unlinked does.
 */
export function checkNoBlockingLink(current: LinkState | undefined): UserError | undefined {
  switch (current) {
    case undefined:
    case LinkState.AWAITING_AUTHORIZATION:
    case LinkState.UNLINKED:
    case LinkState.ABANDONED:
      return undefined;
    case LinkState.LINKED:
    case LinkState.NEEDS_ATTENTION:
      return new UserError(ErrorCode.ALREADY_LINKED, 'Your merchant account is already linked to a Seller Central account.', {
        remedy: remedies.alreadyLinked,
        details: linkMoveDetail({ from: current, to: null }),
      });
    case LinkState.UNLINK_REQUESTED:
    case LinkState.UNLINKING:
      return new UserError(
        ErrorCode.PREVIOUS_LINK_NOT_UNLINKED,
        'Your earlier Seller Central link is not fully unlinked yet.',
        { remedy: remedies.waitForUnlink, details: linkMoveDetail({ from: current, to: null }) },
      );
  }
}

/** A completion must name a start that still waits for its authorization. */
export function checkAwaitingAuthorization(state: LinkState): UserError | undefined {
  if (state === LinkState.AWAITING_AUTHORIZATION) return undefined;
  if (state === LinkState.ABANDONED) {
    return new UserError(
      ErrorCode.LINK_NOT_AWAITING_AUTHORIZATION,
      'This link attempt was replaced by a newer one and can no longer be completed.',
      { remedy: remedies.startAgain, details: linkMoveDetail({ from: state, to: LinkState.LINKED }) },
    );
  }
  return new UserError(ErrorCode.LINK_NOT_AWAITING_AUTHORIZATION, 'This link attempt is already complete.', {
    details: linkMoveDetail({ from: state, to: LinkState.LINKED }),
  });
}

export function refusalForCodeExchange(refusal: CodeExchangeRefusal): UserError {
  switch (refusal) {
    case 'EXPIRED':
      return new UserError(ErrorCode.AUTHORIZATION_CODE_EXPIRED, 'The Seller Central authorization code has expired.', {
        remedy: remedies.authorizeAgain,
      });
    case 'USED':
      return new UserError(ErrorCode.AUTHORIZATION_CODE_USED, 'The Seller Central authorization code was already used.', {
        remedy: remedies.authorizeAgain,
      });
    case 'REJECTED':
      return new UserError(
        ErrorCode.AUTHORIZATION_CODE_REJECTED,
        'Login with Amazon refused the Seller Central authorization code (it was already used, has expired, or was issued for another app).',
        { remedy: remedies.authorizeAgain },
      );
    case 'UNKNOWN':
    case 'STATE_MISMATCH':
      return new UserError(
        ErrorCode.AUTHORIZATION_CODE_INVALID,
        'The Seller Central authorization code is not valid for this link attempt.',
        { remedy: remedies.authorizeAgain },
      );
  }
}

/** What Seller Central's redirect (or a console relaying it) brings back for a link attempt. */
export interface AttemptForState {
  state: LinkState;
  authorizationState: string;
  consentedAt: Date;
}

/**
 * The OAuth `state` of the website authorization workflow: it must name this attempt (unknown, or
 * another attempt's or merchant's, is AUTHORIZATION_STATE_INVALID), the attempt must still wait (a
 * completed or replaced attempt's state is USED), and the attempt must be younger than its lifetime
 * (EXPIRED). `attempt` is null when no attempt has this state.
 */
export function checkAuthorizationState(attempt: AttemptForState | null, state: string | undefined, now: Date, ttlMs: number | null): UserError | undefined {
  if (!attempt || !state || !sameSecret(attempt.authorizationState, state)) {
    return new UserError(ErrorCode.AUTHORIZATION_STATE_INVALID, 'Seller Central sent back a state that does not belong to this link attempt.', {
      remedy: remedies.startAgain,
    });
  }
  if (attempt.state !== LinkState.AWAITING_AUTHORIZATION) {
    return new UserError(
      ErrorCode.AUTHORIZATION_STATE_USED,
      attempt.state === LinkState.ABANDONED
        ? 'This link attempt was replaced by a newer one; its authorization can no longer be used.'
        : 'This link attempt is already complete; its authorization was used.',
      { remedy: remedies.startAgain, details: linkMoveDetail({ from: attempt.state, to: LinkState.LINKED }) },
    );
  }
  if (ttlMs !== null && now.getTime() - attempt.consentedAt.getTime() > ttlMs) {
    return new UserError(ErrorCode.AUTHORIZATION_STATE_EXPIRED, `The link attempt expired: it must be authorized in Seller Central within ${Math.round(ttlMs / 60_000)} minutes of starting.`, {
      remedy: remedies.startAgain,
    });
  }
  return undefined;
}

function sameSecret(expected: string, given: string): boolean {
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}

/**
 * L3 then L4: the account must be on the Professional plan, and active and in good standing.
 * Used when linking and again whenever the account may have changed (L8).
 */
export function checkAccountQualifies(account: SellerAccount): UserError | undefined {
  if (account.plan !== SellingPlan.PROFESSIONAL) {
    return new UserError(
      ErrorCode.ACCOUNT_NOT_PROFESSIONAL,
      `The Seller Central account "${account.name}" is on the Individual selling plan; Buy with Prime needs a Professional account.`,
      { remedy: remedies.upgrade, details: { plan: account.plan } },
    );
  }
  if (account.standing !== AccountStanding.ACTIVE) {
    return new UserError(
      ErrorCode.ACCOUNT_NOT_ACTIVE,
      `The Seller Central account "${account.name}" is ${standingLabels[account.standing]}, not active and in good standing.`,
      { remedy: remedies.makeActive, details: { standing: account.standing } },
    );
  }
  return undefined;
}

/** The account behind a link that has since been closed in Seller Central (L8). */
export function accountGone(sellerAccountId: string): UserError {
  return new UserError(
    ErrorCode.ACCOUNT_NOT_ACTIVE,
    `The Seller Central account ${sellerAccountId} can no longer be found in Seller Central.`,
    { remedy: remedies.makeActive },
  );
}

/** L5: the store chosen in the store picker must be one of the account's stores. */
export function checkStoreInAccount(account: SellerAccount, storeId: string): UserError | undefined {
  const store = chosenStore(account, storeId);
  return store instanceof UserError ? store : undefined;
}

/** L5: the account's store that was chosen in the store picker, or the refusal when it is not one of them. */
export function chosenStore(account: SellerAccount, storeId: string): SellerStore | UserError {
  const store = account.stores.find((candidate) => candidate.id === storeId);
  if (store) return store;
  return new UserError(
    ErrorCode.STORE_NOT_IN_ACCOUNT,
    `The store ${storeId} is not one of the stores of the Seller Central account "${account.name}".`,
    { remedy: remedies.chooseStore, details: { storeId } },
  );
}

/** L8: what to do about the rule a linked account stopped meeting. */
export function remedyForAttention(code: ErrorCode): string {
  switch (code) {
    case ErrorCode.ACCOUNT_NOT_PROFESSIONAL:
      return remedies.upgrade;
    case ErrorCode.STORE_NOT_IN_ACCOUNT:
      return remedies.chooseStore;
    default:
      return remedies.makeActive;
  }
}
