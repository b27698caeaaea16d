import { LinkState } from '../linking/link-state';
import { OpenOrdersSummary } from '../orders/order.repository';
import { ErrorCode, UserError } from '../shared/errors';

/** Products named in a refusal before "and N more". */
const NAMED_PRODUCTS = 10;

/** Which links can be asked to unlink: a completed link that is not already on its way out. */
export function checkCanRequestUnlink(linkState: LinkState | null): UserError | undefined {
  switch (linkState) {
    case LinkState.LINKED:
    case LinkState.NEEDS_ATTENTION:
      return undefined;
    case LinkState.UNLINK_REQUESTED:
      return new UserError(ErrorCode.UNLINK_ALREADY_REQUESTED, 'An unlink has already been requested; it waits for your orders\' return windows.', {
        remedy: 'See what the request waits for on the Get Support tab, or withdraw it.',
      });
    case LinkState.UNLINKING:
      return new UserError(ErrorCode.UNLINK_IN_PROGRESS, 'Unlinking has already begun.');
    default:
      return new UserError(ErrorCode.LINK_NOT_ACTIVE, 'There is no linked Seller Central account to unlink.');
  }
}

/**
 * U1: no unlink request while any product still offers Prime, so that no more orders can be
 * placed. The refusal names those products.
 */
export function checkNothingOffersPrime(offering: { count: number; skus: string[] }): UserError | undefined {
  if (offering.count === 0) return undefined;
  const named = offering.skus.slice(0, NAMED_PRODUCTS).join(', ');
  const more = offering.count > NAMED_PRODUCTS ? ` and ${offering.count - NAMED_PRODUCTS} more` : '';
  return new UserError(
    ErrorCode.UNLINK_BLOCKED_BY_OFFER_PRIME,
    `${offering.count} product(s) still offer Prime: ${named}${more}.`,
    {
      remedy: 'Deselect the Offer Prime toggle for all products in your Buy with Prime catalog (turnOffOfferPrimeForAllProducts), then request the unlink again.',
      details: { productCount: offering.count, skus: offering.skus.slice(0, NAMED_PRODUCTS) },
    },
  );
}

/** U4: a request can be withdrawn only while it waits. */
export function checkCanWithdraw(linkState: LinkState): UserError | undefined {
  if (linkState === LinkState.UNLINK_REQUESTED) return undefined;
  return new UserError(
    ErrorCode.UNLINK_NOT_WITHDRAWABLE,
    linkState === LinkState.UNLINKING ? 'Unlinking has begun and can no longer be withdrawn.' : 'This unlink request is no longer waiting.',
    { remedy: linkState === LinkState.UNLINKING ? 'Link your Seller Central account again once the unlink completes.' : undefined },
  );
}

export interface UnlinkWait {
  orderCount: number;
  /** The earliest time unlinking could begin if nothing changes. */
  earliestUnlinkAt: Date;
  /** True while some order's end is only a lower bound (undelivered, or a return or refund in progress). */
  isEstimate: boolean;
}

/**
 * U3: what an unlink waits for, from the open orders: the latest return window of the delivered
 * ones; a full window from now for an undelivered one; now for a pending refund (it ends when the
 * refund does). No open order: unlinking can begin now.
 */
export function unlinkWait(summary: OpenOrdersSummary, now: Date, windowDays: number): UnlinkWait {
  const candidates = [now.getTime()];
  if (summary.latestWindowEnd) candidates.push(summary.latestWindowEnd.getTime());
  if (summary.undelivered > 0) candidates.push(now.getTime() + windowDays * 86_400_000);
  return {
    orderCount: summary.count,
    earliestUnlinkAt: new Date(Math.max(...candidates)),
    isEstimate: summary.undelivered > 0 || summary.returnsInProgress > 0,
  };
}
