import { GraphQLInputType, GraphQLInterfaceType, GraphQLObjectType, GraphQLSchema, getNamedType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { buildAppSchema } from '../../src/server/schema';
import { link, onboard, PLACE_ORDER, productsBySku, toggle } from '../support/linking-flow';
import { startTestServer, TestServer } from '../support/test-server';

/** Whether an argument's type holds an ID anywhere inside it. */
function holdsId(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (named.name === 'ID') return true;
  if (!isInputObjectType(named) || seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((field) => holdsId(field.type, seen));
}

/** Every field of every output type (the roots included) with an argument that holds an ID. */
function fieldsTakingIds(schema: GraphQLSchema): string[] {
  return Object.values(schema.getTypeMap())
    .filter((type): type is GraphQLObjectType | GraphQLInterfaceType => (isObjectType(type) || isInterfaceType(type)) && !type.name.startsWith('__'))
    .flatMap((type) => Object.values(type.getFields()).map((field) => ({ type, field })))
    .filter(({ field }) => field.args.some((arg) => holdsId(arg.type)))
    .map(({ type, field }) => `${type.name}.${field.name}`)
    .sort();
}

type Ids = { link: string; product: string; order: string; unlinkRequest: string; merchant: string; user: string; apiToken: string };

/**
 * For every field that takes an ID: the operation, and how to read its answer as "nothing" (null or
 * NOT_FOUND; a role without the permission is refused before any lookup, which reveals nothing either).
 */
const probes: Record<string, { document: string; variables: (ids: Ids) => Record<string, unknown>; answer: (data: any) => unknown }> = {
  'Query.node': {
    document: 'query($id: ID!) { node(id: $id) { id } }',
    variables: (ids) => ({ id: ids.link }),
    answer: (data) => data?.node,
  },
  'Mutation.completeSellerCentralLink': {
    document: 'mutation($id: ID!) { completeSellerCentralLink(input: { linkId: $id, authorizationCode: "x" }) { link { id } userErrors { code } } }',
    variables: (ids) => ({ id: ids.link }),
    answer: (data) => data.completeSellerCentralLink,
  },
  'Mutation.reverifySellerCentralLink': {
    document: 'mutation($id: ID!) { reverifySellerCentralLink(input: { linkId: $id }) { link { id } userErrors { code } } }',
    variables: (ids) => ({ id: ids.link }),
    answer: (data) => data.reverifySellerCentralLink,
  },
  'Mutation.retryOnboardingStep': {
    document: 'mutation($id: ID!) { retryOnboardingStep(input: { linkId: $id, step: IMPORT_LISTINGS }) { link { id } userErrors { code } } }',
    variables: (ids) => ({ id: ids.link }),
    answer: (data) => data.retryOnboardingStep,
  },
  'Mutation.setOfferPrime': {
    document: 'mutation($id: ID!) { setOfferPrime(input: { productId: $id, offerPrime: false }) { product { id } userErrors { code } } }',
    variables: (ids) => ({ id: ids.product }),
    answer: (data) => data.setOfferPrime,
  },
  'Mutation.setOfferPrimeForProducts': {
    document: 'mutation($id: ID!) { setOfferPrimeForProducts(input: { changes: [{ productId: $id, offerPrime: false }] }) { outcomes { product { id } userErrors { code } } userErrors { code } } }',
    variables: (ids) => ({ id: ids.product }),
    answer: (data) => data.setOfferPrimeForProducts.outcomes?.[0] ?? data.setOfferPrimeForProducts,
  },
  'Mutation.changeUserRole': {
    document: 'mutation($id: ID!) { changeUserRole(input: { userId: $id, role: STAFF }) { user { id } userErrors { code } } }',
    variables: (ids) => ({ id: ids.user }),
    answer: (data) => data.changeUserRole,
  },
  'Mutation.removeUser': {
    document: 'mutation($id: ID!) { removeUser(input: { userId: $id }) { user { id } userErrors { code } } }',
    variables: (ids) => ({ id: ids.user }),
    answer: (data) => data.removeUser,
  },
  'Mutation.revokeApiToken': {
    document: 'mutation($id: ID!) { revokeApiToken(input: { apiTokenId: $id }) { apiToken { id } userErrors { code } } }',
    variables: (ids) => ({ id: ids.apiToken }),
    answer: (data) => data.revokeApiToken,
  },
  'Mutation.withdrawUnlinkRequest': {
    document: 'mutation($id: ID!) { withdrawUnlinkRequest(input: { unlinkRequestId: $id }) { unlinkRequest { id } userErrors { code } } }',
    variables: (ids) => ({ id: ids.unlinkRequest }),
    answer: (data) => data.withdrawUnlinkRequest,
  },
  'Mutation.sandboxPlaceOrder': {
    document: 'mutation($id: ID!) { sandboxPlaceOrder(input: { lines: [{ productId: $id, quantity: 1 }] }) { order { id } userErrors { code } } }',
    variables: (ids) => ({ id: ids.product }),
    answer: (data) => data.sandboxPlaceOrder,
  },
  'Mutation.sandboxSendOrderEvent': {
    document: 'mutation($id: ID!) { sandboxSendOrderEvent(input: { orderId: $id, eventType: PACKAGE_DELIVERED }) { order { id } userErrors { code } } }',
    variables: (ids) => ({ id: ids.order }),
    answer: (data) => data.sandboxSendOrderEvent,
  },
};

/** Every node type, each fetched by `node(id:)` with another merchant's ID. */
const nodeKinds: Array<keyof Ids> = ['link', 'product', 'order', 'unlinkRequest', 'merchant', 'user', 'apiToken'];

let server: TestServer;
const owned: Record<'acme' | 'bluebird', Ids> = {} as never;

async function idsOf(token: string, unlinkRequest: string): Promise<Ids> {
  const { body } = await server.gql('{ sellerCentralLink { id } viewer { user { id } merchant { id } } orders(first: 1) { nodes { id } } }', {}, token);
  const products = await productsBySku(server, token);
  const CREATE = 'mutation { createApiToken(input: { name: "isolation probe", role: DEVELOPER, expiresInDays: 30 }) { apiToken { id } } }';
  const apiToken = (await server.gql(CREATE, {}, token)).body.data.createApiToken.apiToken.id;
  return {
    link: body.data.sellerCentralLink.id,
    product: Object.values(products)[0].id,
    order: body.data.orders.nodes[0].id,
    unlinkRequest,
    merchant: body.data.viewer.merchant.id,
    user: body.data.viewer.user.id,
    apiToken,
  };
}

async function snapshot(): Promise<string> {
  const tables = ['seller_central_link', 'link_event', 'onboarding_step', 'catalog_product', 'bwp_order', 'bwp_order_event', 'unlink_request', 'merchant_user', 'api_token', 'webhook_secret', 'access_audit_entry'];
  const rows = await Promise.all(tables.map((table) => server.app.dataSource.query(`SELECT * FROM ${table} ORDER BY id`)));
  const tallies = await server.app.dataSource.query('SELECT * FROM order_state_count ORDER BY merchant_id, state');
  const hours = await server.app.dataSource.query('SELECT * FROM return_window_hour ORDER BY merchant_id, hour');
  return JSON.stringify([...rows, tallies, hours]);
}

beforeAll(async () => {
  server = await startTestServer();
  for (const [merchant, token, account, store] of [
    ['acme', 'demo-acme-owner', 'A1NORTHWINDPRO', 'STORE-NW-US'],
    ['bluebird', 'demo-bluebird-owner', 'A2BLUEBIRDPRO', 'STORE-BB-US'],
  ] as const) {
    if (merchant === 'acme') await onboard(server);
    else {
      await link(server, account, store, token);
      await server.app.onboarding.runDue();
      server.clock.advanceSeconds(120);
      await server.app.onboarding.runDue();
    }
    const products = await productsBySku(server, token);
    const eligible = Object.values(products).find((product: any) => product.eligibleForPrime)!;
    await toggle(server, eligible.id, true, token);
    await server.gql(PLACE_ORDER, { input: { lines: [{ productId: eligible.id, quantity: 1 }] } }, token);
    await server.gql('mutation { turnOffOfferPrimeForAllProducts(input: {}) { turnedOffCount } }', {}, token);
    const request = await server.gql('mutation { requestUnlink(input: { reason: "probe" }) { unlinkRequest { id } } }', {}, token);
    owned[merchant] = await idsOf(token, request.body.data.requestUnlink.unlinkRequest.id);
  }
}, 60_000);

afterAll(async () => {
  await server.stop();
});

describe('tenant isolation, exhaustively', () => {
  it('the probes cover every field that takes an ID (a new one needs a probe here)', async () => {
    expect(fieldsTakingIds(await buildAppSchema({ sandboxControls: true }))).toEqual(Object.keys(probes).sort());
  });

  const callers = [
    ['demo-acme-owner', 'bluebird'],
    ['demo-acme-admin', 'bluebird'],
    ['demo-acme-staff', 'bluebird'],
    ['demo-acme-support', 'bluebird'],
    ['demo-acme-developer', 'bluebird'],
    ['demo-bluebird-owner', 'acme'],
  ] as const;

  it.each(callers)('%s: every ID of %s reads as not found, and nothing changes', async (token, victim) => {
    const before = await snapshot();
    for (const [field, probe] of Object.entries(probes)) {
      const { body } = await server.gql(probe.document, probe.variables(owned[victim]), token);
      const answer = body.data ? probe.answer(body.data) : null;
      const codes = [...(body.errors ?? []).map((error) => error.extensions?.code), ...((answer as any)?.userErrors ?? []).map((error: any) => error.code)];
      const revealed = JSON.stringify(answer ?? null);
      expect({ field, leaks: Object.values(owned[victim]).filter((id) => revealed.includes(id)) }).toEqual({ field, leaks: [] });
      if (answer && typeof answer === 'object') expect({ field, codes }).toEqual({ field, codes: expect.arrayContaining([expect.stringMatching(/^(NOT_FOUND|PERMISSION_DENIED)$/)]) });
      else expect({ field, codes }).toEqual({ field, codes: codes.length > 0 ? [expect.stringMatching(/^(FORBIDDEN)$/)] : [] });
    }
    for (const kind of nodeKinds) {
      const { body } = await server.gql('query($id: ID!) { node(id: $id) { id } }', { id: owned[victim][kind] }, token);
      expect({ kind, node: body.data?.node ?? null }).toEqual({ kind, node: null });
    }
    expect(await snapshot()).toBe(before);
  });
});
