import { IdempotencyKey } from '../../src/idempotency/idempotency-key.entity';
import { MAX_STORED_ANSWER_BYTES, PURGE_BATCH_SIZE } from '../../src/idempotency/idempotency.service';
import { LinkEvent } from '../../src/linking/link-event.entity';
import { UnlinkRequest } from '../../src/unlinking/unlink-request.entity';
import { authorizeAtSellerCentral, onboard, productsBySku, startLink } from '../support/linking-flow';
import { startTestServer, TestServer } from '../support/test-server';

let server: TestServer;

beforeEach(async () => {
  // Bulk toggles and counts cost what they scan or write (docs/cost-model.md): this file's many, on a fake
  // clock that never refills a budget, would outrun the default budgets, which the limits tests cover.
  server = await startTestServer({ rateLimit: { capacity: 1_000_000, restorePerSecond: 200, merchantCapacity: 1_000_000, merchantRestorePerSecond: 600 } });
});

afterEach(async () => {
  await server.stop();
});

const COMPLETE = `mutation($input: CompleteSellerCentralLinkInput!) {
  completeSellerCentralLink(input: $input) { link { id state linkedAt } userErrors { code field } }
}`;
const REQUEST = `mutation($input: RequestUnlinkInput!) {
  requestUnlink(input: $input) { unlinkRequest { id supportCaseId requestedAt } link { state } userErrors { code field } }
}`;
const BULK = `mutation($input: SetOfferPrimeForProductsInput!) {
  setOfferPrimeForProducts(input: $input) { outcomes { productId product { offerPrime updatedAt } userErrors { code } } userErrors { code field } }
}`;

