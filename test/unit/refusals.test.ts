import { requirePermission } from '../../src/auth/permissions';
import { can, Permission, Role } from '../../src/auth/role';
import { buyability, Buyability, checkMerchantOffersPrime, checkOfferPrime, IneligibilityReason, PrimeReadiness } from '../../src/catalog/prime-eligibility';
import { checkTransition, describeLinkState, LinkState } from '../../src/linking/link-state';
import {
  accountGone,
  checkAccountQualifies,
  checkAwaitingAuthorization,
  checkConsent,
  checkNoBlockingLink,
  checkStoreInAccount,
  linkNotFound,
  refusalForCodeExchange,
  remedies,
} from '../../src/linking/link.rules';
import { failStep, initialStep, OnboardingStepKind, retryStep, startStep, StepProgress, StepState, StepState as S, stepTransitions, succeedStep } from '../../src/onboarding/onboarding-step-state';
import { applyOrderEvent, OrderEventType, OrderProgress, OrderState } from '../../src/orders/order-state';
import { checkCanOrder } from '../../src/orders/order.rules';
import { checkWebhookSignature, signWebhook } from '../../src/orders/webhook-signature';
import { AccountStanding, SellerAccount, SellingPlan } from '../../src/seller-central/seller-account';
import { ErrorCode, UserError } from '../../src/shared/errors';
import { UnlinkRequestState } from '../../src/unlinking/unlink-request-state';
import { checkCanRequestUnlink, checkCanWithdraw, checkNothingOffersPrime } from '../../src/unlinking/unlink.rules';

/**
 * Every refusal a rule gives, whole: its code, the message a merchant reads, the remedy and the
 * details a frontend shows. A refusal that loses its words or its data is a refusal nobody can act on.
 */
function view(error: UserError | undefined) {
  return error && { code: error.code, message: error.message, remedy: error.remedy, details: error.options.details, field: error.field };
}

const ready: PrimeReadiness = { linkState: LinkState.LINKED, amazonPay: S.SUCCEEDED, primeShipping: S.SUCCEEDED };
const account: SellerAccount = {
  id: 'A1',
  name: 'Northwind',
  plan: SellingPlan.PROFESSIONAL,
  standing: AccountStanding.ACTIVE,
  stores: [{ id: 'STORE-1', name: 'Store one', marketplace: 'M' }],
};

describe('permissions and roles', () => {
  it('every role\'s permissions, exactly (STAFF reads orders only; CUSTOMER_SERVICE and DEVELOPER read; OWNER and ADMIN do everything)', () => {
    const table = Object.values(Role).map((role) => [role, Object.values(Permission).filter((permission) => can(role, permission))]);
    expect(table).toEqual([
      [Role.OWNER, Object.values(Permission)],
      [Role.ADMIN, Object.values(Permission)],
      [Role.STAFF, [Permission.READ_ORDERS]],
      [Role.CUSTOMER_SERVICE, [Permission.READ_LINK, Permission.READ_CATALOG, Permission.READ_ORDERS]],
      [Role.DEVELOPER, [Permission.READ_LINK, Permission.READ_CATALOG, Permission.READ_ORDERS]],
    ]);
  });

  it('a role without the permission is refused with PERMISSION_DENIED naming the role and the action; one with it passes', () => {
    const viewer = (role: Role) => ({ userId: 'u', merchantId: 'm', role });
    expect(() => requirePermission(viewer(Role.OWNER), Permission.MANAGE_LINK, 'link')).not.toThrow();
    let thrown: unknown;
    try {
      requirePermission(viewer(Role.DEVELOPER), Permission.MANAGE_CATALOG, 'turn Offer Prime on or off');
    } catch (error) {
      thrown = error;
    }
    expect(view(thrown as UserError)).toEqual({
      code: ErrorCode.PERMISSION_DENIED,
      message: 'The DEVELOPER role cannot turn Offer Prime on or off.',
      remedy: 'Ask an owner or admin of your merchant account to do this.',
      details: undefined,
      field: undefined,
    });
  });
});

