import { ErrorCode, UserError } from '../shared/errors';

/**
 * The life of one Seller Central link. `AWAITING_AUTHORIZATION` is the consented start that waits
 * for the merchant to authorize at Seller Central (DOMAIN.md's PENDING_CONSENT); `ABANDONED` is a
 * start that a newer start replaced before it completed.
 */
export enum LinkState {
  AWAITING_AUTHORIZATION = 'AWAITING_AUTHORIZATION',
  LINKED = 'LINKED',
  NEEDS_ATTENTION = 'NEEDS_ATTENTION',
  UNLINK_REQUESTED = 'UNLINK_REQUESTED',
  UNLINKING = 'UNLINKING',
  UNLINKED = 'UNLINKED',
  ABANDONED = 'ABANDONED',
}

/** Every move a link may make. Anything not listed is refused. */
export const linkTransitions: Readonly<Record<LinkState, readonly LinkState[]>> = {
  [LinkState.AWAITING_AUTHORIZATION]: [LinkState.LINKED, LinkState.ABANDONED],
  [LinkState.LINKED]: [LinkState.NEEDS_ATTENTION, LinkState.UNLINK_REQUESTED],
  [LinkState.NEEDS_ATTENTION]: [LinkState.LINKED, LinkState.UNLINK_REQUESTED],
  [LinkState.UNLINK_REQUESTED]: [LinkState.LINKED, LinkState.NEEDS_ATTENTION, LinkState.UNLINKING],
  [LinkState.UNLINKING]: [LinkState.UNLINKED],
  [LinkState.UNLINKED]: [],
  [LinkState.ABANDONED]: [],
};

export function canTransition(from: LinkState, to: LinkState): boolean {
  return linkTransitions[from].includes(to);
}

/** The refusal for a move the table does not allow, or undefined when it does. */
export function checkTransition(from: LinkState, to: LinkState): UserError | undefined {
  if (canTransition(from, to)) return undefined;
  return new UserError(
    ErrorCode.INVALID_LINK_TRANSITION,
    `A link that is ${describeLinkState(from)} cannot become ${describeLinkState(to)}.`,
    { details: { from, to } },
  );
}

/** L7: a link in one of these states is the merchant's one current link and blocks a new one. */
export function holdsMerchantSlot(state: LinkState): boolean {
  return state !== LinkState.UNLINKED && state !== LinkState.ABANDONED;
}

/** L1, L8, U4, U5: Buy with Prime works only while the link is in this state. */
export function isActive(state: LinkState): boolean {
  return state === LinkState.LINKED;
}

const stateDescriptions: Record<LinkState, string> = {
  [LinkState.AWAITING_AUTHORIZATION]: 'waiting for the merchant to authorize it in Seller Central',
  [LinkState.LINKED]: 'linked',
  [LinkState.NEEDS_ATTENTION]: 'in need of attention',
  [LinkState.UNLINK_REQUESTED]: 'waiting to be unlinked',
  [LinkState.UNLINKING]: 'being unlinked',
  [LinkState.UNLINKED]: 'unlinked',
  [LinkState.ABANDONED]: 'abandoned',
};

export function describeLinkState(state: LinkState): string {
  return stateDescriptions[state];
}
