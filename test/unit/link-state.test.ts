import { canTransition, checkTransition, derivedColumns, holdsMerchantSlot, isActive, LinkState, linkMoveDetail, linkTransitions } from '../../src/linking/link-state';
import { ErrorCode } from '../../src/shared/errors';

const states = Object.values(LinkState);
const allowed: Array<[LinkState, LinkState]> = [
  [LinkState.AWAITING_AUTHORIZATION, LinkState.LINKED],
  [LinkState.AWAITING_AUTHORIZATION, LinkState.ABANDONED],
  [LinkState.LINKED, LinkState.NEEDS_ATTENTION],
  [LinkState.NEEDS_ATTENTION, LinkState.LINKED],
  [LinkState.LINKED, LinkState.UNLINK_REQUESTED],
  [LinkState.NEEDS_ATTENTION, LinkState.UNLINK_REQUESTED],
  [LinkState.UNLINK_REQUESTED, LinkState.LINKED],
  [LinkState.UNLINK_REQUESTED, LinkState.NEEDS_ATTENTION],
  [LinkState.UNLINK_REQUESTED, LinkState.UNLINKING],
  [LinkState.UNLINKING, LinkState.UNLINKED],
];

describe('the link state machine', () => {
  it('allows exactly the moves of DOMAIN.md (L2 consent -> linked, L8 attention and back, U4 withdraw (to attention if the account stopped qualifying), U3/U5/U6 unlink)', () => {
    const table = states.flatMap((from) => linkTransitions[from].map((to) => [from, to]));
    expect(table.sort()).toEqual([...allowed].sort());
  });

  it.each(states.flatMap((from) => states.map((to) => [from, to] as const)))('refuses every other move: %s -> %s', (from, to) => {
    const isAllowed = allowed.some(([a, b]) => a === from && b === to);
    expect(canTransition(from, to)).toBe(isAllowed);
    const refusal = checkTransition(from, to);
    if (isAllowed) expect(refusal).toBeUndefined();
    else {
      expect(refusal?.code).toBe(ErrorCode.INVALID_LINK_TRANSITION);
      expect(linkMoveDetail.readFrom(refusal!)).toEqual({ from, to });
    }
  });

  it('U6: UNLINKED and ABANDONED are history, with no way out', () => {
    expect(linkTransitions[LinkState.UNLINKED]).toEqual([]);
    expect(linkTransitions[LinkState.ABANDONED]).toEqual([]);
  });

  it('L7: every state but UNLINKED and ABANDONED is the merchant\'s one current link', () => {
    expect(states.filter(holdsMerchantSlot).sort()).toEqual(
      [LinkState.AWAITING_AUTHORIZATION, LinkState.LINKED, LinkState.NEEDS_ATTENTION, LinkState.UNLINK_REQUESTED, LinkState.UNLINKING].sort(),
    );
  });

  it('L7, U6: a move keeps the merchant\'s slot while the link is current, and frees it and ends the link when it becomes history', () => {
    const at = new Date('2026-05-01T10:00:00Z');
    for (const to of states) {
      const columns = derivedColumns('merchant-1', to, at);
      expect(columns.state).toBe(to);
      expect(columns.currentForMerchantId).toBe(holdsMerchantSlot(to) ? 'merchant-1' : null);
      expect(columns.endedAt).toEqual(holdsMerchantSlot(to) ? null : at);
    }
  });

  it('L8: a link that becomes LINKED no longer needs attention; other moves keep what was noted', () => {
    const at = new Date('2026-05-01T10:00:00Z');
    expect(derivedColumns('merchant-1', LinkState.LINKED, at)).toMatchObject({ attentionCode: null, attentionMessage: null, attentionSince: null });
    for (const to of states.filter((state) => state !== LinkState.LINKED)) {
      expect(derivedColumns('merchant-1', to, at)).not.toHaveProperty('attentionCode');
    }
  });

  it('the `active` flag the console shows is true for LINKED alone (display only: L1, L8, U4, U5 are enforced in prime-eligibility, see rules-where-enforced.test.ts)', () => {
    expect(states.filter(isActive)).toEqual([LinkState.LINKED]);
  });
});
