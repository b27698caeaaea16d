import { AmazonPayRegistration, PrimeEnrollment, SellerCentralError } from './seller-central.gateway';

const why =
  'Amazon Pay registration and Prime shipping activation have no public Selling Partner API operation, and this ' +
  'deployment has no Buy with Prime onboarding service configured for them (see the README, "Production: the Selling Partner API").';

/**
 * L6 in production without an onboarding service: the two steps fail with a reason that says so (and
 * can be retried once one is plugged in), rather than pretending to succeed as the sandbox would.
 */
export const unavailableEnrollment: PrimeEnrollment = {
  async registerAmazonPay(): Promise<AmazonPayRegistration> {
    throw new SellerCentralError(why, 'REFUSED');
  },
  async getAmazonPayRegistration(): Promise<AmazonPayRegistration> {
    throw new SellerCentralError(why, 'REFUSED');
  },
  async activatePrimeShipping(): Promise<void> {
    throw new SellerCentralError(why, 'REFUSED');
  },
};
