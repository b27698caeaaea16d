import { LinkState } from '../../src/linking/link-state';
import { SellerCentralLink } from '../../src/linking/seller-central-link.entity';
import { link } from '../support/linking-flow';
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