describe('P2 refusals (Offer Prime)', () => {
  it.each([
    [{ ...ready, linkState: null }, ErrorCode.LINK_NOT_ACTIVE, 'Buy with Prime needs a linked Seller Central account before Prime can be offered.', 'Link your Seller Central account from the Settings page.'],
    [{ ...ready, linkState: LinkState.NEEDS_ATTENTION }, ErrorCode.LINK_NEEDS_ATTENTION, 'Your Seller Central account no longer qualifies, so Prime cannot be offered.', 'See what the link needs on the Settings page, fix it in Seller Central, then re-verify the link.'],
    [{ ...ready, linkState: LinkState.UNLINK_REQUESTED }, ErrorCode.UNLINK_IN_PROGRESS, 'An unlink has been requested, so Prime cannot be offered again.', 'Withdraw the unlink request while it still waits, or link your Seller Central account again after it completes.'],
    [{ ...ready, amazonPay: S.IN_PROGRESS }, ErrorCode.AMAZON_PAY_NOT_REGISTERED, 'Amazon Pay registration is not active yet.', 'Wait for Amazon Pay activation (it takes minutes), or retry the Amazon Pay step if it failed.'],
    [{ ...ready, primeShipping: S.FAILED }, ErrorCode.PRIME_SHIPPING_NOT_ACTIVE, 'Prime shipping is not activated yet.', 'Wait for the Prime shipping step to finish, or retry it if it failed.'],
  ])('P2: the merchant-side refusal for %j reads as written', (readiness, code, message, remedy) => {
    expect(view(checkMerchantOffersPrime(readiness as PrimeReadiness))).toEqual({ code, message, remedy, details: undefined, field: undefined });
  });

  it.each([
    [{ listed: false, fulfillableQuantity: 3 }, IneligibilityReason.NO_LISTING, 'its SKU has no Seller Central listing any more'],
    [{ listed: true, fulfillableQuantity: null }, IneligibilityReason.INVENTORY_NOT_IDENTIFIED, 'its fulfillment-center inventory has not been identified yet'],
    [{ listed: true, fulfillableQuantity: 0 }, IneligibilityReason.NO_FULFILLMENT_INVENTORY, 'it has no inventory in an Amazon fulfillment center'],
  ])('P2: the product-side refusal for %j names the reason, the SKU and the remedy', (standing, reason, words) => {
    expect(view(checkOfferPrime(true, ready, { sku: 'SKU-1', ...standing }))).toEqual({
      code: ErrorCode.PRODUCT_NOT_ELIGIBLE,
      message: `The product SKU-1 cannot offer Prime: ${words}.`,
      remedy: 'Send inventory of this SKU to an Amazon fulfillment center (or list it again in Seller Central), then re-sync the catalog.',
      details: { ineligibilityReason: reason },
      field: undefined,
    });
  });

  it('P2: buyability is UNKNOWN only when every reason is the unidentified inventory', () => {
    expect(buyability(true, [IneligibilityReason.INVENTORY_NOT_IDENTIFIED])).toBe(Buyability.UNKNOWN);
    expect(buyability(true, [IneligibilityReason.INVENTORY_NOT_IDENTIFIED, IneligibilityReason.AMAZON_PAY_NOT_REGISTERED])).toBe(Buyability.NOT_BUYABLE);
    expect(buyability(true, [IneligibilityReason.AMAZON_PAY_NOT_REGISTERED, IneligibilityReason.INVENTORY_NOT_IDENTIFIED])).toBe(Buyability.NOT_BUYABLE);
  });
});

