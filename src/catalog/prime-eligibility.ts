import { attentionDetail, LinkAttention, LinkState } from '../linking/link-state';
import { StepState } from '../onboarding/onboarding-step-state';
import { ErrorCode, refusalDetail, UserError } from '../shared/errors';

/** Why a product cannot offer Prime now. The first four are the merchant's; the rest the product's. */
export enum IneligibilityReason {
  NO_LINK = 'NO_LINK',
  LINK_NEEDS_ATTENTION = 'LINK_NEEDS_ATTENTION',
  UNLINK_IN_PROGRESS = 'UNLINK_IN_PROGRESS',
  AMAZON_PAY_NOT_REGISTERED = 'AMAZON_PAY_NOT_REGISTERED',
  PRIME_SHIPPING_NOT_ACTIVE = 'PRIME_SHIPPING_NOT_ACTIVE',
  NO_LISTING = 'NO_LISTING',
  INVENTORY_NOT_IDENTIFIED = 'INVENTORY_NOT_IDENTIFIED',
  NO_FULFILLMENT_INVENTORY = 'NO_FULFILLMENT_INVENTORY',
}

/** P2: carried by a refusal about one product, so that a frontend can show why it is not eligible. */
export const ineligibilityDetail = refusalDetail<IneligibilityReason>('ineligibilityReason');

/** The public Buy with Prime API's buyability values. */
export enum Buyability {
  BUYABLE = 'BUYABLE',
  NOT_BUYABLE = 'NOT_BUYABLE',
  UNKNOWN = 'UNKNOWN',
}

/** What the merchant as a whole has in place for Prime: its current link and two onboarding steps. */
export interface PrimeReadiness {
  linkState: LinkState | null;
  amazonPay: StepState | null;
  primeShipping: StepState | null;
  /** L8: why the link needs attention, when it does. */
  attention?: LinkAttention | null;
}

/** What one product has: a listing upstream, and units in fulfillment centers once identified. */
export interface ProductStanding {
  listed: boolean;
  /** Null until inventory has been identified for the SKU. */
  fulfillableQuantity: number | null;
}

/** P2, in its order: an active link (L1, L8, U4, U5), Amazon Pay registered, Prime shipping activated. */
export function merchantIneligibility(readiness: PrimeReadiness): IneligibilityReason[] {
  switch (readiness.linkState) {
    case LinkState.LINKED:
      break;
    case LinkState.NEEDS_ATTENTION:
      return [IneligibilityReason.LINK_NEEDS_ATTENTION];
    case LinkState.UNLINK_REQUESTED:
    case LinkState.UNLINKING:
      return [IneligibilityReason.UNLINK_IN_PROGRESS];
    default:
      return [IneligibilityReason.NO_LINK];
  }
  const reasons: IneligibilityReason[] = [];
  if (readiness.amazonPay !== StepState.SUCCEEDED) reasons.push(IneligibilityReason.AMAZON_PAY_NOT_REGISTERED);
  if (readiness.primeShipping !== StepState.SUCCEEDED) reasons.push(IneligibilityReason.PRIME_SHIPPING_NOT_ACTIVE);
  return reasons;
}

/** P2: the product's SKU maps to a Seller Central listing with inventory in an Amazon fulfillment center. */
export function productIneligibility(product: ProductStanding): IneligibilityReason[] {
  if (!product.listed) return [IneligibilityReason.NO_LISTING];
  if (product.fulfillableQuantity === null) return [IneligibilityReason.INVENTORY_NOT_IDENTIFIED];
  if (product.fulfillableQuantity <= 0) return [IneligibilityReason.NO_FULFILLMENT_INVENTORY];
  return [];
}

export function ineligibility(readiness: PrimeReadiness, product: ProductStanding): IneligibilityReason[] {
  return [...merchantIneligibility(readiness), ...productIneligibility(product)];
}

