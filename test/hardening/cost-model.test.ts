import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'graphql';
import { consolePageCosts, consoleSchema, pageCostTable } from '../../scripts/page-costs';
import { FIELD_PRICES, priceOperation, SCAN_COST } from '../../src/server/query-cost';
import { startTestServer, TestServer } from '../support/test-server';

const schema = consoleSchema();
const price = (query: string, variables: Record<string, unknown> = {}) => priceOperation(schema, parse(query), variables).cost;
const page = (name: string) => readFileSync(join(__dirname, '..', '..', 'schema', 'operations', name), 'utf8');

describe('prices follow the database\'s work (docs/cost-model.md)', () => {
  it('every priced field is a field of the schema', () => {
    for (const key of Object.keys(FIELD_PRICES)) {
      const [type, field] = key.split('.');
      const fields = (schema.getType(type) as { getFields?: () => Record<string, unknown> } | undefined)?.getFields?.();
      expect({ key, found: Boolean(fields?.[field]) }).toEqual({ key, found: true });
    }
  });

  it('totalCount costs a scan (100) on the catalog and a tally read (10) on orders, once per connection, not per item; skipped, nothing', () => {
    expect(SCAN_COST).toBe(100);
    expect(price(`{ orders(first: 10) { nodes { id } } }`)).toBe(2 + 10 * 1);
    expect(price(`{ orders(first: 10) { totalCount nodes { id } } }`)).toBe(2 + 10 * 1 + 10);
    expect(price(`{ catalogProducts(first: 100) { totalCount } }`)).toBe(2 + 100 * 1 + 100);
    expect(price(`{ orders(first: 10) { ...Counted } } fragment Counted on OrderConnection { totalCount nodes { id } }`)).toBe(2 + 10 + 10);
    expect(price(`{ a: orders(first: 10) { totalCount } b: orders(first: 10) { totalCount } }`)).toBe(2 * (2 + 10 + 10));
    expect(price(`{ orders(first: 10) { totalCount @skip(if: true) nodes { id } } }`)).toBe(2 + 10);
    expect(price(`{ unlinkRequest { waitingOrders(first: 5) { totalCount } } }`)).toBe(1 + 2 + 5 + 10);
  });

  it('the catalog header\'s counts and what an unlink waits for each cost a read of a stored tally', () => {
    expect(price(`{ catalogSummary { productCount eligibleCount offeringPrimeCount } }`)).toBe(10 + 1);
    expect(price(`{ unlinkRequest { waitingFor { orderCount } } }`)).toBe(1 + 10 + 1);
    // The 15 aliases of waitingFor: 30 points before issue 15, a scan each (1,530) after it, a tally read each now.
    const aliases = Array.from({ length: 15 }, (_, index) => `a${index}: unlinkRequest { waitingFor { orderCount } }`).join(' ');
    expect(price(`{ ${aliases} }`)).toBe(15 * 12);
  });

  it('a bulk toggle costs per change: 1 + n × (a write + the selection)', () => {
    const bulk = `mutation($input: SetOfferPrimeForProductsInput!) { setOfferPrimeForProducts(input: $input) { outcomes { productId userErrors { code } } userErrors { code } } }`;
    const changes = (n: number) => ({ input: { changes: Array.from({ length: n }, (_, index) => ({ productId: `p${index}`, offerPrime: true })) } });
    expect(price(bulk, changes(1))).toBe(1 + 1 * (1 + 3));
    expect(price(bulk, changes(250))).toBe(1 + 250 * (1 + 3));
    expect(price(`mutation { setOfferPrime(input: { productId: "p", offerPrime: true }) { product { id } userErrors { code } } }`)).toBe(3);
    expect(price(`mutation { turnOffOfferPrimeForAllProducts(input: {}) { turnedOffCount } }`)).toBe(100 + 1);
  });

  it('the console\'s pages at first: 100', () => {
    expect(price(page('07-Catalog.graphql'), { first: 100 })).toBe(413); // 503 while catalogSummary scanned the catalog
    expect(price(page('11-Orders.graphql'), { first: 100 })).toBe(612); // 702 while totalCount scanned the orders
  });

  it('docs/cost-model.md gives the cost of each page the console uses, as the code prices it', () => {
    const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'cost-model.md'), 'utf8');
    const table = /<!-- page-costs:begin -->\n([\s\S]*?)\n<!-- page-costs:end -->/.exec(doc)?.[1];
    expect(table).toBe(pageCostTable());
    expect(consolePageCosts().find((cost) => cost.operation === 'Catalog')?.cost).toBe(173);
  });
});

