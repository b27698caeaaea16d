import { SellerCentralLink } from '../../src/linking/seller-central-link.entity';
import { parseGlobalId } from '../../src/shared/graphql/global-id';
import { CURRENT_LINK, link, REVERIFY, START, startLink, COMPLETE } from '../support/linking-flow';
import { startTestServer, TestServer } from '../support/test-server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.stop();
});

describe('authentication', () => {
  it.each([
    ['no Authorization header', null],
    ['an unknown token', 'demo-nobody'],
    ['a token of the wrong shape', 'has spaces in it'],
  ])('%s gets 401 UNAUTHENTICATED and no data', async (_case, token) => {
    const response = await server.gql('{ viewer { user { id } } }', {}, token);
    expect(response.status).toBe(401);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('a non-Bearer scheme is refused', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic ZGVtbzpkZW1v' },
      body: JSON.stringify({ query: '{ viewer { user { id } } }' }),
    });
    expect(response.status).toBe(401);
  });

  it('the viewer is the token\'s user and merchant', async () => {
    const { body } = await server.gql('{ viewer { user { displayName role } merchant { name } } }', {}, 'demo-acme-support');
    expect(body.data.viewer).toEqual({ user: { displayName: 'Carl Support', role: 'CUSTOMER_SERVICE' }, merchant: { name: 'Acme Outdoor' } });
  });
});

describe('roles follow the Buy with Prime console', () => {
  it.each(['demo-acme-owner', 'demo-acme-admin'])('%s may link', async (token) => {
    const { body } = await server.gql(START, { input: { agreedToDataUse: true } }, token);
    expect(body.data.startSellerCentralLink.userErrors).toEqual([]);
  });

  it.each(['demo-acme-staff', 'demo-acme-support', 'demo-acme-developer'])('%s may not link, complete or re-verify', async (token) => {
    const started = await startLink(server);
    for (const [mutation, input, field] of [
      [START, { agreedToDataUse: true }, 'startSellerCentralLink'],
      [COMPLETE, { linkId: started.linkId, authorizationCode: 'x' }, 'completeSellerCentralLink'],
      [REVERIFY, { linkId: started.linkId }, 'reverifySellerCentralLink'],
    ] as const) {
      const { body } = await server.gql(mutation, { input }, token);
      expect(body.data[field]).toMatchObject({ link: null, userErrors: [{ code: 'PERMISSION_DENIED', remedy: expect.stringContaining('owner or admin') }] });
    }
  });

  it('STAFF has no access to the Settings page, so it cannot read the link', async () => {
    const { body } = await server.gql('{ sellerCentralLink { state } }', {}, 'demo-acme-staff');
    expect(body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(body.data?.sellerCentralLink).toBeNull();
  });

  it.each(['demo-acme-support', 'demo-acme-developer'])('%s can see whether the merchant is linked', async (token) => {
    const { body } = await server.gql('{ sellerCentralLink { state } }', {}, token);
    expect(body.errors).toBeUndefined();
  });
});

describe('tenant isolation: another merchant\'s IDs read as not found', () => {
  let acmeLinkId: string;

  beforeAll(async () => {
    await server.stop();
    server = await startTestServer();
    acmeLinkId = (await link(server)).link.id;
  });

  it('node(id:) returns null for another merchant\'s link, merchant and user', async () => {
    const { body: viewer } = await server.gql('{ viewer { user { id } merchant { id } } }');
    for (const id of [acmeLinkId, viewer.data.viewer.user.id, viewer.data.viewer.merchant.id]) {
      const { body } = await server.gql('query($id: ID!) { node(id: $id) { id } }', { id }, 'demo-bluebird-owner');
      expect(body.data).toEqual({ node: null });
      expect(body.errors).toBeUndefined();
      const own = await server.gql('query($id: ID!) { node(id: $id) { id } }', { id });
      expect(own.body.data).toEqual({ node: { id } });
    }
  });

  it('mutations on another merchant\'s link are NOT_FOUND and change nothing', async () => {
    const before = await server.app.dataSource.manager.findOneByOrFail(SellerCentralLink, { id: parseGlobalId(acmeLinkId)!.id });
    for (const [mutation, input, field] of [
      [COMPLETE, { linkId: acmeLinkId, authorizationCode: 'x' }, 'completeSellerCentralLink'],
      [REVERIFY, { linkId: acmeLinkId }, 'reverifySellerCentralLink'],
    ] as const) {
      const { body } = await server.gql(mutation, { input }, 'demo-bluebird-owner');
      expect(body.data[field].userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'linkId'] })]);
    }
    expect(await server.app.dataSource.manager.findOneByOrFail(SellerCentralLink, { id: before.id })).toEqual(before);
  });

  it('each merchant sees only its own current link and history', async () => {
    const { body } = await server.gql(`{ sellerCentralLink { id } viewer { merchant { sellerCentralLinks { nodes { id } } } } }`, {}, 'demo-bluebird-owner');
    expect(body.data).toEqual({ sellerCentralLink: null, viewer: { merchant: { sellerCentralLinks: { nodes: [] } } } });
    const own = await server.gql(CURRENT_LINK);
    expect(own.body.data.sellerCentralLink.id).toBe(acmeLinkId);
  });
});
