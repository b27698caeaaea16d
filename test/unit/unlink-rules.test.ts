import { LinkState } from '../../src/linking/link-state';
import { ErrorCode } from '../../src/shared/errors';
import { checkCanRequestUnlink, checkCanWithdraw, checkNothingOffersPrime, unlinkWait } from '../../src/unlinking/unlink.rules';

const now = new Date('2026-03-02T09:00:00Z');
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);

describe('unlink rules', () => {
  it('U1: refused while any product offers Prime, naming those products', () => {
    expect(checkNothingOffersPrime({ count: 0, skus: [] })).toBeUndefined();
    const refusal = checkNothingOffersPrime({ count: 2, skus: ['NW-STOVE-1', 'NW-TENT-2P'] });
    expect(refusal).toMatchObject({ code: ErrorCode.UNLINK_BLOCKED_BY_OFFER_PRIME, options: { details: { productCount: 2, skus: ['NW-STOVE-1', 'NW-TENT-2P'] } } });
    expect(refusal?.message).toBe('2 product(s) still offer Prime: NW-STOVE-1, NW-TENT-2P.');
    expect(refusal?.remedy).toContain('Deselect the Offer Prime toggle for all products');
    const many = checkNothingOffersPrime({ count: 25, skus: Array.from({ length: 10 }, (_, i) => `SKU-${i}`) });
    expect(many?.message).toContain('and 15 more');
  });

  it.each([
    [LinkState.LINKED, undefined],
    [LinkState.NEEDS_ATTENTION, undefined],
    [LinkState.UNLINK_REQUESTED, ErrorCode.UNLINK_ALREADY_REQUESTED],
    [LinkState.UNLINKING, ErrorCode.UNLINK_IN_PROGRESS],
    [LinkState.AWAITING_AUTHORIZATION, ErrorCode.LINK_NOT_ACTIVE],
    [null, ErrorCode.LINK_NOT_ACTIVE],
  ])('U2: a link %s can be asked to unlink: %s', (state, code) => {
    expect(checkCanRequestUnlink(state)?.code).toBe(code);
  });

  it('U4: a request can be withdrawn while it waits, not once unlinking has begun', () => {
    expect(checkCanWithdraw(LinkState.UNLINK_REQUESTED)).toBeUndefined();
    expect(checkCanWithdraw(LinkState.UNLINKING)).toMatchObject({ code: ErrorCode.UNLINK_NOT_WITHDRAWABLE });
    expect(checkCanWithdraw(LinkState.UNLINKED)).toMatchObject({ code: ErrorCode.UNLINK_NOT_WITHDRAWABLE });
  });

  it('U3: nothing open: unlinking can begin now', () => {
    expect(unlinkWait({ count: 0, latestWindowEnd: null, undelivered: 0, returnsInProgress: 0 }, now, 30)).toEqual({ orderCount: 0, earliestUnlinkAt: now, isEstimate: false });
  });

  it('U3: delivered orders: the latest return window is the earliest start, and it is fixed', () => {
    expect(unlinkWait({ count: 3, latestWindowEnd: days(12), undelivered: 0, returnsInProgress: 0 }, now, 30)).toEqual({ orderCount: 3, earliestUnlinkAt: days(12), isEstimate: false });
  });

  it('U3: an undelivered order cannot close before a full window from now; a pending refund makes it an estimate', () => {
    expect(unlinkWait({ count: 2, latestWindowEnd: days(12), undelivered: 1, returnsInProgress: 0 }, now, 30)).toEqual({ orderCount: 2, earliestUnlinkAt: days(30), isEstimate: true });
    expect(unlinkWait({ count: 1, latestWindowEnd: null, undelivered: 0, returnsInProgress: 1 }, now, 30)).toEqual({ orderCount: 1, earliestUnlinkAt: now, isEstimate: true });
  });
});
