import { LinkEvent, LinkEventKind } from '../../src/linking/link-event.entity';
import { LinkState } from '../../src/linking/link-state';
import { ConcurrentLinkChange, LinkMoved, LinkRepository, sellerCentralActor, userActor } from '../../src/linking/link.repository';
import { SellerCentralLink } from '../../src/linking/seller-central-link.entity';
import { OnboardingStep } from '../../src/onboarding/onboarding-step.entity';
import { ErrorCode, UserError } from '../../src/shared/errors';
import { link, onboard, REVERIFY, setSandboxAccount } from '../support/linking-flow';
import { startTestServer, TestServer } from '../support/test-server';

/** `LinkRepository.transition` is the one gate through which a link changes state. */
let server: TestServer;
let links: LinkRepository;

beforeEach(async () => {
  server = await startTestServer();
  links = new LinkRepository(server.app.dataSource);
});

afterEach(async () => {
  await server.stop();
});

async function currentLink(): Promise<SellerCentralLink> {
  const merchantLink = await server.app.dataSource.manager.findOneByOrFail(SellerCentralLink, { state: LinkState.LINKED });
  return merchantLink;
}

function timelineOf(linkId: string) {
  return server.app.dataSource.manager.find(LinkEvent, { where: { linkId }, order: { id: 'ASC' } });
}

describe('the transition gate', () => {
  it('U7, L7: writes the state, the version and the slot it derives, and appends who, when, from and to', async () => {
    await link(server);
    const before = await currentLink();
    server.clock.advanceSeconds(60);
    const at = server.clock.now();
    const moved = await server.app.transactions.run((manager) =>
      links.transition(manager, before, LinkState.NEEDS_ATTENTION, {
        actor: sellerCentralActor,
        at,
        kind: LinkEventKind.NEEDS_ATTENTION,
        message: 'The account was suspended.',
        changes: { attentionCode: ErrorCode.ACCOUNT_NOT_ACTIVE, attentionMessage: 'The account was suspended.', attentionSince: at },
      }),
    );
    const stored = await server.app.dataSource.manager.findOneByOrFail(SellerCentralLink, { id: before.id });
    expect(stored).toMatchObject({ state: LinkState.NEEDS_ATTENTION, version: before.version + 1, currentForMerchantId: before.merchantId, endedAt: null, updatedAt: at });
    expect(moved).toMatchObject({ state: LinkState.NEEDS_ATTENTION, version: before.version + 1 });
    const entry = (await timelineOf(before.id)).at(-1);
    expect(entry).toMatchObject({
      kind: LinkEventKind.NEEDS_ATTENTION,
      actorKind: 'SELLER_CENTRAL',
      actorUserId: null,
      fromState: LinkState.LINKED,
      toState: LinkState.NEEDS_ATTENTION,
      occurredAt: at,
      message: 'The account was suspended.',
    });
  });

  it('refuses a move the transition table does not have, and writes nothing', async () => {
    await link(server);
    const before = await currentLink();
    const entries = (await timelineOf(before.id)).length;
    const attempt = server.app.transactions.run((manager) =>
      links.transition(manager, before, LinkState.UNLINKED, { actor: userActor('u'), at: server.clock.now(), kind: LinkEventKind.UNLINKED, message: 'skip the wait' }),
    );
    await expect(attempt).rejects.toMatchObject({ code: ErrorCode.INVALID_LINK_TRANSITION });
    await expect(attempt).rejects.toBeInstanceOf(UserError);
    expect(await server.app.dataSource.manager.findOneByOrFail(SellerCentralLink, { id: before.id })).toMatchObject({ state: LinkState.LINKED, version: before.version });
    expect(await timelineOf(before.id)).toHaveLength(entries);
  });

  it('U6, L7: a link that becomes history is ended and frees the merchant\'s slot', async () => {
    await link(server);
    const linked = await currentLink();
    const at = server.clock.now();
    const note = { actor: userActor('u'), at };
    await server.app.transactions.run(async (manager) => {
      const requested = await links.transition(manager, linked, LinkState.UNLINK_REQUESTED, { ...note, kind: LinkEventKind.UNLINK_REQUESTED, message: 'asked' });
      const unlinking = await links.transition(manager, requested, LinkState.UNLINKING, { ...note, kind: LinkEventKind.UNLINKING_STARTED, message: 'began' });
      await links.transition(manager, unlinking, LinkState.UNLINKED, { ...note, kind: LinkEventKind.UNLINKED, message: 'done' });
    });
    expect(await server.app.dataSource.manager.findOneByOrFail(SellerCentralLink, { id: linked.id })).toMatchObject({
      state: LinkState.UNLINKED,
      currentForMerchantId: null,
      endedAt: at,
    });
    expect(await links.findCurrent(linked.merchantId)).toBeNull();
  });

  it('a move from a stale read is refused as a concurrent change, and the transaction writes nothing', async () => {
    await link(server);
    const stale = await currentLink();
    await setSandboxAccount(server, 'A1NORTHWINDPRO', { standing: 'SUSPENDED' });
    const entries = (await timelineOf(stale.id)).length;
    const attempt = server.app.transactions.run((manager) =>
      links.transition(manager, stale, LinkState.UNLINK_REQUESTED, { actor: userActor('u'), at: server.clock.now(), kind: LinkEventKind.UNLINK_REQUESTED, message: 'x' }),
    );
    await expect(attempt).rejects.toBeInstanceOf(ConcurrentLinkChange);
    expect((await server.app.dataSource.manager.findOneByOrFail(SellerCentralLink, { id: stale.id })).state).toBe(LinkState.NEEDS_ATTENTION);
    expect(await timelineOf(stale.id)).toHaveLength(entries);
  });

  it('tells its listeners of each move inside the transaction, so that what they write rolls back with it', async () => {
    await link(server);
    const linked = await currentLink();
    const heard: Array<Pick<LinkMoved, 'from' | 'to'>> = [];
    links.onMove(async (manager, { link: moved, from, to }) => {
      heard.push({ from, to });
      await manager.update(SellerCentralLink, { id: moved.id }, { storeName: 'written by a listener' });
      throw new Error('the listener fails');
    });
    const attempt = server.app.transactions.run((manager) =>
      links.transition(manager, linked, LinkState.UNLINK_REQUESTED, { actor: userActor('u'), at: server.clock.now(), kind: LinkEventKind.UNLINK_REQUESTED, message: 'x' }),
    );
    await expect(attempt).rejects.toThrow('the listener fails');
    expect(heard).toEqual([{ from: LinkState.LINKED, to: LinkState.UNLINK_REQUESTED }]);
    expect(await server.app.dataSource.manager.findOneByOrFail(SellerCentralLink, { id: linked.id })).toMatchObject({ state: LinkState.LINKED, storeName: linked.storeName });
  });
});

describe('onboarding starts from the gate', () => {
  it('L6: completing a link creates its four steps in the same transaction; coming back to LINKED later creates none', async () => {
    const linkId = await onboard(server);
    const stepCount = () => server.app.dataSource.manager.count(OnboardingStep);
    expect(await stepCount()).toBe(4);
    await setSandboxAccount(server, 'A1NORTHWINDPRO', { standing: 'SUSPENDED' });
    await setSandboxAccount(server, 'A1NORTHWINDPRO', { standing: 'ACTIVE' });
    const reverified = await server.gql(REVERIFY, { input: { linkId } });
    expect(reverified.body.data.reverifySellerCentralLink.link.state).toBe('LINKED');
    expect(await stepCount()).toBe(4);
  });
});
