import { DataSource } from 'typeorm';
import { createDataSource } from '../../ormconfig';
import { CatalogProduct } from '../../src/catalog/catalog-product.entity';
import { LinkEvent, LinkEventKind } from '../../src/linking/link-event.entity';
import { LinkState } from '../../src/linking/link-state';
import { SellerCentralLink } from '../../src/linking/seller-central-link.entity';
import { BwpOrderEvent } from '../../src/orders/order.entity';
import { StepState } from '../../src/onboarding/onboarding-step-state';
import { OnboardingStep } from '../../src/onboarding/onboarding-step.entity';
import { authorizeAtSellerCentral, complete, link, PLACE_ORDER, productsBySku, SET_OFFER_PRIME, setSandboxAccount, startLink } from '../support/linking-flow';
import { ServerProcess, startServerProcess, waitFor } from '../support/server-process';
import { freshDatabase, onPostgres, TestDatabase } from '../support/test-database';
import { ACME_WEBHOOK_SECRET, orderEvent, sendSignedWebhook } from '../support/webhook';

const ROUNDS = 25;
// The orders these tests send events for are Acme's: its demo webhook secret signs them (issue 14).

let database: TestDatabase;
let observer: DataSource;
let a: ServerProcess;
let b: ServerProcess;
let conflicting = 0;
let checks = 0;

function check(holds: boolean, what: string): void {
  if (!holds) throw new Error(`invariant broken: ${what}`);
  checks += 1;
}

async function postWebhook(server: ServerProcess, body: unknown) {
  const { body: answer } = await sendSignedWebhook(server.url, ACME_WEBHOOK_SECRET, Math.floor(Date.now() / 1000), JSON.stringify(body));
  return answer as { status?: string };
}

const currentLink = (merchantName: 'acme' | 'bluebird') =>
  observer.manager.findOne(SellerCentralLink, {
    where: { merchantId: merchantName === 'acme' ? '0190c0de-0000-7000-8000-00000000a001' : '0190c0de-0000-7000-8000-00000000b001', state: LinkState.LINKED },
  });

// Several processes on one database is the production setup, on PostgreSQL; the embedded SQLite file serves one process.
const onSeveralInstances = onPostgres ? describe : describe.skip;
if (!onPostgres) console.warn('Several instances need PostgreSQL: run `npm run test:postgres` (CI does) for this test.');