describe('idempotency keys', () => {
  it('complete link: a retry with the same key and input returns the first result without linking again; another input is refused', async () => {
    const started = await startLink(server);
    const code = await authorizeAtSellerCentral(server, started.authorizationState, 'A1NORTHWINDPRO', 'STORE-NW-US');
    const input = { linkId: started.linkId, authorizationCode: code, idempotencyKey: 'link-attempt-1' };
    const first = (await server.gql(COMPLETE, { input })).body.data.completeSellerCentralLink;
    expect(first).toMatchObject({ link: { state: 'LINKED' }, userErrors: [] });
    const events = await server.app.dataSource.manager.count(LinkEvent);

    server.clock.advanceSeconds(60);
    const retry = (await server.gql(COMPLETE, { input })).body.data.completeSellerCentralLink;
    expect(retry).toEqual(first);
    expect(await server.app.dataSource.manager.count(LinkEvent)).toBe(events);

    const other = (await server.gql(COMPLETE, { input: { ...input, authorizationCode: 'another-code' } })).body.data.completeSellerCentralLink;
    expect(other).toEqual({ link: null, userErrors: [{ code: 'IDEMPOTENCY_KEY_REUSED', field: ['input', 'idempotencyKey'] }] });
  });

  it('request unlink: a retry returns the same request; a refused attempt is not kept and can be retried with its key', async () => {
    await onboard(server);
    const products = await productsBySku(server);
    await server.gql(`mutation($id: ID!) { setOfferPrime(input: { productId: $id, offerPrime: true }) { userErrors { code } } }`, { id: products['NW-TENT-2P'].id });
    const input = { reason: 'Closing the shop', idempotencyKey: 'unlink-1' };
    expect((await server.gql(REQUEST, { input })).body.data.requestUnlink.userErrors).toEqual([{ code: 'UNLINK_BLOCKED_BY_OFFER_PRIME', field: null }]);

    await server.gql(`mutation { turnOffOfferPrimeForAllProducts(input: {}) { turnedOffCount } }`);
    const first = (await server.gql(REQUEST, { input })).body.data.requestUnlink;
    expect(first).toMatchObject({ link: { state: 'UNLINK_REQUESTED' }, userErrors: [] });
    const retry = (await server.gql(REQUEST, { input })).body.data.requestUnlink;
    expect(retry).toEqual(first);
    expect(await server.app.dataSource.manager.count(UnlinkRequest)).toBe(1);
    // Without the key, the same request is the second of its kind, and refused as such.
    expect((await server.gql(REQUEST, { input: { reason: input.reason } })).body.data.requestUnlink.userErrors[0].code).toBe('UNLINK_ALREADY_REQUESTED');
  });

  it('bulk toggles: a retry returns the first outcomes and does no work; keys belong to one merchant', async () => {
    await onboard(server);
    const products = await productsBySku(server);
    const input = { changes: [{ productId: products['NW-TENT-2P'].id, offerPrime: true }], idempotencyKey: 'bulk-1' };
    const first = (await server.gql(BULK, { input })).body.data.setOfferPrimeForProducts;
    server.clock.advanceSeconds(60);
    expect((await server.gql(BULK, { input })).body.data.setOfferPrimeForProducts).toEqual(first);
    const other = await server.gql(BULK, { input: { changes: [{ productId: products['NW-TENT-2P'].id, offerPrime: true }], idempotencyKey: 'bulk-1' } }, 'demo-bluebird-owner');
    expect(other.body.data.setOfferPrimeForProducts.outcomes[0].userErrors).toEqual([{ code: 'NOT_FOUND' }]);
  });

  it('keys are kept 24 hours, then forgotten', async () => {
    await onboard(server);
    const products = await productsBySku(server);
    const input = { changes: [{ productId: products['NW-TENT-2P'].id, offerPrime: true }], idempotencyKey: 'kept-a-day' };
    await server.gql(BULK, { input });
    server.clock.advanceSeconds(24 * 3600 - 1);
    await server.app.idempotency.purgeExpired();
    expect(await server.app.dataSource.manager.count(IdempotencyKey)).toBe(1);
    server.clock.advanceSeconds(2);
    await server.app.idempotency.purgeExpired();
    expect(await server.app.dataSource.manager.count(IdempotencyKey)).toBe(0);
  });

  it('an empty or oversized key is a validation error', async () => {
    for (const idempotencyKey of ['', 'k'.repeat(256)]) {
      const response = await server.gql(REQUEST, { input: { reason: 'x', idempotencyKey } });
      expect(response.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('keys belong to the user who sent them; the role is checked before a replay (STAFF resending an OWNER\'s key gets no payload)', async () => {
    await onboard(server);
    const products = await productsBySku(server);
    const input = { changes: [{ productId: products['NW-TENT-2P'].id, offerPrime: true }], idempotencyKey: 'owner-key' };
    const first = (await server.gql(BULK, { input })).body.data.setOfferPrimeForProducts;
    expect(first.outcomes[0].product).not.toBeNull();

    const staff = (await server.gql(BULK, { input }, 'demo-acme-staff')).body.data.setOfferPrimeForProducts;
    expect(staff).toEqual({ outcomes: null, userErrors: [{ code: 'PERMISSION_DENIED', field: null }] });

    // An ADMIN may toggle, but the OWNER's key is not the ADMIN's: its request runs as its own.
    server.clock.advanceSeconds(60);
    const admin = (await server.gql(BULK, { input }, 'demo-acme-admin')).body.data.setOfferPrimeForProducts;
    expect(admin).toMatchObject({ outcomes: [{ product: { offerPrime: true } }], userErrors: [] });
    expect(await server.app.dataSource.manager.count(IdempotencyKey)).toBe(2);
  });

  it('a bulk answer whose every item failed is not kept; a kept one holds what a replay needs, not the products', async () => {
    await onboard(server);
    const products = await productsBySku(server);
    const failing = Array.from({ length: 249 }, (_, index) => ({ productId: `not-an-id-${index}`, offerPrime: true }));
    const allFailed = (await server.gql(BULK, { input: { changes: failing, idempotencyKey: 'all-failed' } })).body.data.setOfferPrimeForProducts;
    expect(allFailed.outcomes.every((outcome: any) => outcome.userErrors.length === 1)).toBe(true);
    expect(await server.app.dataSource.manager.count(IdempotencyKey)).toBe(0);

    const input = { changes: [{ productId: products['NW-TENT-2P'].id, offerPrime: true }, ...failing], idempotencyKey: 'mixed' };
    const first = (await server.gql(BULK, { input })).body.data.setOfferPrimeForProducts;
    const [stored] = await server.app.dataSource.manager.find(IdempotencyKey);
    const bytes = Buffer.byteLength(stored.payloadJson);
    console.log(`stored answer of a 250-item bulk toggle: ${bytes} bytes (cap ${MAX_STORED_ANSWER_BYTES})`);
    expect(bytes).toBeLessThan(MAX_STORED_ANSWER_BYTES);
    expect(stored.payloadJson).not.toContain('NW-TENT-2P');
    expect((await server.gql(BULK, { input })).body.data.setOfferPrimeForProducts).toEqual(first);
  });

  it('expired keys are purged oldest first in batches, each a bounded statement', async () => {
    const manager = server.app.dataSource.manager;
    const expiredAt = new Date(server.clock.now().getTime() - 1000);
    const rows = Array.from({ length: PURGE_BATCH_SIZE * 2 + 10 }, (_, index) => ({
      merchantId: 'm', userId: 'u', key: `k${index}`, operation: 'x', inputHash: 'h', payloadJson: '{}', createdAt: expiredAt, expiresAt: expiredAt,
    }));
    for (let start = 0; start < rows.length; start += 100) await manager.insert(IdempotencyKey, rows.slice(start, start + 100));
    await manager.insert(IdempotencyKey, { ...rows[0], key: 'alive', expiresAt: new Date(server.clock.now().getTime() + 1000) });
    const statements = await server.sql.count(() => server.app.idempotency.purgeExpired());
    expect(await manager.count(IdempotencyKey)).toBe(1);
    const selects = statements.filter((statement) => /^SELECT/i.test(statement));
    expect(selects).toHaveLength(3);
    expect(selects.every((statement) => /LIMIT/i.test(statement))).toBe(true);
  });
});