describe('budgets per merchant as well as per token', () => {
  let server: TestServer;
  const acme = ['demo-acme-owner', 'demo-acme-admin', 'demo-acme-staff', 'demo-acme-support', 'demo-acme-developer'];
  // 9 × (viewer 1 + merchant 1 + a connection of 100 links: 2 + 100) = 936 points, whatever the role may read.
  const heavy = `{ ${Array.from({ length: 9 }, (_, index) => `a${index}: viewer { merchant { sellerCentralLinks(first: 100) { nodes { id } } } }`).join(' ')} }`;

  beforeAll(async () => {
    server = await startTestServer({ rateLimit: { capacity: 2000, restorePerSecond: 100, merchantCapacity: 6000, merchantRestorePerSecond: 300 } });
  });

  afterAll(async () => {
    await server.stop();
  });

  it('five users of one merchant cannot each spend a token\'s budget; another merchant is unaffected', async () => {
    const first = await server.gql(heavy, {}, acme[0]);
    expect(first.status).toBe(200);
    expect(first.body.extensions?.cost).toEqual({
      requestedQueryCost: 936,
      throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 2000 - 936, restoreRate: 100 },
      merchantThrottleStatus: { maximumAvailable: 6000, currentlyAvailable: 6000 - 936, restoreRate: 300 },
    });
    expect((await server.gql(heavy, {}, acme[0])).status).toBe(200);
    // The token's budget is spent: its own throttle, the merchant's still holds.
    const tokenShort = await server.gql(heavy, {}, acme[0]);
    expect(tokenShort.status).toBe(429);
    expect(tokenShort.body.errors?.[0].extensions).toMatchObject({ code: 'THROTTLED', throttledBy: ['token'], cost: 936 });

    for (const user of acme.slice(1, 3)) {
      expect((await server.gql(heavy, {}, user)).status).toBe(200);
      expect((await server.gql(heavy, {}, user)).status).toBe(200);
    }
    // Three users have spent 6 × 936 = 5,616 of the merchant's 6,000: the fourth and fifth, full token budgets in hand, wait.
    for (const user of acme.slice(3)) {
      const throttled = await server.gql(heavy, {}, user);
      expect(throttled.status).toBe(429);
      expect(throttled.headers.get('retry-after')).toBe(String(Math.ceil(((936 - 384) / 300) * 1000 / 1000)));
      expect(throttled.body.errors?.[0].extensions).toMatchObject({
        code: 'THROTTLED',
        throttledBy: ['merchant'],
        retryAfterMs: Math.ceil(((936 - 384) / 300) * 1000),
        throttleStatus: { currentlyAvailable: 2000 },
        merchantThrottleStatus: { currentlyAvailable: 384 },
      });
    }

    const other = await server.gql(heavy, {}, 'demo-bluebird-owner');
    expect(other.status).toBe(200);
    expect(other.body.extensions?.cost).toMatchObject({ merchantThrottleStatus: { currentlyAvailable: 6000 - 936 } });

    server.clock.advance(Math.ceil(((936 - 384) / 300) * 1000));
    expect((await server.gql(heavy, {}, acme[3])).status).toBe(200);
  });

  it('the server prices a bulk toggle by the changes it is sent', async () => {
    server.clock.advance(60_000);
    const changes = Array.from({ length: 250 }, () => ({ productId: 'Q2F0YWxvZ1Byb2R1Y3Q6bm9uZQ==', offerPrime: false }));
    const { body } = await server.gql(
      `mutation($input: SetOfferPrimeForProductsInput!) { setOfferPrimeForProducts(input: $input) { outcomes { productId userErrors { code } } userErrors { code } } }`,
      { input: { changes } },
      'demo-bluebird-owner',
    );
    expect(body.extensions?.cost).toMatchObject({ requestedQueryCost: 1001 });
  });
});

describe('prices are computed once per document and variables (issue 16, lever 3)', () => {
  it('the same document with other variables or another operation is priced anew, not served a cached price', async () => {
    const server = await startTestServer();
    try {
      const document = `query Page($first: Int) { catalogProducts(first: $first) { nodes { id } } }
        query Count { catalogProducts(first: 1) { totalCount } }`;
      const cost = async (variables: Record<string, unknown>, operationName = 'Page') => {
        const response = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${await server.signIn('demo-acme-owner')}` },
          body: JSON.stringify({ query: document, variables, operationName }),
        });
        return ((await response.json()) as { extensions: { cost: { requestedQueryCost: number } } }).extensions.cost.requestedQueryCost;
      };
      const five = await cost({ first: 5 });
      const fifty = await cost({ first: 50 });
      expect([five, fifty]).toEqual([2 + 5, 2 + 50]);
      expect(await cost({ first: 5 })).toBe(five);
      expect(await cost({}, 'Count')).toBe(2 + 1 + SCAN_COST);
    } finally {
      await server.stop();
    }
  });
});