onSeveralInstances('two server processes on one PostgreSQL, driven into conflicts', () => {
  beforeAll(async () => {
    database = await freshDatabase();
    const env = { RETURN_WINDOW_DAYS: '0', UNLINK_PROCESSING_HOURS: '0' };
    a = await startServerProcess(database.config, env);
    b = await startServerProcess(database.config, env);
    observer = createDataSource(database.config);
    await observer.initialize();
    for (const account of ['A1NORTHWINDPRO', 'A2BLUEBIRDPRO']) await setSandboxAccount(a, account, { amazonPayActivationMinutes: 0 });
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await observer?.destroy();
    await database?.drop();
    process.stdout.write(`several instances: ${conflicting} conflicting operations, ${checks} invariant checks passed\n`);
  });

  it('L7: the same authorization code completed at both servers at once links once, and the code is used once', async () => {
    for (let round = 0; round < ROUNDS; round += 1) {
      const started = await startLink(a, 'demo-bluebird-owner');
      const code = await authorizeAtSellerCentral(a, started.authorizationState, 'A2BLUEBIRDPRO', 'STORE-BB-US');
      const results = await Promise.all([complete(a, started.linkId, code, 'demo-bluebird-owner'), complete(b, started.linkId, code, 'demo-bluebird-owner')]);
      conflicting += 2;
      check(results.filter((result) => result.userErrors.length === 0).length === 1, 'exactly one completion succeeds');
      const current = await observer.manager.countBy(SellerCentralLink, { merchantId: '0190c0de-0000-7000-8000-00000000b001', currentForMerchantId: '0190c0de-0000-7000-8000-00000000b001' });
      check(current === 1, 'at most one current link per merchant');
      await observer.manager.update(SellerCentralLink, { state: LinkState.LINKED, merchantId: '0190c0de-0000-7000-8000-00000000b001' }, { state: LinkState.UNLINKED, currentForMerchantId: null });
    }
  }, 120_000);

  it('O4: the same webhook event delivered to both servers at once is applied once', async () => {
    const linked = await link(a);
    const linkId = Buffer.from(linked.link.id, 'base64url').toString().split(':')[1];
    await waitFor(async () => (await observer.manager.countBy(OnboardingStep, { linkId, state: StepState.SUCCEEDED })) === 4, 30_000, 50);
    const products = await productsBySku(a);
    const tent = products['NW-TENT-2P'].id;
    await a.gql(SET_OFFER_PRIME, { input: { productId: tent, offerPrime: true } });
    for (let round = 0; round < ROUNDS; round += 1) {
      const { body } = await a.gql(PLACE_ORDER, { input: { lines: [{ productId: tent, quantity: 1 }] } });
      const event = orderEvent(body.data.sandboxPlaceOrder.order.externalId, 'PACKAGE_SHIPPED', new Date(), { eventId: `dup-${round}`, idempotencyKey: `dup-key-${round}` });
      const answers = await Promise.all([postWebhook(a, event), postWebhook(b, event)]);
      conflicting += 2;
      check(answers.map((answer) => answer.status).sort().join() === 'APPLIED,DUPLICATE', 'one APPLIED and one DUPLICATE');
      check((await observer.manager.countBy(BwpOrderEvent, { eventId: `dup-${round}` })) === 1, 'each event stored once');
    }
  }, 120_000);

  it('U1: a toggle-on at one server and an unlink request at the other never leave an unlink request while a product offers Prime', async () => {
    const products = await productsBySku(a);
    const eligible = Object.values(products).filter((product: any) => product.eligibleForPrime).map((product: any) => product.id);
    const offOnly = `mutation { turnOffOfferPrimeForAllProducts(input: {}) { turnedOffCount } }`;
    // Deliver every order so that an accepted unlink is not held back (RETURN_WINDOW_DAYS=0).
    await a.gql(offOnly);
    for (let round = 0; round < ROUNDS; round += 1) {
      const [toggled, requested] = await Promise.all([
        a.gql(SET_OFFER_PRIME, { input: { productId: eligible[round % eligible.length], offerPrime: true } }),
        b.gql(`mutation($input: RequestUnlinkInput!) { requestUnlink(input: $input) { unlinkRequest { id } userErrors { code } } }`, { input: { reason: `round ${round}` } }),
      ]);
      conflicting += 2;
      if (!toggled.body.data || !requested.body.data) throw new Error(JSON.stringify([toggled.body, requested.body]));
      const link = await observer.manager.findOneByOrFail(SellerCentralLink, { merchantId: '0190c0de-0000-7000-8000-00000000a001', currentForMerchantId: '0190c0de-0000-7000-8000-00000000a001' });
      const offering = await observer.manager.countBy(CatalogProduct, { offerPrime: true });
      check(!(link.state === LinkState.UNLINK_REQUESTED && offering > 0), 'never an unlink request while a product offers Prime');
      const accepted = requested.body.data.requestUnlink.userErrors.length === 0;
      check(!(accepted && toggled.body.data.setOfferPrime.userErrors.length === 0), 'not both accepted');
      if (accepted) {
        await a.gql(`mutation($input: WithdrawUnlinkRequestInput!) { withdrawUnlinkRequest(input: $input) { userErrors { code } } }`, {
          input: { unlinkRequestId: requested.body.data.requestUnlink.unlinkRequest.id },
        });
      }
      await a.gql(offOnly);
    }
  }, 120_000);

  it('U3, U6: both servers\' schedulers advance the same unlink, and it is advanced once', async () => {
    const orders = await a.gql(`{ orders(first: 100) { nodes { id state } } }`);
    for (const order of orders.body.data.orders.nodes) {
      await postWebhook(b, orderEvent((await observer.query(`SELECT external_id FROM bwp_order WHERE id = $1`, [Buffer.from(order.id, 'base64url').toString().split(':')[1]]))[0].external_id, 'PACKAGE_DELIVERED', new Date()));
    }
    const { body } = await b.gql(`mutation { requestUnlink(input: { reason: "both schedulers" }) { userErrors { code } } }`);
    expect(body.data.requestUnlink.userErrors).toEqual([]);
    conflicting += 2;
    await waitFor(async () => (await currentLink('acme')) === null && (await observer.manager.countBy(SellerCentralLink, { state: LinkState.UNLINKED, merchantId: '0190c0de-0000-7000-8000-00000000a001' })) === 1, 30_000, 50);
    const events = await observer.manager.findBy(LinkEvent, { merchantId: '0190c0de-0000-7000-8000-00000000a001' });
    check(events.filter((event) => event.kind === LinkEventKind.UNLINKING_STARTED).length === 1, 'unlinking began once');
    check(events.filter((event) => event.kind === LinkEventKind.UNLINKED).length === 1, 'unlinking completed once');
  }, 60_000);
});
