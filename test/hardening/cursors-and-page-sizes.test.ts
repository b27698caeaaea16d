import fc from 'fast-check';
import { MAX_PAGE_SIZE } from '../../src/shared/graphql/pagination';
import { onboard } from '../support/linking-flow';
import { startTestServer, TestServer } from '../support/test-server';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await onboard(server);
});

afterAll(async () => {
  await server.stop();
});

const CATALOG = `query($first: Int, $after: String) { catalogProducts(first: $first, after: $after) { nodes { sku } pageInfo { endCursor hasNextPage } } }`;
const ORDERS = `query($after: String) { orders(first: 5, after: $after) { nodes { id } } }`;
const LINKS = `query($after: String) { viewer { merchant { sellerCentralLinks(first: 1, after: $after) { nodes { id } pageInfo { endCursor } } } } }`;
const TIMELINE = `query($after: String) { viewer { merchant { sellerCentralLinks(first: 1) { nodes { timeline(first: 1, after: $after) { nodes { kind } pageInfo { endCursor } } } } } } }`;

async function catalogCursor(token = 'demo-acme-owner'): Promise<string> {
  const { body } = await server.gql(CATALOG, { first: 2 }, token);
  return body.data.catalogProducts.pageInfo.endCursor;
}

describe('cursors are bound to their list, its order and the merchant', () => {
  it('a cursor of this list pages on', async () => {
    const { body } = await server.gql(CATALOG, { first: 2, after: await catalogCursor() });
    expect(body.errors).toBeUndefined();
    expect(body.data.catalogProducts.nodes).toHaveLength(2);
  });

  it('another list\'s endCursor is INVALID_CURSOR, not an empty page', async () => {
    const catalog = await catalogCursor();
    const links = (await server.gql(LINKS)).body.data.viewer.merchant.sellerCentralLinks.pageInfo.endCursor;
    const timeline = (await server.gql(TIMELINE)).body.data.viewer.merchant.sellerCentralLinks.nodes[0].timeline.pageInfo.endCursor;
    for (const [document, after] of [[ORDERS, catalog], [LINKS, timeline], [TIMELINE, links], [CATALOG, links]]) {
      const { body } = await server.gql(document, { after });
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'INVALID_CURSOR', field: ['after'], remedy: expect.stringMatching(/same list/) });
    }
  });

  it('another merchant\'s cursor is INVALID_CURSOR', async () => {
    const { body } = await server.gql(CATALOG, { first: 2, after: await catalogCursor() }, 'demo-bluebird-owner');
    expect(body.errors?.[0].extensions?.code).toBe('INVALID_CURSOR');
  });

  it.each([
    ['a forged position in the old format', Buffer.from('cursor:NW-TENT-2P').toString('base64url')],
    ['a random string', 'forged'],
    ['an empty position', Buffer.from('c1:').toString('base64url')],
  ])('%s is INVALID_CURSOR', async (_name, after) => {
    const { body } = await server.gql(CATALOG, { first: 2, after });
    expect(body.errors?.[0].extensions?.code).toBe('INVALID_CURSOR');
  });

  it('fuzzing (item 8): a forged cursor (random, base64 of anything, a real one altered in one character) is INVALID_CURSOR unless it is a well-formed position in the list\'s own scope', async () => {
    const real = await catalogCursor();
    const scope = /^[^:]+:[^:]+:/.exec(Buffer.from(real, 'base64url').toString('utf8'))![0];
    const altered = fc.tuple(fc.nat(real.length - 1), fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_')).map(([at, char]) => real.slice(0, at) + char + real.slice(at + 1)).filter((cursor) => !Buffer.from(cursor, 'base64url').equals(Buffer.from(real, 'base64url')));
    // An empty `after` is no cursor at all: the first page, like null (asserted below).
    const forged = fc.oneof(altered, fc.string({ maxLength: 200 }), fc.string({ maxLength: 60 }).map((text) => Buffer.from(text).toString('base64url')), fc.base64String({ maxLength: 120 })).filter((cursor) => cursor !== '');
    await fc.assert(
      fc.asyncProperty(forged, fc.constantFrom(CATALOG, ORDERS, LINKS, TIMELINE), async (after, document) => {
        const { status, body } = await server.gql(document, { after });
        expect(status).toBe(200);
        // A cursor is bound to its list, order and merchant by its scope tag; past the tag it is a keyset
        // position, and any well-formed position in the catalog's own scope pages on from there.
        const decoded = Buffer.from(after, 'base64url').toString('utf8');
        const samePositionScope = document === CATALOG && decoded.startsWith(scope) && /^[\x20-\x7e]{1,100}$/.test(decoded.slice(scope.length));
        if (samePositionScope) expect(body.errors).toBeUndefined();
        else expect(body.errors?.[0].extensions?.code).toBe('INVALID_CURSOR');
      }),
      { numRuns: 150, seed: 20_261_128, endOnFailure: true },
    );
    const first = await server.gql(CATALOG, { first: 2, after: '' });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.catalogProducts.nodes).toEqual((await server.gql(CATALOG, { first: 2 })).body.data.catalogProducts.nodes);
  });
});

describe(`page sizes outside 1..${MAX_PAGE_SIZE} get one answer whatever their size`, () => {
  it.each([101, 1000, 100_000, 2 ** 31 - 1, 0, -5])('first: %i is BAD_USER_INPUT naming the cap (HTTP 400)', async (first) => {
    const inline = await server.gql(`{ orders(first: ${first}) { nodes { id lines { product { title } } } } }`);
    const variable = await server.gql(CATALOG, { first });
    for (const { status, body } of [inline, variable]) {
      expect(status).toBe(400);
      expect(body.errors).toHaveLength(1);
      expect(body.errors?.[0].message).toMatch(new RegExp(`from 1 to ${MAX_PAGE_SIZE}`));
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: MAX_PAGE_SIZE, field: [expect.any(String), 'first'] });
    }
  });

  it('a nested page over the cap is named by its field', async () => {
    const { body } = await server.gql(`{ viewer { merchant { sellerCentralLinks(first: 1) { nodes { steps: timeline(first: 5000) { nodes { kind } } } } } } }`);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['steps', 'first'] });
  });

  it(`first: ${MAX_PAGE_SIZE} is served`, async () => {
    const { status, body } = await server.gql(CATALOG, { first: MAX_PAGE_SIZE });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });
});