describe('O1 refusals (placing an order)', () => {
  const product = { sku: 'SKU-1', offerPrime: true, listed: true, fulfillableQuantity: 4 };

  it('O1: a product that offers Prime, is listed and stocked, under an active link with Amazon Pay and Prime shipping, can be ordered', () => {
    expect(checkCanOrder(ready, product)).toBeUndefined();
  });

  it('O1, U5: the merchant\'s refusal comes first, before the product\'s', () => {
    expect(view(checkCanOrder({ ...ready, linkState: LinkState.UNLINKING }, { ...product, offerPrime: false }))?.code).toBe(ErrorCode.UNLINK_IN_PROGRESS);
    expect(view(checkCanOrder({ ...ready, amazonPay: null }, product))?.code).toBe(ErrorCode.AMAZON_PAY_NOT_REGISTERED);
  });

  it('O1: a product whose Offer Prime is off is refused, naming it', () => {
    expect(view(checkCanOrder(ready, { ...product, offerPrime: false }))).toEqual({
      code: ErrorCode.PRODUCT_NOT_OFFERING_PRIME,
      message: 'The product SKU-1 does not offer Buy with Prime.',
      remedy: 'Turn Offer Prime on for the product first.',
      details: undefined,
      field: undefined,
    });
  });

  it.each([
    [{ listed: false }, IneligibilityReason.NO_LISTING],
    [{ fulfillableQuantity: 0 }, IneligibilityReason.NO_FULFILLMENT_INVENTORY],
    [{ fulfillableQuantity: null }, IneligibilityReason.INVENTORY_NOT_IDENTIFIED],
  ])('O1: a product offering Prime that lost its eligibility (%j) is refused with the reason', (change, reason) => {
    expect(view(checkCanOrder(ready, { ...product, ...change }))).toEqual({
      code: ErrorCode.PRODUCT_NOT_ELIGIBLE,
      message: `The product SKU-1 cannot be sold with Prime now (${reason}).`,
      remedy: undefined,
      details: { ineligibilityReason: reason },
      field: undefined,
    });
  });
});

describe('L refusals (linking)', () => {
  it('the link-not-found refusal points at the link ID and reads the same for another merchant\'s link', () => {
    expect(view(linkNotFound())).toEqual({
      code: ErrorCode.NOT_FOUND,
      message: 'No Seller Central link with this ID exists for your merchant.',
      remedy: undefined,
      details: undefined,
      field: ['input', 'linkId'],
    });
  });

  it('L2: no consent, no link; the refusal says what to agree to', () => {
    expect(view(checkConsent(false))).toEqual({
      code: ErrorCode.CONSENT_REQUIRED,
      message: 'Linking needs your agreement to let Buy with Prime use the information in your Seller Central account.',
      remedy: remedies.consent,
      details: undefined,
      field: undefined,
    });
  });

  it('L7: a live link and a link on its way out block a new one, each with its own words and the current state', () => {
    expect(view(checkNoBlockingLink(LinkState.NEEDS_ATTENTION))).toEqual({
      code: ErrorCode.ALREADY_LINKED,
      message: 'Your merchant account is already linked to a Seller Central account.',
      remedy: remedies.alreadyLinked,
      details: { linkMove: { from: LinkState.NEEDS_ATTENTION, to: null } },
      field: undefined,
    });
    expect(view(checkNoBlockingLink(LinkState.UNLINKING))).toEqual({
      code: ErrorCode.PREVIOUS_LINK_NOT_UNLINKED,
      message: 'Your earlier Seller Central link is not fully unlinked yet.',
      remedy: remedies.waitForUnlink,
      details: { linkMove: { from: LinkState.UNLINKING, to: null } },
      field: undefined,
    });
  });

  it('L2, L7: completing a start that was replaced, or one already complete, is refused with the state', () => {
    expect(view(checkAwaitingAuthorization(LinkState.ABANDONED))).toEqual({
      code: ErrorCode.LINK_NOT_AWAITING_AUTHORIZATION,
      message: 'This link attempt was replaced by a newer one and can no longer be completed.',
      remedy: remedies.startAgain,
      details: { linkMove: { from: LinkState.ABANDONED, to: LinkState.LINKED } },
      field: undefined,
    });
    expect(view(checkAwaitingAuthorization(LinkState.LINKED))).toEqual({
      code: ErrorCode.LINK_NOT_AWAITING_AUTHORIZATION,
      message: 'This link attempt is already complete.',
      remedy: undefined,
      details: { linkMove: { from: LinkState.LINKED, to: LinkState.LINKED } },
      field: undefined,
    });
  });

  it('L2: each authorization-code refusal has its own words and the same remedy', () => {
    expect(['EXPIRED', 'USED', 'UNKNOWN', 'STATE_MISMATCH'].map((refusal) => view(refusalForCodeExchange(refusal as never)))).toEqual([
      { code: ErrorCode.AUTHORIZATION_CODE_EXPIRED, message: 'The Seller Central authorization code has expired.', remedy: remedies.authorizeAgain, details: undefined, field: undefined },
      { code: ErrorCode.AUTHORIZATION_CODE_USED, message: 'The Seller Central authorization code was already used.', remedy: remedies.authorizeAgain, details: undefined, field: undefined },
      { code: ErrorCode.AUTHORIZATION_CODE_INVALID, message: 'The Seller Central authorization code is not valid for this link attempt.', remedy: remedies.authorizeAgain, details: undefined, field: undefined },
      { code: ErrorCode.AUTHORIZATION_CODE_INVALID, message: 'The Seller Central authorization code is not valid for this link attempt.', remedy: remedies.authorizeAgain, details: undefined, field: undefined },
    ]);
  });

  it('L3, L4, L5, L8: the plan, standing, store and vanished-account refusals name the account and carry what failed', () => {
    expect(view(checkAccountQualifies({ ...account, plan: SellingPlan.INDIVIDUAL }))).toEqual({
      code: ErrorCode.ACCOUNT_NOT_PROFESSIONAL,
      message: 'The Seller Central account "Northwind" is on the Individual selling plan; Buy with Prime needs a Professional account.',
      remedy: remedies.upgrade,
      details: { plan: SellingPlan.INDIVIDUAL },
      field: undefined,
    });
    expect(view(checkAccountQualifies({ ...account, standing: AccountStanding.UNDER_REVIEW }))).toEqual({
      code: ErrorCode.ACCOUNT_NOT_ACTIVE,
      message: 'The Seller Central account "Northwind" is under review, not active and in good standing.',
      remedy: remedies.makeActive,
      details: { standing: AccountStanding.UNDER_REVIEW },
      field: undefined,
    });
    expect(view(checkStoreInAccount(account, 'STORE-9'))).toEqual({
      code: ErrorCode.STORE_NOT_IN_ACCOUNT,
      message: 'The store STORE-9 is not one of the stores of the Seller Central account "Northwind".',
      remedy: remedies.chooseStore,
      details: { storeId: 'STORE-9' },
      field: undefined,
    });
    expect(view(accountGone('A9'))).toEqual({
      code: ErrorCode.ACCOUNT_NOT_ACTIVE,
      message: 'The Seller Central account A9 can no longer be found in Seller Central.',
      remedy: remedies.makeActive,
      details: undefined,
      field: undefined,
    });
  });

  it('a refused link move names both states in words a merchant reads', () => {
    expect(checkTransition(LinkState.UNLINKED, LinkState.LINKED)?.message).toBe('A link that is unlinked cannot become linked.');
    expect(Object.values(LinkState).map(describeLinkState)).toEqual([
      'waiting for the merchant to authorize it in Seller Central',
      'linked',
      'in need of attention',
      'waiting to be unlinked',
      'being unlinked',
      'unlinked',
      'abandoned',
    ]);
  });
});

