import { checkMerchantOffersPrime, ineligibilityDetail, PrimeReadiness, productIneligibility } from '../catalog/prime-eligibility';
import { ErrorCode, UserError } from '../shared/errors';

export interface OrderableProduct {
  sku: string;
  offerPrime: boolean;
  listed: boolean;
  fulfillableQuantity: number | null;
}

/**
 * O1, U5: a shopper can place a Buy with Prime order only for a product that offers Prime, under an
 * active link with Amazon Pay and Prime shipping, while it is eligible (listed, with inventory).
 */
export function checkCanOrder(readiness: PrimeReadiness, product: OrderableProduct): UserError | undefined {
  const merchantRefusal = checkMerchantOffersPrime(readiness);
  if (merchantRefusal) return merchantRefusal;
  if (!product.offerPrime) {
    return new UserError(ErrorCode.PRODUCT_NOT_OFFERING_PRIME, `The product ${product.sku} does not offer Buy with Prime.`, {
      remedy: 'Turn Offer Prime on for the product first.',
    });
  }
  const [reason] = productIneligibility(product);
  if (reason) {
    return new UserError(ErrorCode.PRODUCT_NOT_ELIGIBLE, `The product ${product.sku} cannot be sold with Prime now (${reason}).`, {
      details: ineligibilityDetail(reason),
    });
  }
  return undefined;
}
