import { LinkState } from '../../src/linking/link-state';
import { ErrorCode } from '../../src/shared/errors';
import { UnlinkRequestState } from '../../src/unlinking/unlink-request-state';
import { blockingProductsDetail, checkCanRequestUnlink, checkCanWithdraw, checkNothingOffersPrime, unlinkableLink, unlinkWait } from '../../src/unlinking/unlink.rules';

const now = new Date('2026-03-02T09:00:00Z');
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);

describe('unlink rules', () => {
  it('U1: refused while any product offers Prime, naming those products, with their count and IDs in the details', () => {
    expect(checkNothingOffersPrime({ count: 0, first: [] })).toBeUndefined();
    const offering = [{ id: 'p1', sku: 'NW-STOVE-1' }, { id: 'p2', sku: 'NW-TENT-2P' }];
    const refusal = checkNothingOffersPrime({ count: 2, first: offering });
    expect(refusal?.code).toBe(ErrorCode.UNLINK_BLOCKED_BY_OFFER_PRIME);
    expect(blockingProductsDetail.readFrom(refusal!)).toEqual({ count: 2, first: offering });
    expect(refusal?.message).toBe('2 product(s) still offer Prime: NW-STOVE-1, NW-TENT-2P.');
    expect(refusal?.remedy).toContain('Deselect the Offer Prime toggle for all products');
  });

  it('U1: past the first ten, the refusal counts every product but names ten', () => {
    const first = Array.from({ length: 12 }, (_, i) => ({ id: `p${i}`, sku: `SKU-${String(i).padStart(2, '0')}` }));
    const many = checkNothingOffersPrime({ count: 25, first });
    expect(many?.message).toContain('SKU-09 and 15 more.');
    expect(many?.message).not.toContain('SKU-10');
    expect(blockingProductsDetail.readFrom(many!)).toEqual({ count: 25, first: first.slice(0, 10) });
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

  it('U4: a request can be withdrawn while it waits; each other state says why not, with a remedy', () => {
    expect(checkCanWithdraw(UnlinkRequestState.WAITING)).toBeUndefined();
    const unlinking = checkCanWithdraw(UnlinkRequestState.UNLINKING);
    expect(unlinking).toMatchObject({ code: ErrorCode.UNLINK_NOT_WITHDRAWABLE, message: 'Unlinking has begun and can no longer be withdrawn.' });
    expect(unlinking?.remedy).toContain('link your Seller Central account again');
    const messages = [UnlinkRequestState.UNLINKING, UnlinkRequestState.COMPLETED, UnlinkRequestState.WITHDRAWN].map((state) => {
      const refusal = checkCanWithdraw(state);
      expect(refusal?.code).toBe(ErrorCode.UNLINK_NOT_WITHDRAWABLE);
      expect(refusal?.remedy).toBeTruthy();
      return refusal?.message;
    });
    expect(new Set(messages).size).toBe(3);
  });

  it('U2: the link an unlink is asked for is the current one, when it can be asked', () => {
    const link = { state: LinkState.LINKED };
    expect(unlinkableLink(link)).toBe(link);
    expect(unlinkableLink(null)).toMatchObject({ code: ErrorCode.LINK_NOT_ACTIVE });
    expect(unlinkableLink({ state: LinkState.UNLINKING })).toMatchObject({ code: ErrorCode.UNLINK_IN_PROGRESS });
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