describe('U refusals (unlinking)', () => {
  it('U2, U3, U5: asking again, asking while unlinking and asking without a link are refused with their own words', () => {
    expect(view(checkCanRequestUnlink(LinkState.UNLINK_REQUESTED))).toEqual({
      code: ErrorCode.UNLINK_ALREADY_REQUESTED,
      message: 'An unlink has already been requested; it waits for your orders\' return windows.',
      remedy: 'See what the request waits for on the Get Support tab, or withdraw it.',
      details: undefined,
      field: undefined,
    });
    expect(view(checkCanRequestUnlink(LinkState.UNLINKING))?.message).toBe('Unlinking has already begun.');
    expect(view(checkCanRequestUnlink(null))?.message).toBe('There is no linked Seller Central account to unlink.');
  });

  it('U1: the refusal names at most ten SKUs, the count is the whole count, and "more" appears only past ten', () => {
    const first = Array.from({ length: 12 }, (_, index) => ({ id: `p${index}`, sku: `SKU-${String(index).padStart(2, '0')}` }));
    const skus = first.map((product) => product.sku);
    expect(view(checkNothingOffersPrime({ count: 12, first }))?.details).toEqual({ blockingProducts: { count: 12, first: first.slice(0, 10) } });
    expect(view(checkNothingOffersPrime({ count: 12, first }))?.message).toBe(`12 product(s) still offer Prime: ${skus.slice(0, 10).join(', ')} and 2 more.`);
    expect(view(checkNothingOffersPrime({ count: 10, first: first.slice(0, 10) }))?.message).toBe(`10 product(s) still offer Prime: ${skus.slice(0, 10).join(', ')}.`);
    expect(view(checkNothingOffersPrime({ count: 11, first: first.slice(0, 11) }))?.message).toBe(`11 product(s) still offer Prime: ${skus.slice(0, 10).join(', ')} and 1 more.`);
  });

  it('U4: a withdrawal once unlinking has begun, after it completed, or twice, is refused with its own words and remedy', () => {
    expect(view(checkCanWithdraw(UnlinkRequestState.UNLINKING))).toEqual({
      code: ErrorCode.UNLINK_NOT_WITHDRAWABLE,
      message: 'Unlinking has begun and can no longer be withdrawn.',
      remedy: 'Wait for the unlink to complete (see expectedCompletionAt), then link your Seller Central account again.',
      details: undefined,
      field: undefined,
    });
    expect(view(checkCanWithdraw(UnlinkRequestState.COMPLETED))).toEqual({
      code: ErrorCode.UNLINK_NOT_WITHDRAWABLE,
      message: 'This unlink request has completed; the link is history.',
      remedy: 'Link your Seller Central account again from the Settings page.',
      details: undefined,
      field: undefined,
    });
    expect(view(checkCanWithdraw(UnlinkRequestState.WITHDRAWN))).toEqual({
      code: ErrorCode.UNLINK_NOT_WITHDRAWABLE,
      message: 'This unlink request was already withdrawn.',
      remedy: 'Nothing is left to withdraw. Request a new unlink if you still want one.',
      details: undefined,
      field: undefined,
    });
  });
});

