/**
 * Every failure a user can cause has one of these codes. The GraphQL layer exposes them as the
 * `UserErrorCode` enum, so a frontend can switch on them; the names never change once shipped.
 */
export enum ErrorCode {
  PERMISSION_DENIED = 'PERMISSION_DENIED',
  INVALID_ID = 'INVALID_ID',
  INVALID_CURSOR = 'INVALID_CURSOR',
  NOT_FOUND = 'NOT_FOUND',
  CONSENT_REQUIRED = 'CONSENT_REQUIRED',
  ALREADY_LINKED = 'ALREADY_LINKED',
  PREVIOUS_LINK_NOT_UNLINKED = 'PREVIOUS_LINK_NOT_UNLINKED',
  LINK_NOT_AWAITING_AUTHORIZATION = 'LINK_NOT_AWAITING_AUTHORIZATION',
  AUTHORIZATION_CODE_INVALID = 'AUTHORIZATION_CODE_INVALID',
  AUTHORIZATION_CODE_EXPIRED = 'AUTHORIZATION_CODE_EXPIRED',
  AUTHORIZATION_CODE_USED = 'AUTHORIZATION_CODE_USED',
  ACCOUNT_NOT_PROFESSIONAL = 'ACCOUNT_NOT_PROFESSIONAL',
  ACCOUNT_NOT_ACTIVE = 'ACCOUNT_NOT_ACTIVE',
  STORE_NOT_IN_ACCOUNT = 'STORE_NOT_IN_ACCOUNT',
  INVALID_LINK_TRANSITION = 'INVALID_LINK_TRANSITION',
  INVALID_STEP_TRANSITION = 'INVALID_STEP_TRANSITION',
  LINK_NOT_ACTIVE = 'LINK_NOT_ACTIVE',
  LINK_NEEDS_ATTENTION = 'LINK_NEEDS_ATTENTION',
  UNLINK_IN_PROGRESS = 'UNLINK_IN_PROGRESS',
  AMAZON_PAY_NOT_REGISTERED = 'AMAZON_PAY_NOT_REGISTERED',
  PRIME_SHIPPING_NOT_ACTIVE = 'PRIME_SHIPPING_NOT_ACTIVE',
  PRODUCT_NOT_ELIGIBLE = 'PRODUCT_NOT_ELIGIBLE',
  PRODUCT_NOT_OFFERING_PRIME = 'PRODUCT_NOT_OFFERING_PRIME',
  UNLINK_BLOCKED_BY_OFFER_PRIME = 'UNLINK_BLOCKED_BY_OFFER_PRIME',
  UNLINK_ALREADY_REQUESTED = 'UNLINK_ALREADY_REQUESTED',
  UNLINK_NOT_WITHDRAWABLE = 'UNLINK_NOT_WITHDRAWABLE',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  SELLER_CENTRAL_UNAVAILABLE = 'SELLER_CENTRAL_UNAVAILABLE',
  SANDBOX_ACCOUNT_NOT_FOUND = 'SANDBOX_ACCOUNT_NOT_FOUND',
  SANDBOX_STORE_NOT_FOUND = 'SANDBOX_STORE_NOT_FOUND',
  AUTHORIZATION_STATE_INVALID = 'AUTHORIZATION_STATE_INVALID',
  AUTHORIZATION_STATE_USED = 'AUTHORIZATION_STATE_USED',
  AUTHORIZATION_STATE_EXPIRED = 'AUTHORIZATION_STATE_EXPIRED',
  AUTHORIZATION_CODE_REJECTED = 'AUTHORIZATION_CODE_REJECTED',
  LAST_OWNER = 'LAST_OWNER',
  USER_ALREADY_EXISTS = 'USER_ALREADY_EXISTS',
  USER_LIMIT_REACHED = 'USER_LIMIT_REACHED',
  API_TOKEN_ALREADY_REVOKED = 'API_TOKEN_ALREADY_REVOKED',
}

