import { LinkEvent, ActorKind, LinkEventKind } from '../../src/linking/link-event.entity';
import { LinkState } from '../../src/linking/link-state';
import { newId } from '../../src/shared/ids';
import { SellerCentralLink } from '../../src/linking/seller-central-link.entity';
import { link, onboard, productsBySku, toggle } from '../support/linking-flow';
import { startTestServer, TestServer } from '../support/test-server';

let server: TestServer;

const HISTORY = `query History($first: Int!) {
  viewer { merchant { sellerCentralLinks(first: $first) { nodes {
    id state consent { agreedBy { displayName } }
    onboardingSteps { kind state }
    timeline { nodes { kind actor { displayName } } }
  } } } }
}`;

beforeAll(async () => {
  server = await startTestServer();
  for (let i = 0; i < 6; i += 1) {
    await link(server);
    // Unlinking is a later issue: end each link by hand so the next one can start.
    await server.app.dataSource.manager.update(SellerCentralLink, { state: LinkState.LINKED }, { state: LinkState.UNLINKED, currentForMerchantId: null });
  }
});

afterAll(async () => {
  await server.stop();
});

describe('no N+1 queries', () => {
  it('the link history with steps, timelines and actors runs the same SQL statements for pages of 2 and 6', async () => {
    const small = await server.sql.count(() => server.gql(HISTORY, { first: 2 }));
    const large = await server.sql.count(() => server.gql(HISTORY, { first: 6 }));
    const { body } = await server.gql(HISTORY, { first: 6 });
    expect(body.data.viewer.merchant.sellerCentralLinks.nodes).toHaveLength(6);
    expect(large.length).toBe(small.length);
    // token lookup, viewer's merchant, the page of links, steps, timelines, users
    expect(large.length).toBeLessThanOrEqual(6);
  });
});

describe('U7: a timeline is paged in SQL, never loaded whole', () => {
  const TIMELINE = `query($first: Int!, $after: String) { viewer { merchant { sellerCentralLinks(first: 1) { nodes { timeline(first: $first, after: $after) {
    nodes { kind } pageInfo { hasNextPage endCursor } } } } } } }`;

  it('U7: timeline(first: 1) of a link with 1,500 entries reads one short statement for the timeline, and pages on from its cursor', async () => {
    const manager = server.app.dataSource.manager;
    const [latest] = await manager.find(SellerCentralLink, { order: { id: 'DESC' }, take: 1 });
    const at = server.clock.now().getTime();
    const entries = Array.from({ length: 1500 }, (_, index) => ({
      id: newId(at + index), linkId: latest.id, merchantId: latest.merchantId, occurredAt: new Date(at + index),
      actorKind: ActorKind.SYSTEM, kind: LinkEventKind.CATALOG_SYNCED, fromState: null, toState: null, message: `re-sync ${index}`, actorUserId: null,
    }));
    for (let start = 0; start < entries.length; start += 100) await manager.insert(LinkEvent, entries.slice(start, start + 100));

    const statements = await server.sql.count(() => server.gql(TIMELINE, { first: 1 }));
    const timeline = statements.filter((statement) => /link_event/.test(statement));
    expect(timeline).toHaveLength(1);
    expect(timeline[0]).toMatch(/LIMIT/i);
    expect((await server.gql(TIMELINE, { first: 1 })).body.data.viewer.merchant.sellerCentralLinks.nodes[0].timeline.nodes).toHaveLength(1);

    let after: string | null = null;
    const kinds: string[] = [];
    for (let page = 0; page < 3; page += 1) {
      const { body }: { body: any } = await server.gql(TIMELINE, { first: 2, after });
      const connection: { nodes: Array<{ kind: string }>; pageInfo: { hasNextPage: boolean; endCursor: string } } = body.data.viewer.merchant.sellerCentralLinks.nodes[0].timeline;
      kinds.push(...connection.nodes.map((node: { kind: string }) => node.kind));
      expect(connection.pageInfo.hasNextPage).toBe(true);
      after = connection.pageInfo.endCursor;
    }
    expect(kinds).toHaveLength(6);
    expect(kinds[0]).toBe('CONSENT_RECORDED');
  });
});

describe('statements the common case does without', () => {
  it('L6: an idle onboarding tick (no step due anywhere) sends one statement, not a lookup of no links', async () => {
    const idle = await startTestServer();
    try {
      const statements = await idle.sql.count(() => idle.app.onboarding.runDue());
      expect(statements).toHaveLength(1);
      expect(statements[0]).toMatch(/onboarding_step/);
    } finally {
      await idle.stop();
    }
  });

  it('U1: a refusal naming every product that offers Prime (fewer than the ten it names) counts them without a COUNT statement', async () => {
    const fresh = await startTestServer();
    try {
      await onboard(fresh);
      const products = await productsBySku(fresh);
      for (const sku of ['NW-TENT-2P', 'NW-STOVE-1']) await toggle(fresh, products[sku].id, true);
      let refusal: any;
      const statements = await fresh.sql.count(async () => {
        refusal = (await fresh.gql('mutation { requestUnlink(input: { reason: "x" }) { userErrors { code message } } }')).body.data.requestUnlink;
      });
      expect(refusal.userErrors).toEqual([{ code: 'UNLINK_BLOCKED_BY_OFFER_PRIME', message: '2 product(s) still offer Prime: NW-STOVE-1, NW-TENT-2P.' }]);
      expect(statements.filter((sql) => /COUNT\(/i.test(sql) && /catalog_product/.test(sql))).toEqual([]);
    } finally {
      await fresh.stop();
    }
  });
});

describe('DATALOADER_BATCHING=false (the benchmark\'s naive baseline)', () => {
  it('without batching, a longer page of the link history runs more statements: the switch really turns batching off', async () => {
    const naive = await startTestServer({ dataLoaderBatching: false });
    try {
      for (let i = 0; i < 3; i += 1) {
        await link(naive);
        await naive.app.dataSource.manager.update(SellerCentralLink, { state: LinkState.LINKED }, { state: LinkState.UNLINKED, currentForMerchantId: null });
      }
      const small = await naive.sql.count(() => naive.gql(HISTORY, { first: 1 }));
      const large = await naive.sql.count(() => naive.gql(HISTORY, { first: 3 }));
      // Two more links, each with its own steps and timeline statement (the consenting user is the same one, cached).
      expect(large.length).toBeGreaterThanOrEqual(small.length + 2 * 2);
    } finally {
      await naive.stop();
    }
  });
});
