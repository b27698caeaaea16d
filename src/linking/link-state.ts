import { ErrorCode, refusalDetail, UserError } from '../shared/errors';

/**
 * The life of one Seller Central link. `AWAITING_AUTHORIZATION` is the consented start that waits
 * for the merchant to authorize at Seller Central (the PENDING_CONSENT state of the rules' reading, docs/rules.md); `ABANDONED` is a
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

/**
 * The states involved in a refused step: the state the link is in, and the state the step would have
 * moved it to (null when the step would have started another link, which this one stands in the way of).
 */
export interface RefusedLinkMove {
  from: LinkState;
  to: LinkState | null;
}

export const linkMoveDetail = refusalDetail<RefusedLinkMove>('linkMove');

/** L8: why a link needs attention (the rule the account stopped meeting), and since when. */
export interface LinkAttention {
  code: ErrorCode;
  message: string;
  since: Date;
}

/** Carried by a refusal that a link needing attention caused, so that a frontend can show why. */
export const attentionDetail = refusalDetail<LinkAttention>('attention');

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
    { details: linkMoveDetail({ from, to }) },
  );
}

/** L7: a link in one of these states is the merchant's one current link and blocks a new one. */
export function holdsMerchantSlot(state: LinkState): boolean {
  return state !== LinkState.UNLINKED && state !== LinkState.ABANDONED;
}

/** The columns that follow from the state a link moves to; the transition gate writes them with the state. */
export interface DerivedLinkColumns {
  state: LinkState;
  /** L7: the merchant's ID while the link holds the merchant's one slot, null once it is history. */
  currentForMerchantId: string | null;
  /** When the link became history; null while it is current. */
  endedAt: Date | null;
  /** L8: a link that is LINKED again has nothing that needs attention. */
  attentionCode?: null;
  attentionMessage?: null;
  attentionSince?: null;
}

/**
 * L7, U6: a move keeps the merchant's slot while the link is current and frees it (ending the link)
 * when it becomes history. L8: a link that becomes LINKED no longer needs attention.
 */
export function derivedColumns(merchantId: string, to: LinkState, at: Date): DerivedLinkColumns {
  const current = holdsMerchantSlot(to);
  const columns: DerivedLinkColumns = { state: to, currentForMerchantId: current ? merchantId : null, endedAt: current ? null : at };
  return to === LinkState.LINKED ? { ...columns, attentionCode: null, attentionMessage: null, attentionSince: null } : columns;
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
