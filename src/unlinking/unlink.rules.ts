import { LinkState } from '../linking/link-state';
import { OpenOrdersSummary } from '../orders/order-tally';
import { ErrorCode, refusalDetail, UserError } from '../shared/errors';
import { UnlinkRequestState } from './unlink-request-state';

/** Products named in a refusal before "and N more". */
export const NAMED_PRODUCTS = 10;

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
      return noLinkToUnlink();
  }
}

function noLinkToUnlink(): UserError {
  return new UserError(ErrorCode.LINK_NOT_ACTIVE, 'There is no linked Seller Central account to unlink.');
}

/** The link an unlink is asked for: the merchant's current link, when it can be asked to unlink. */
export function unlinkableLink<TLink extends { state: LinkState }>(link: TLink | null): TLink | UserError {
  if (!link) return noLinkToUnlink();
  return checkCanRequestUnlink(link.state) ?? link;
}

/** U1: the products that still offer Prime, as a refusal names them: how many, and the first few. */
export interface ProductsOfferingPrime {
  count: number;
  /** The first products in SKU order (at most `NAMED_PRODUCTS`). */
  first: Array<{ id: string; sku: string }>;
}

export const blockingProductsDetail = refusalDetail<ProductsOfferingPrime>('blockingProducts');

/**
 * U1: no unlink request while any product still offers Prime, so that no more orders can be
 * placed. The refusal names those products.
 */
export function checkNothingOffersPrime(offering: ProductsOfferingPrime): UserError | undefined {
  if (offering.count === 0) return undefined;
  const named = offering.first.slice(0, NAMED_PRODUCTS);
  const more = offering.count > named.length ? ` and ${offering.count - named.length} more` : '';
  return new UserError(
    ErrorCode.UNLINK_BLOCKED_BY_OFFER_PRIME,
    `${offering.count} product(s) still offer Prime: ${named.map((product) => product.sku).join(', ')}${more}.`,
    {
      remedy: 'Deselect the Offer Prime toggle for all products in your Buy with Prime catalog (turnOffOfferPrimeForAllProducts), then request the unlink again.',
      details: blockingProductsDetail({ count: offering.count, first: named }),
    },
  );
}

/** U4: a request can be withdrawn only while it waits; each other state says why not, and what is left to do. */
export function checkCanWithdraw(request: UnlinkRequestState): UserError | undefined {
  switch (request) {
    case UnlinkRequestState.WAITING:
      return undefined;
    case UnlinkRequestState.UNLINKING:
      return new UserError(ErrorCode.UNLINK_NOT_WITHDRAWABLE, 'Unlinking has begun and can no longer be withdrawn.', {
        remedy: 'Wait for the unlink to complete (see expectedCompletionAt), then link your Seller Central account again.',
      });
    case UnlinkRequestState.COMPLETED:
      return new UserError(ErrorCode.UNLINK_NOT_WITHDRAWABLE, 'This unlink request has completed; the link is history.', {
        remedy: 'Link your Seller Central account again from the Settings page.',
      });
    case UnlinkRequestState.WITHDRAWN:
      return new UserError(ErrorCode.UNLINK_NOT_WITHDRAWABLE, 'This unlink request was already withdrawn.', {
        remedy: 'Nothing is left to withdraw. Request a new unlink if you still want one.',
      });
  }
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
