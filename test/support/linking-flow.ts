import { TestServer } from './test-server';

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

export async function startLink(server: TestServer, token = 'demo-acme-owner'): Promise<StartedLink> {
  const { body } = await server.gql(START, { input: { agreedToDataUse: true } }, token);
  const payload = body.data.startSellerCentralLink;
  if (payload.userErrors.length > 0) throw new Error(`start failed: ${JSON.stringify(payload.userErrors)}`);
  return { linkId: payload.link.id, authorizationState: payload.authorizationState };
}

/** What the merchant does at Seller Central: pick an account and a store, come back with a code. */
export async function authorizeAtSellerCentral(server: TestServer, authorizationState: string, sellerAccountId: string, storeId: string) {
  const { body } = await server.gql(AUTHORIZE, { input: { authorizationState, sellerAccountId, storeId } });
  const payload = body.data.sandboxAuthorizeSellerCentral;
  if (payload.userErrors.length > 0) throw new Error(`authorize failed: ${JSON.stringify(payload.userErrors)}`);
  return payload.authorizationCode as string;
}

export async function complete(server: TestServer, linkId: string, authorizationCode: string, token = 'demo-acme-owner') {
  const { body } = await server.gql(COMPLETE, { input: { linkId, authorizationCode } }, token);
  return body.data.completeSellerCentralLink;
}

/** Start, authorize and complete: the whole link, as a seller does it. */
export async function link(server: TestServer, sellerAccountId = 'A1NORTHWINDPRO', storeId = 'STORE-NW-US', token = 'demo-acme-owner') {
  const started = await startLink(server, token);
  const code = await authorizeAtSellerCentral(server, started.authorizationState, sellerAccountId, storeId);
  return complete(server, started.linkId, code, token);
}

export async function setSandboxAccount(server: TestServer, sellerAccountId: string, change: { plan?: string; standing?: string }) {
  const { body } = await server.gql(
    `mutation Update($input: SandboxUpdateSellerAccountInput!) { sandboxUpdateSellerAccount(input: $input) { account { id } userErrors { code } } }`,
    { input: { sellerAccountId, ...change } },
  );
  return body.data.sandboxUpdateSellerAccount;
}