/** BUYABLE when Prime is offered and nothing stands in the way; UNKNOWN while inventory is not yet known. */
export function buyability(offerPrime: boolean, reasons: readonly IneligibilityReason[]): Buyability {
  if (!offerPrime) return Buyability.NOT_BUYABLE;
  if (reasons.length === 0) return Buyability.BUYABLE;
  if (reasons.every((reason) => reason === IneligibilityReason.INVENTORY_NOT_IDENTIFIED)) return Buyability.UNKNOWN;
  return Buyability.NOT_BUYABLE;
}

const merchantRefusals: Partial<Record<IneligibilityReason, (readiness: PrimeReadiness) => UserError>> = {
  [IneligibilityReason.NO_LINK]: () =>
    new UserError(ErrorCode.LINK_NOT_ACTIVE, 'Buy with Prime needs a linked Seller Central account before Prime can be offered.', {
      remedy: 'Link your Seller Central account from the Settings page.',
    }),
  [IneligibilityReason.LINK_NEEDS_ATTENTION]: ({ attention }) =>
    new UserError(ErrorCode.LINK_NEEDS_ATTENTION, 'Your Seller Central account no longer qualifies, so Prime cannot be offered.', {
      remedy: 'See what the link needs on the Settings page, fix it in Seller Central, then re-verify the link.',
      details: attention ? attentionDetail(attention) : undefined,
    }),
  [IneligibilityReason.UNLINK_IN_PROGRESS]: () =>
    new UserError(ErrorCode.UNLINK_IN_PROGRESS, 'An unlink has been requested, so Prime cannot be offered again.', {
      remedy: 'Withdraw the unlink request while it still waits, or link your Seller Central account again after it completes.',
    }),
  [IneligibilityReason.AMAZON_PAY_NOT_REGISTERED]: () =>
    new UserError(ErrorCode.AMAZON_PAY_NOT_REGISTERED, 'Amazon Pay registration is not active yet.', {
      remedy: 'Wait for Amazon Pay activation (it takes minutes), or retry the Amazon Pay step if it failed.',
    }),
  [IneligibilityReason.PRIME_SHIPPING_NOT_ACTIVE]: () =>
    new UserError(ErrorCode.PRIME_SHIPPING_NOT_ACTIVE, 'Prime shipping is not activated yet.', {
      remedy: 'Wait for the Prime shipping step to finish, or retry it if it failed.',
    }),
};

/** P2's merchant half (L1, L8, U4, U5, Amazon Pay, Prime shipping): the first refusal, if any. */
export function checkMerchantOffersPrime(readiness: PrimeReadiness): UserError | undefined {
  const [reason] = merchantIneligibility(readiness);
  return reason ? merchantRefusals[reason]!(readiness) : undefined;
}

const productMessages: Partial<Record<IneligibilityReason, string>> = {
  [IneligibilityReason.NO_LISTING]: 'its SKU has no Seller Central listing any more',
  [IneligibilityReason.INVENTORY_NOT_IDENTIFIED]: 'its fulfillment-center inventory has not been identified yet',
  [IneligibilityReason.NO_FULFILLMENT_INVENTORY]: 'it has no inventory in an Amazon fulfillment center',
};

/**
 * P2: turning Offer Prime on, checked in order: the link, Amazon Pay, Prime shipping, the product.
 * P3: turning it off is never refused.
 */
export function checkOfferPrime(on: boolean, readiness: PrimeReadiness, product: ProductStanding & { sku: string }): UserError | undefined {
  if (!on) return undefined;
  const merchantRefusal = checkMerchantOffersPrime(readiness);
  if (merchantRefusal) return merchantRefusal;
  const [productReason] = productIneligibility(product);
  if (!productReason) return undefined;
  return new UserError(ErrorCode.PRODUCT_NOT_ELIGIBLE, `The product ${product.sku} cannot offer Prime: ${productMessages[productReason]}.`, {
    remedy: 'Send inventory of this SKU to an Amazon fulfillment center (or list it again in Seller Central), then re-sync the catalog.',
    details: ineligibilityDetail(productReason),
  });
}