describe('L6 step refusals', () => {
  const step = (kind: OnboardingStepKind, state: StepState): StepProgress => ({ ...initialStep(kind), state });
  const now = new Date('2026-03-02T09:00:00Z');

  it('L6: each refused step move names the step, its state and the move, in words and in details', () => {
    const inProgress = step(OnboardingStepKind.IMPORT_LISTINGS, StepState.IN_PROGRESS);
    const refusals = [
      startStep(inProgress, [], now),
      startStep(step(OnboardingStepKind.ACTIVATE_PRIME_SHIPPING, StepState.PENDING), [step(OnboardingStepKind.REGISTER_AMAZON_PAY, StepState.IN_PROGRESS)], now),
      retryStep(inProgress),
      succeedStep(step(OnboardingStepKind.IMPORT_LISTINGS, StepState.FAILED), now),
      failStep(step(OnboardingStepKind.IMPORT_LISTINGS, StepState.SUCCEEDED), 'x', now),
    ].map((refusal) => view(refusal as UserError));
    expect(refusals).toEqual([
      { code: ErrorCode.INVALID_STEP_TRANSITION, message: 'The step IMPORT_LISTINGS is IN_PROGRESS and cannot be started.', remedy: undefined, field: undefined, details: { step: 'IMPORT_LISTINGS', from: 'IN_PROGRESS', to: 'IN_PROGRESS' } },
      { code: ErrorCode.INVALID_STEP_TRANSITION, message: 'The step ACTIVATE_PRIME_SHIPPING needs REGISTER_AMAZON_PAY to succeed first.', remedy: undefined, field: undefined, details: { step: 'ACTIVATE_PRIME_SHIPPING', from: 'PENDING', to: 'IN_PROGRESS' } },
      { code: ErrorCode.INVALID_STEP_TRANSITION, message: 'Only a failed step can be retried; IMPORT_LISTINGS is IN_PROGRESS.', remedy: undefined, field: undefined, details: { step: 'IMPORT_LISTINGS', from: 'IN_PROGRESS', to: 'PENDING' } },
      { code: ErrorCode.INVALID_STEP_TRANSITION, message: 'The step IMPORT_LISTINGS is FAILED, not in progress.', remedy: undefined, field: undefined, details: { step: 'IMPORT_LISTINGS', from: 'FAILED', to: 'SUCCEEDED' } },
      { code: ErrorCode.INVALID_STEP_TRANSITION, message: 'The step IMPORT_LISTINGS is SUCCEEDED, not in progress.', remedy: undefined, field: undefined, details: { step: 'IMPORT_LISTINGS', from: 'SUCCEEDED', to: 'FAILED' } },
    ]);
  });

  it('L6: Prime shipping starts once Amazon Pay has succeeded; the other steps need nothing first', () => {
    const pending = step(OnboardingStepKind.ACTIVATE_PRIME_SHIPPING, StepState.PENDING);
    const siblings = [step(OnboardingStepKind.IMPORT_LISTINGS, StepState.FAILED), step(OnboardingStepKind.REGISTER_AMAZON_PAY, StepState.SUCCEEDED)];
    expect(startStep(pending, siblings, now)).toMatchObject({ state: StepState.IN_PROGRESS });
    expect(startStep(step(OnboardingStepKind.IMPORT_LISTINGS, StepState.PENDING), [step(OnboardingStepKind.REGISTER_AMAZON_PAY, StepState.FAILED)], now)).toMatchObject({ state: StepState.IN_PROGRESS });
  });

  it('L6: the step state machine allows exactly PENDING -> IN_PROGRESS -> SUCCEEDED | FAILED, FAILED -> PENDING', () => {
    expect(stepTransitions).toEqual({
      [StepState.PENDING]: [StepState.IN_PROGRESS],
      [StepState.IN_PROGRESS]: [StepState.SUCCEEDED, StepState.FAILED],
      [StepState.FAILED]: [StepState.PENDING],
      [StepState.SUCCEEDED]: [],
    });
  });

  it('L6: a step in progress can succeed or fail, a failed one can be retried', () => {
    const inProgress = step(OnboardingStepKind.IMPORT_LISTINGS, StepState.IN_PROGRESS);
    expect(succeedStep(inProgress, now)).toMatchObject({ state: StepState.SUCCEEDED, finishedAt: now });
    expect(failStep(inProgress, 'down', now)).toMatchObject({ state: StepState.FAILED, failureReason: 'down' });
    expect(retryStep(step(OnboardingStepKind.IMPORT_LISTINGS, StepState.FAILED))).toMatchObject({ state: StepState.PENDING });
  });
});

