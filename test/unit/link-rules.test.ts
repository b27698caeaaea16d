import {
  checkAccountQualifies,
  checkAwaitingAuthorization,
  checkConsent,
  checkNoBlockingLink,
  checkStoreInAccount,
  refusalForCodeExchange,
  remedies,
  remedyForAttention,
} from '../../src/linking/link.rules';
import { LinkState } from '../../src/linking/link-state';
import { AccountStanding, SellerAccount, SellingPlan } from '../../src/seller-central/seller-account';
import { ErrorCode } from '../../src/shared/errors';

const professional: SellerAccount = {
  id: 'A1',
  name: 'Northwind',
  plan: SellingPlan.PROFESSIONAL,
  standing: AccountStanding.ACTIVE,
  stores: [
    { id: 'S1', name: 'Store one', marketplace: 'US' },
    { id: 'S2', name: 'Store two', marketplace: 'US' },
  ],
};

describe('linking rules', () => {
  it('L2: linking needs the merchant\'s explicit agreement', () => {
    expect(checkConsent(true)).toBeUndefined();
    expect(checkConsent(false)).toMatchObject({ code: ErrorCode.CONSENT_REQUIRED, remedy: remedies.consent });
  });

  it('L3: an Individual account is refused with the upgrade remedy', () => {
    const refusal = checkAccountQualifies({ ...professional, plan: SellingPlan.INDIVIDUAL });
    expect(refusal).toMatchObject({ code: ErrorCode.ACCOUNT_NOT_PROFESSIONAL });
    expect(refusal?.remedy).toContain('choose Manage in the Your Services section, then select Upgrade in the Sell on Amazon service');
  });

  it.each([AccountStanding.SUSPENDED, AccountStanding.DEACTIVATED, AccountStanding.UNDER_REVIEW])(
    'L4: a %s account is refused with "make it active, relink, then contact support"',
    (standing) => {
      const refusal = checkAccountQualifies({ ...professional, standing });
      expect(refusal).toMatchObject({ code: ErrorCode.ACCOUNT_NOT_ACTIVE, remedy: remedies.makeActive });
      expect(refusal?.remedy).toContain('contact merchant support');
    },
  );

  it('L3 before L4: an Individual account that is also suspended is told to upgrade first', () => {
    expect(checkAccountQualifies({ ...professional, plan: SellingPlan.INDIVIDUAL, standing: AccountStanding.SUSPENDED })).toMatchObject({
      code: ErrorCode.ACCOUNT_NOT_PROFESSIONAL,
    });
  });

  it('L3, L4: a Professional account in good standing qualifies', () => {
    expect(checkAccountQualifies(professional)).toBeUndefined();
  });

  it('L5: the chosen store must be one of the account\'s stores, else "choose the correct store"', () => {
    expect(checkStoreInAccount(professional, 'S2')).toBeUndefined();
    expect(checkStoreInAccount(professional, 'OTHER')).toMatchObject({ code: ErrorCode.STORE_NOT_IN_ACCOUNT, remedy: remedies.chooseStore });
  });

  it.each([
    [undefined, undefined],
    [LinkState.AWAITING_AUTHORIZATION, undefined],
    [LinkState.LINKED, ErrorCode.ALREADY_LINKED],
    [LinkState.NEEDS_ATTENTION, ErrorCode.ALREADY_LINKED],
    [LinkState.UNLINK_REQUESTED, ErrorCode.PREVIOUS_LINK_NOT_UNLINKED],
    [LinkState.UNLINKING, ErrorCode.PREVIOUS_LINK_NOT_UNLINKED],
    [LinkState.UNLINKED, undefined],
    [LinkState.ABANDONED, undefined],
  ])('L7: with a current link %s, a new start gets %s', (current, expected) => {
    expect(checkNoBlockingLink(current)?.code).toBe(expected);
  });

  it('a completion must name a start that still waits for its authorization', () => {
    expect(checkAwaitingAuthorization(LinkState.AWAITING_AUTHORIZATION)).toBeUndefined();
    expect(checkAwaitingAuthorization(LinkState.LINKED)?.code).toBe(ErrorCode.LINK_NOT_AWAITING_AUTHORIZATION);
    expect(checkAwaitingAuthorization(LinkState.ABANDONED)).toMatchObject({
      code: ErrorCode.LINK_NOT_AWAITING_AUTHORIZATION,
      remedy: remedies.startAgain,
    });
  });

  it.each([
    ['UNKNOWN', ErrorCode.AUTHORIZATION_CODE_INVALID],
    ['STATE_MISMATCH', ErrorCode.AUTHORIZATION_CODE_INVALID],
    ['USED', ErrorCode.AUTHORIZATION_CODE_USED],
    ['EXPIRED', ErrorCode.AUTHORIZATION_CODE_EXPIRED],
  ] as const)('an authorization code refused as %s reads as %s, with "authorize again"', (refusal, code) => {
    expect(refusalForCodeExchange(refusal)).toMatchObject({ code, remedy: remedies.authorizeAgain });
  });

  it('L8: a link that needs attention shows the remedy for the rule its account stopped meeting', () => {
    expect(remedyForAttention(ErrorCode.ACCOUNT_NOT_PROFESSIONAL)).toBe(remedies.upgrade);
    expect(remedyForAttention(ErrorCode.ACCOUNT_NOT_ACTIVE)).toBe(remedies.makeActive);
    expect(remedyForAttention(ErrorCode.STORE_NOT_IN_ACCOUNT)).toBe(remedies.chooseStore);
  });
});
