import {
  buyability,
  Buyability,
  checkOfferPrime,
  IneligibilityReason,
  ineligibilityDetail,
  ineligibility,
  PrimeReadiness,
} from '../../src/catalog/prime-eligibility';
import { LinkState } from '../../src/linking/link-state';
import { StepState } from '../../src/onboarding/onboarding-step-state';
import { ErrorCode } from '../../src/shared/errors';

const ready: PrimeReadiness = { linkState: LinkState.LINKED, amazonPay: StepState.SUCCEEDED, primeShipping: StepState.SUCCEEDED };
const eligibleProduct = { sku: 'NW-TENT-2P', listed: true, fulfillableQuantity: 42 };

describe('Offer Prime rules', () => {
  it('P2: a listed product with fulfillment-center inventory, under an active link with Amazon Pay and Prime shipping, can offer Prime', () => {
    expect(checkOfferPrime(true, ready, eligibleProduct)).toBeUndefined();
    expect(ineligibility(ready, eligibleProduct)).toEqual([]);
  });

  it.each([
    [null, ErrorCode.LINK_NOT_ACTIVE],
    [LinkState.AWAITING_AUTHORIZATION, ErrorCode.LINK_NOT_ACTIVE],
    [LinkState.NEEDS_ATTENTION, ErrorCode.LINK_NEEDS_ATTENTION],
    [LinkState.UNLINK_REQUESTED, ErrorCode.UNLINK_IN_PROGRESS],
    [LinkState.UNLINKING, ErrorCode.UNLINK_IN_PROGRESS],
  ])('P2 (L1, L8, U4, U5): with the link %s, turning on is %s', (linkState, code) => {
    expect(checkOfferPrime(true, { ...ready, linkState }, eligibleProduct)?.code).toBe(code);
  });

  it('P2: then Amazon Pay, then Prime shipping, then the product, in that order', () => {
    const nothingYet = { ...ready, amazonPay: StepState.IN_PROGRESS, primeShipping: StepState.PENDING };
    const noInventory = { ...eligibleProduct, fulfillableQuantity: 0 };
    expect(checkOfferPrime(true, nothingYet, noInventory)?.code).toBe(ErrorCode.AMAZON_PAY_NOT_REGISTERED);
    expect(checkOfferPrime(true, { ...nothingYet, amazonPay: StepState.SUCCEEDED }, noInventory)?.code).toBe(ErrorCode.PRIME_SHIPPING_NOT_ACTIVE);
    const refusal = checkOfferPrime(true, ready, noInventory);
    expect(refusal?.code).toBe(ErrorCode.PRODUCT_NOT_ELIGIBLE);
    expect(ineligibilityDetail.readFrom(refusal!)).toBe(IneligibilityReason.NO_FULFILLMENT_INVENTORY);
  });

  it.each([
    [{ listed: false, fulfillableQuantity: 5 }, IneligibilityReason.NO_LISTING],
    [{ listed: true, fulfillableQuantity: null }, IneligibilityReason.INVENTORY_NOT_IDENTIFIED],
    [{ listed: true, fulfillableQuantity: 0 }, IneligibilityReason.NO_FULFILLMENT_INVENTORY],
  ])('P2: a product %j is not eligible: %s', (product, reason) => {
    expect(ineligibility(ready, product)).toEqual([reason]);
    expect(checkOfferPrime(true, ready, { sku: 'X', ...product })?.code).toBe(ErrorCode.PRODUCT_NOT_ELIGIBLE);
  });

  it.each([null, ...Object.values(LinkState)])('P3: turning Offer Prime off is never refused (link %s)', (linkState) => {
    const nothing: PrimeReadiness = { linkState, amazonPay: null, primeShipping: null };
    expect(checkOfferPrime(false, nothing, { sku: 'X', listed: false, fulfillableQuantity: null })).toBeUndefined();
  });

  it('buyability: BUYABLE only when offered and eligible; UNKNOWN while inventory is unknown', () => {
    expect(buyability(true, [])).toBe(Buyability.BUYABLE);
    expect(buyability(false, [])).toBe(Buyability.NOT_BUYABLE);
    expect(buyability(true, [IneligibilityReason.INVENTORY_NOT_IDENTIFIED])).toBe(Buyability.UNKNOWN);
    expect(buyability(true, [IneligibilityReason.UNLINK_IN_PROGRESS])).toBe(Buyability.NOT_BUYABLE);
  });
});