/** What a person can read about each code: shown in docs and used as the enum value descriptions. */
export const errorCodeDescriptions: Record<ErrorCode, string> = {
  [ErrorCode.PERMISSION_DENIED]: 'The signed-in user\'s role may not do this; ask an owner or admin of the merchant.',
  [ErrorCode.INVALID_ID]: 'An ID is not one this API issued (malformed, or of another type).',
  [ErrorCode.INVALID_CURSOR]: 'An `after` cursor is not one this API issued for this list.',
  [ErrorCode.NOT_FOUND]: 'Nothing with this ID exists for the signed-in merchant.',
  [ErrorCode.CONSENT_REQUIRED]: 'The merchant has not agreed to let Buy with Prime use its Seller Central information (L2).',
  [ErrorCode.ALREADY_LINKED]: 'The merchant already has a linked Seller Central account (L7).',
  [ErrorCode.PREVIOUS_LINK_NOT_UNLINKED]: 'An earlier link is still being unlinked; a new link waits until it is fully unlinked (L7).',
  [ErrorCode.LINK_NOT_AWAITING_AUTHORIZATION]: 'This link attempt is no longer waiting for a Seller Central authorization (completed or abandoned).',
  [ErrorCode.AUTHORIZATION_CODE_INVALID]: 'The authorization code is unknown, or was issued for another link attempt.',
  [ErrorCode.AUTHORIZATION_CODE_EXPIRED]: 'The authorization code expired before it was used.',
  [ErrorCode.AUTHORIZATION_CODE_USED]: 'The authorization code was already used; each code works once.',
  [ErrorCode.ACCOUNT_NOT_PROFESSIONAL]: 'The Seller Central account is on the Individual selling plan; Buy with Prime needs Professional (L3).',
  [ErrorCode.ACCOUNT_NOT_ACTIVE]: 'The Seller Central account is not active and in good standing (L4).',
  [ErrorCode.STORE_NOT_IN_ACCOUNT]: 'The chosen store is not one of the Seller Central account\'s stores (L5).',
  [ErrorCode.INVALID_LINK_TRANSITION]: 'The link is in a state from which this step cannot be taken.',
  [ErrorCode.INVALID_STEP_TRANSITION]: 'The onboarding step is in a state from which this change cannot be made.',
  [ErrorCode.LINK_NOT_ACTIVE]: 'There is no completed Seller Central link, which this needs (L1).',
  [ErrorCode.LINK_NEEDS_ATTENTION]: 'The link needs attention: the account stopped qualifying (L8).',
  [ErrorCode.UNLINK_IN_PROGRESS]: 'An unlink was requested or has begun; Prime cannot be offered again (U4, U5).',
  [ErrorCode.AMAZON_PAY_NOT_REGISTERED]: 'Amazon Pay registration is not active yet (L6, P2).',
  [ErrorCode.PRIME_SHIPPING_NOT_ACTIVE]: 'Prime shipping is not activated yet (L6, P2).',
  [ErrorCode.PRODUCT_NOT_ELIGIBLE]: 'The product has no Seller Central listing with fulfillment-center inventory (P2).',
  [ErrorCode.PRODUCT_NOT_OFFERING_PRIME]: 'A Buy with Prime order needs a product whose Offer Prime is on (O1).',
  [ErrorCode.UNLINK_BLOCKED_BY_OFFER_PRIME]: 'Products still offer Prime; turn Offer Prime off for all of them before requesting an unlink (U1).',
  [ErrorCode.UNLINK_ALREADY_REQUESTED]: 'An unlink has already been requested and is waiting (U3).',
  [ErrorCode.UNLINK_NOT_WITHDRAWABLE]: 'The unlink request can no longer be withdrawn: unlinking has begun or it has ended (U4).',
  [ErrorCode.IDEMPOTENCY_KEY_REUSED]: 'The idempotency key was already used with a different request.',
  [ErrorCode.SELLER_CENTRAL_UNAVAILABLE]: 'Seller Central did not do what was asked (a service is down); nothing was changed.',
  [ErrorCode.SANDBOX_ACCOUNT_NOT_FOUND]: 'Sandbox only: no sandbox Seller Central account has this ID.',
  [ErrorCode.SANDBOX_STORE_NOT_FOUND]: 'Sandbox only: no sandbox store has this ID.',
  [ErrorCode.AUTHORIZATION_STATE_INVALID]: 'The OAuth state that came back from Seller Central is unknown, or belongs to another link attempt or merchant.',
  [ErrorCode.AUTHORIZATION_STATE_USED]: 'The OAuth state was already used: its link attempt is complete or was replaced.',
  [ErrorCode.AUTHORIZATION_STATE_EXPIRED]: 'The link attempt (and its OAuth state) expired before Seller Central sent the merchant back.',
  [ErrorCode.AUTHORIZATION_CODE_REJECTED]: 'Login with Amazon refused the authorization code (invalid_grant: used, expired, or for another redirect URI).',
  [ErrorCode.LAST_OWNER]: 'The merchant\'s only owner cannot be removed or given another role; make another user an owner first.',
  [ErrorCode.USER_ALREADY_EXISTS]: 'A user with this sign-in subject or email already exists.',
  [ErrorCode.USER_LIMIT_REACHED]: 'The merchant has as many users as it can have (500); remove some first.',
  [ErrorCode.API_TOKEN_ALREADY_REVOKED]: 'The API token was already revoked.',
};

/**
 * A failure the user caused and can act on. Services throw it; the GraphQL layer turns it into a
 * `userErrors` entry (mutations) or an error with `extensions.code` (queries). `field` is the path
 * of the input field at fault, `remedy` what the person can do next.
 */
export class UserError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: { field?: string[]; remedy?: string; details?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'UserError';
  }

  get field(): string[] | undefined {
    return this.options.field;
  }

  get remedy(): string | undefined {
    return this.options.remedy;
  }

  get details(): Record<string, unknown> | undefined {
    return this.options.details;
  }

  /** The same failure, pointed at an input field (services know the rule; resolvers know the field names). */
  at(field: string[]): UserError {
    return new UserError(this.code, this.message, { ...this.options, field });
  }
}

/**
 * One named, typed piece of a refusal's details (the products that block an unlink, the states of a
 * refused move). The module that owns the rule both sets it and reads it back for the API, so the
 * shape stays in one place: `new UserError(code, message, { details: linkMoveDetail({ from, to }) })`,
 * then `linkMoveDetail.readFrom(error)`.
 */
export interface RefusalDetail<T> {
  (value: T): Record<string, unknown>;
  /** The detail from a refusal, or from its GraphQL view (which keeps the details for the fields that expose them). */
  readFrom(refusal: { readonly details?: Readonly<Record<string, unknown>> | null }): T | null;
}

export function refusalDetail<T>(key: string): RefusalDetail<T> {
  const detail = (value: T) => ({ [key]: value });
  return Object.assign(detail, {
    readFrom: ({ details }: { readonly details?: Readonly<Record<string, unknown>> | null }) => (details && key in details ? (details[key] as T) : null),
  });
}

/** Throws the refusal a rule returned, if it returned one: `failIf(checkConsent(agreed))`. */
export function failIf(refusal: UserError | undefined): void {
  if (refusal) throw refusal;
}
