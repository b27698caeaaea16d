import { canTransition, checkTransition, holdsMerchantSlot, isActive, LinkState, linkTransitions } from '../../src/linking/link-state';
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
    else expect(refusal).toMatchObject({ code: ErrorCode.INVALID_LINK_TRANSITION, options: { details: { from, to } } });
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

  it('the `active` flag the console shows is true for LINKED alone (display only: L1, L8, U4, U5 are enforced in prime-eligibility, see rules-where-enforced.test.ts)', () => {
    expect(states.filter(isActive)).toEqual([LinkState.LINKED]);
  });
});
