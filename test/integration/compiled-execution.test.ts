import { CATALOG, onboard, placeOrder, productsBySku, toggle } from '../support/linking-flow';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * GRAPHQL_JIT (issue 16, lever 3): operations run as functions compiled by graphql-jit. Clients must not
 * tell the difference: the same documents answer the same with it on and off, refusals included.
 */
let compiled: TestServer;
let interpreted: TestServer;

beforeAll(async () => {
  [compiled, interpreted] = await Promise.all([startTestServer({ graphqlJit: true }), startTestServer({ graphqlJit: false })]);
  await Promise.all([onboard(compiled), onboard(interpreted)]);
  // The same order on both, for the orders page's lines and products.
  for (const server of [compiled, interpreted]) {
    const products = await productsBySku(server);
    expect((await toggle(server, products['NW-TENT-2P'].id, true)).userErrors).toEqual([]);
    expect((await placeOrder(server, [products['NW-TENT-2P'].id, products['NW-TENT-2P'].id])).userErrors).toEqual([]);
  }
}, 60_000);

afterAll(async () => {
  await Promise.all([compiled?.stop(), interpreted?.stop()]);
});

const withoutIds = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, child) => (key === 'id' || key === 'endCursor' || key === 'updatedAt' ? '…' : child)));

async function both(query: string, variables: Record<string, unknown> = {}) {
  const [a, b] = await Promise.all([compiled.gql(query, variables), interpreted.gql(query, variables)]);
  return { compiled: { status: a.status, body: withoutIds(a.body) }, interpreted: { status: b.status, body: withoutIds(b.body) } };
}

describe('compiled execution answers as graphql-js does', () => {
  it.each([
    ['the catalog page, with fragments and aliases', `query { page: catalogProducts(first: 3) { ...Page } } fragment Page on CatalogProductConnection { totalCount nodes { sku fulfillableQuantity eligibleForPrime ineligibilityReasons buyability price { amount } } }`, {}],
    ['the catalog page with variables', CATALOG, { first: 2, filter: { eligible: true } }],
    ['the orders page, with lines, products and the count', `{ orders(first: 3) { totalCount nodes { state lines { sku quantity product { title fulfillableQuantity } } } } }`, {}],
    ['an argument that fails validation (BAD_USER_INPUT, with the field)', `mutation($input: RequestUnlinkInput!) { requestUnlink(input: $input) { userErrors { code } } }`, { input: { reason: ' ' } }],
    ['a variable of the wrong type (400, BAD_USER_INPUT)', `query($n: Int) { orders(first: $n) { nodes { externalId } } }`, { n: 'many' }],
    ['an enum value that does not exist', `query($f: OrderFilter) { orders(filter: $f) { nodes { externalId } } }`, { f: { states: ['NOPE'] } }],
    ['a user error in a payload', `mutation { setOfferPrime(input: { productId: "nope", offerPrime: true }) { product { sku } userErrors { code field } } }`, {}],
    ['a subscription', `subscription { viewer { user { id } } }`, {}],
  ])('%s', async (_name, query, variables) => {
    const answers = await both(query, variables);
    expect(answers.compiled).toEqual(answers.interpreted);
  });
});
