import { authorizeAtSellerCentral, complete, REVERIFY, setSandboxAccount, startLink } from '../support/linking-flow';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * U7: every step of L and U leaves an entry in the link's timeline: who, when, from which state to
 * which. Each step here is taken by a different actor at a different time of the fake clock, so an
 * entry recorded with the wrong actor, the wrong states or the wrong time shows.
 */
const TIMELINE = `{
  sellerCentralLink {
    id
    timeline(first: 100) { nodes { kind fromState toState actorKind actor { displayName } occurredAt } }
  }
}`;
const REQUEST = 'mutation($reason: String!) { requestUnlink(input: { reason: $reason }) { unlinkRequest { id } userErrors { code } } }';
const WITHDRAW = 'mutation($id: ID!) { withdrawUnlinkRequest(input: { unlinkRequestId: $id }) { userErrors { code } } }';
const HISTORY = `{ viewer { merchant { sellerCentralLinks(first: 5) { nodes {
  timeline(first: 100) { nodes { kind fromState toState actorKind actor { displayName } occurredAt } }
} } } } }`;

let server: TestServer;

beforeEach(async () => {
  server = await startTestServer();
});

afterEach(async () => {
  await server.stop();
});

type Entry = { kind: string; fromState: string | null; toState: string | null; actorKind: string; actor: { displayName: string } | null; occurredAt: string };

/** Moves the clock on by a minute and returns the new time, so that each step has a time of its own. */
function tick(): string {
  server.clock.advanceSeconds(60);
  return server.clock.now().toISOString();
}

const byUser = (kind: string, from: string | null, to: string | null, who: string, at: string): Entry => ({
  kind, fromState: from, toState: to, actorKind: 'USER', actor: { displayName: who }, occurredAt: at,
});
const bySystem = (kind: string, from: string | null, to: string | null, actorKind: string, at: string): Entry => ({
  kind, fromState: from, toState: to, actorKind, actor: null, occurredAt: at,
});

describe('U7: the timeline names who, when, from and to', () => {
  it('U7: each L and U step of a whole life (start, link, attention, re-verify, request, withdrawal, unlink) has its actor, from/to and time', async () => {
    const consentAt = tick();
    const started = await startLink(server, 'demo-acme-owner');
    const code = await authorizeAtSellerCentral(server, started.authorizationState, 'A1NORTHWINDPRO', 'STORE-NW-US');
    const linkedAt = tick();
    expect((await complete(server, started.linkId, code, 'demo-acme-admin')).userErrors).toEqual([]);

    const suspendedAt = tick();
    await setSandboxAccount(server, 'A1NORTHWINDPRO', { standing: 'SUSPENDED' });
    tick();
    await setSandboxAccount(server, 'A1NORTHWINDPRO', { standing: 'ACTIVE' });
    const reverifiedAt = tick();
    const reverified = await server.gql(REVERIFY, { input: { linkId: started.linkId } }, 'demo-acme-admin');
    expect(reverified.body.data.reverifySellerCentralLink.userErrors).toEqual([]);

    const requestedAt = tick();
    const first = await server.gql(REQUEST, { reason: 'first' }, 'demo-acme-owner');
    expect(first.body.data.requestUnlink.userErrors).toEqual([]);
    const withdrawnAt = tick();
    const withdrawn = await server.gql(WITHDRAW, { id: first.body.data.requestUnlink.unlinkRequest.id }, 'demo-acme-admin');
    expect(withdrawn.body.data.withdrawUnlinkRequest.userErrors).toEqual([]);

    const requestedAgainAt = tick();
    expect((await server.gql(REQUEST, { reason: 'second' }, 'demo-acme-admin')).body.data.requestUnlink.userErrors).toEqual([]);
    const unlinkingAt = tick();
    await server.app.unlinking.advance();
    server.clock.advanceSeconds(72 * 3600);
    const unlinkedAt = server.clock.now().toISOString();
    await server.app.unlinking.advance();

    const { body } = await server.gql(HISTORY);
    const [history] = body.data.viewer.merchant.sellerCentralLinks.nodes;
    expect(history.timeline.nodes).toEqual([
      byUser('CONSENT_RECORDED', null, 'AWAITING_AUTHORIZATION', 'Olivia Owner', consentAt),
      byUser('LINKED', 'AWAITING_AUTHORIZATION', 'LINKED', 'Adam Admin', linkedAt),
      bySystem('NEEDS_ATTENTION', 'LINKED', 'NEEDS_ATTENTION', 'SELLER_CENTRAL', suspendedAt),
      byUser('REVERIFIED', 'NEEDS_ATTENTION', 'LINKED', 'Adam Admin', reverifiedAt),
      byUser('UNLINK_REQUESTED', 'LINKED', 'UNLINK_REQUESTED', 'Olivia Owner', requestedAt),
      byUser('UNLINK_WITHDRAWN', 'UNLINK_REQUESTED', 'LINKED', 'Adam Admin', withdrawnAt),
      byUser('UNLINK_REQUESTED', 'LINKED', 'UNLINK_REQUESTED', 'Adam Admin', requestedAgainAt),
      bySystem('UNLINKING_STARTED', 'UNLINK_REQUESTED', 'UNLINKING', 'SYSTEM', unlinkingAt),
      bySystem('UNLINKED', 'UNLINKING', 'UNLINKED', 'SYSTEM', unlinkedAt),
    ]);
  });

  it('U7: the withdrawal entry names the user who withdrew, with from/to and the time', async () => {
    const started = await startLink(server);
    const code = await authorizeAtSellerCentral(server, started.authorizationState, 'A1NORTHWINDPRO', 'STORE-NW-US');
    await complete(server, started.linkId, code);
    tick();
    const requested = await server.gql(REQUEST, { reason: 'leaving' }, 'demo-acme-owner');
    server.clock.advanceSeconds(3 * 86_400 + 17);
    const withdrawnAt = server.clock.now().toISOString();
    await server.gql(WITHDRAW, { id: requested.body.data.requestUnlink.unlinkRequest.id }, 'demo-acme-admin');
    const entries: Entry[] = (await server.gql(TIMELINE)).body.data.sellerCentralLink.timeline.nodes;
    expect(entries.filter((entry) => entry.kind === 'UNLINK_WITHDRAWN')).toEqual([
      byUser('UNLINK_WITHDRAWN', 'UNLINK_REQUESTED', 'LINKED', 'Adam Admin', withdrawnAt),
    ]);
  });

  it('U7, L7: a start replaced by a newer one is recorded as abandoned, by the user who started again, at that time', async () => {
    const first = await startLink(server, 'demo-acme-owner');
    const restartedAt = tick();
    await startLink(server, 'demo-acme-admin');
    const { body } = await server.gql(HISTORY);
    const abandoned = body.data.viewer.merchant.sellerCentralLinks.nodes[1].timeline.nodes;
    expect(abandoned.at(-1)).toEqual(byUser('ATTEMPT_ABANDONED', 'AWAITING_AUTHORIZATION', 'ABANDONED', 'Adam Admin', restartedAt));
    expect(first.linkId).not.toBe((await server.gql(TIMELINE)).body.data.sellerCentralLink.id);
  });
});
