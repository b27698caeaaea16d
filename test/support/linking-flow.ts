import { TestServer } from './test-server';

/** Anything that sends GraphQL as a user: a test server or a server process. */
export type GraphQLClient = Pick<TestServer, 'gql'>;

export const START = `mutation Start($input: StartSellerCentralLinkInput!) {
  startSellerCentralLink(input: $input) {
    link { id state }
    authorizationState
    userErrors { code field message remedy }
  }
}`;

export const AUTHORIZE = `mutation Authorize($input: SandboxAuthorizeSellerCentralInput!) {
  sandboxAuthorizeSellerCentral(input: $input) { authorizationCode expiresAt userErrors { code message } }
}`;

export const COMPLETE = `mutation Complete($input: CompleteSellerCentralLinkInput!) {
  completeSellerCentralLink(input: $input) {
    link {
      id state active
      sellerAccount { id name }
      store { id name marketplace }
      onboardingSteps { kind state attempts }
    }
    userErrors { code field message remedy }
  }
}`;

export const REVERIFY = `mutation Reverify($input: ReverifySellerCentralLinkInput!) {
  reverifySellerCentralLink(input: $input) {
    link { id state attention { code message remedy since } }
    userErrors { code field message remedy }
  }
}`;

export const CURRENT_LINK = `{
  sellerCentralLink {
    id state active
    consent { agreedAt agreedBy { displayName } }
    sellerAccount { id name }
    store { id name }
    attention { code message remedy since }
    onboardingSteps { kind state }
    timeline(first: 50) { nodes { kind fromState toState actorKind actor { displayName } message occurredAt } }
  }
}`;

export interface StartedLink {
  linkId: string;
  authorizationState: string;
}

export async function startLink(server: GraphQLClient, token = 'demo-acme-owner'): Promise<StartedLink> {
  const { body } = await server.gql(START, { input: { agreedToDataUse: true } }, token);
  const payload = body.data.startSellerCentralLink;
  if (payload.userErrors.length > 0) throw new Error(`start failed: ${JSON.stringify(payload.userErrors)}`);
  return { linkId: payload.link.id, authorizationState: payload.authorizationState };
}

/** What the merchant does at Seller Central: pick an account and a store, come back with a code. */
export async function authorizeAtSellerCentral(server: GraphQLClient, authorizationState: string, sellerAccountId: string, storeId: string) {
  const { body } = await server.gql(AUTHORIZE, { input: { authorizationState, sellerAccountId, storeId } });
  const payload = body.data.sandboxAuthorizeSellerCentral;
  if (payload.userErrors.length > 0) throw new Error(`authorize failed: ${JSON.stringify(payload.userErrors)}`);
  return payload.authorizationCode as string;
}

export async function complete(server: GraphQLClient, linkId: string, authorizationCode: string, token = 'demo-acme-owner') {
  const { body } = await server.gql(COMPLETE, { input: { linkId, authorizationCode } }, token);
  return body.data.completeSellerCentralLink;
}

/** Start, authorize and complete: the whole link, as a seller does it. */
export async function link(server: GraphQLClient, sellerAccountId = 'A1NORTHWINDPRO', storeId = 'STORE-NW-US', token = 'demo-acme-owner') {
  const started = await startLink(server, token);
  const code = await authorizeAtSellerCentral(server, started.authorizationState, sellerAccountId, storeId);
  return complete(server, started.linkId, code, token);
}

export async function setSandboxAccount(server: GraphQLClient, sellerAccountId: string, change: Record<string, string | number | boolean>) {
  const { body } = await server.gql(
    `mutation Update($input: SandboxUpdateSellerAccountInput!) { sandboxUpdateSellerAccount(input: $input) { account { id } userErrors { code } } }`,
    { input: { sellerAccountId, ...change } },
  );
  return body.data.sandboxUpdateSellerAccount;
}

/** Link and run the onboarding steps to the end: inventory, import, Amazon Pay (after its minutes), Prime shipping. */
export async function onboard(server: TestServer, sellerAccountId = 'A1NORTHWINDPRO', storeId = 'STORE-NW-US', token = 'demo-acme-owner') {
  const completed = await link(server, sellerAccountId, storeId, token);
  await server.app.onboarding.runDue();
  server.clock.advanceSeconds(120);
  await server.app.onboarding.runDue();
  return completed.link.id as string;
}

export const CATALOG = `query Catalog($first: Int, $after: String, $filter: CatalogProductFilter) {
  catalogProducts(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id sku amazonSku title price { amount currencyCode } fulfillableQuantity offerPrime eligibleForPrime ineligibilityReasons buyability listed updatedAt }
  }
}`;

export const SET_OFFER_PRIME = `mutation Toggle($input: SetOfferPrimeInput!) {
  setOfferPrime(input: $input) { product { sku offerPrime buyability } userErrors { code field message remedy } }
}`;

/** The catalog products by SKU, as the console lists them. */
export async function productsBySku(server: GraphQLClient, token = 'demo-acme-owner'): Promise<Record<string, any>> {
  const { body } = await server.gql(CATALOG, { first: 100 }, token);
  return Object.fromEntries(body.data.catalogProducts.nodes.map((product: any) => [product.sku, product]));
}

export async function toggle(server: GraphQLClient, productId: string, offerPrime: boolean, token = 'demo-acme-owner') {
  const { body } = await server.gql(SET_OFFER_PRIME, { input: { productId, offerPrime } }, token);
  return body.data.setOfferPrime;
}

export const PLACE_ORDER = `mutation Place($input: SandboxPlaceOrderInput!) {
  sandboxPlaceOrder(input: $input) { order { id externalId state total { amount } } userErrors { code field message } }
}`;

/** A shopper orders one unit of each product. */
export async function placeOrder(server: GraphQLClient, productIds: string[], token = 'demo-acme-owner') {
  const { body } = await server.gql(PLACE_ORDER, { input: { lines: productIds.map((productId) => ({ productId, quantity: 1 })) } }, token);
  return body.data.sandboxPlaceOrder;
}

export async function sendOrderEvent(server: TestServer, orderId: string, eventType: string) {
  const { body } = await server.gql(
    `mutation($input: SandboxSendOrderEventInput!) { sandboxSendOrderEvent(input: $input) { order { state returnWindowEndsAt } eventStatus userErrors { code } } }`,
    { input: { orderId, eventType } },
  );
  return body.data.sandboxSendOrderEvent;
}

/** Sandbox: adds or changes a Seller Central listing (and its fulfillment-center units), as a re-sync will read it. */
export async function upsertListing(server: GraphQLClient, sku: string, fulfillableQuantity: number, sellerAccountId = 'A1NORTHWINDPRO') {
  const { body } = await server.gql(
    `mutation($input: SandboxUpsertListingInput!) { sandboxUpsertListing(input: $input) { userErrors { code } } }`,
    { input: { sellerAccountId, sellerSku: sku, asin: `B0${sku.replace(/[^A-Z0-9]/g, '').slice(0, 8)}`, title: `Listing ${sku}`, priceCents: 1000, fulfillableQuantity } },
  );
  return body.data.sandboxUpsertListing.userErrors;
}