describe('O4 and O2 edges', () => {
  const placed: OrderProgress = { state: OrderState.PLACED, shippedAt: null, deliveredAt: null, returnStartedAt: null, refundRequestedAt: null, refundedAt: null, cancelledAt: null };
  const at = new Date('2026-03-02T09:00:00Z');

  it('O4: an event after a cancellation, and a cancellation after delivery, are not applied and say why', () => {
    const cancelled = { ...placed, state: OrderState.CANCELLED };
    expect(applyOrderEvent(cancelled, OrderEventType.PACKAGE_SHIPPED, at)).toEqual({ applied: false, next: cancelled, why: 'the order was cancelled' });
    const delivered = { ...placed, state: OrderState.DELIVERED, deliveredAt: at };
    expect(applyOrderEvent(delivered, OrderEventType.ORDER_CANCELLED, at)).toEqual({ applied: false, next: delivered, why: 'a delivered order cannot be cancelled' });
  });

  it('O4: the signature check refuses timestamps that are not 1 to 12 digits (even signed as sent), and takes one exactly at the tolerance', () => {
    const secret = 'a-secret-of-some-length';
    const body = '{}';
    const now = new Date('2026-03-02T09:00:00Z');
    const seconds = now.getTime() / 1000;
    const check = (timestampHeader: string, signedAt = Number(timestampHeader)) =>
      checkWebhookSignature({ secret, body, now, toleranceSeconds: 300, timestampHeader, signatureHeader: signWebhook(secret, signedAt, body) });
    expect(check(String(seconds - 300))).toBe('VALID');
    expect(check(String(seconds + 300))).toBe('VALID');
    expect(check(`x${seconds}`, Number.NaN)).toBe('INVALID');
    expect(check(`${seconds}x`, Number.NaN)).toBe('INVALID');
    expect(check('1234567890123', seconds)).toBe('INVALID');
    expect(checkWebhookSignature({ secret, body, now, toleranceSeconds: 300, timestampHeader: String(seconds), signatureHeader: 'v1=short' })).toBe('INVALID');
  });
});
