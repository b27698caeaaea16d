import { CatalogCountCheck } from '../../src/catalog/catalog-count.check';
import { OrderTallyCheck } from '../../src/orders/order-tally.check';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { buildAppSchema } from '../../src/server/schema';
import { link, onboard, PLACE_ORDER, productsBySku, toggle } from './linking-flow';
import { fuzzOperation } from './operation-fuzzer';
import { TestServer } from './test-server';

export interface CampaignReport {
  cases: number;
  byStatus: Record<string, number>;
  byErrorCode: Record<string, number>;
  invariantChecks: number;
}

const tokens = ['demo-acme-owner', 'demo-acme-admin', 'demo-acme-staff', 'demo-acme-support', 'demo-acme-developer', 'demo-bluebird-owner', 'not-a-token'];

/** Gives the fuzzer real IDs of both merchants to throw at every operation. */
export async function prepareMerchants(server: TestServer): Promise<string[]> {
  await onboard(server);
  await link(server, 'A2BLUEBIRDPRO', 'STORE-BB-US', 'demo-bluebird-owner');
  const acme = await productsBySku(server);
  await toggle(server, acme['NW-TENT-2P'].id, true);
  const order = await server.gql(PLACE_ORDER, { input: { lines: [{ productId: acme['NW-TENT-2P'].id, quantity: 1 }] } });
  const bluebird = await productsBySku(server, 'demo-bluebird-owner');
  const links = await server.gql('{ sellerCentralLink { id } viewer { user { id } merchant { id } } }');
  const bluebirdLinks = await server.gql('{ sellerCentralLink { id } viewer { user { id } merchant { id } } }', {}, 'demo-bluebird-owner');
  return [
    ...Object.values(acme).map((product: any) => product.id),
    ...Object.values(bluebird).map((product: any) => product.id),
    order.body.data.sandboxPlaceOrder.order.id,
    links.body.data.sellerCentralLink.id,
    links.body.data.viewer.user.id,
    links.body.data.viewer.merchant.id,
    bluebirdLinks.body.data.sellerCentralLink?.id,
    bluebirdLinks.body.data.viewer.merchant.id,
  ].filter(Boolean);
}

/** The database invariants no request may break, whatever it sends. */
export async function checkInvariants(dataSource: DataSource, now: Date): Promise<number> {
  const twoCurrent = await dataSource.query(
    `SELECT current_for_merchant_id FROM seller_central_link WHERE current_for_merchant_id IS NOT NULL GROUP BY current_for_merchant_id HAVING COUNT(*) > 1`,
  );
  if (twoCurrent.length > 0) throw new Error('L7 broken: a merchant has two current links');
  const offeringWhileUnlinking = await dataSource.query(
    `SELECT p.id FROM catalog_product p JOIN seller_central_link l ON l.current_for_merchant_id = p.merchant_id
     WHERE p.offer_prime = $1 AND l.state IN ('UNLINK_REQUESTED', 'UNLINKING')`.replace('$1', dataSource.options.type === 'postgres' ? 'true' : '1'),
  );
  if (offeringWhileUnlinking.length > 0) throw new Error('U1/U4 broken: a product offers Prime while an unlink waits');
  const unlistedOffering = await dataSource.query(`SELECT id FROM catalog_product WHERE offer_prime = ${dataSource.options.type === 'postgres' ? 'true' : '1'} AND listed = ${dataSource.options.type === 'postgres' ? 'false' : '0'}`);
  if (unlistedOffering.length > 0) throw new Error('P2 broken: a product without a listing offers Prime');
  const stepCounts = await dataSource.query(`SELECT link_id FROM onboarding_step GROUP BY link_id HAVING COUNT(*) <> 4`);
  if (stepCounts.length > 0) throw new Error('L6 broken: a link without exactly four onboarding steps');
  const drifted = await new OrderTallyCheck(dataSource).mismatches(now);
  if (drifted.length > 0) throw new Error(`U3 broken: an order tally disagrees with its orders: ${JSON.stringify(drifted)}`);
  const miscounted = await new CatalogCountCheck(dataSource).mismatches();
  if (miscounted.length > 0) throw new Error(`P2 broken: catalog counts disagree with the products: ${JSON.stringify(miscounted)}`);
  return 5;
}

/**
 * Sends `runs` operations generated from the schema (valid and broken: random selections, wrong
 * types, huge and odd strings, deep nesting, alias floods, random variables, any token) and asserts
 * for each: no 5xx, no INTERNAL_SERVER_ERROR, no stack trace; then the database invariants.
 */
export async function runFuzzCampaign(server: TestServer, runs: number, seed?: number): Promise<CampaignReport> {
  const schema = await buildAppSchema({ sandboxControls: server.app.config.sandboxControls });
  const ids = await prepareMerchants(server);
  const report: CampaignReport = { cases: 0, byStatus: {}, byErrorCode: {}, invariantChecks: 0 };
  // Each demo user signs in once, as a console would, and keeps its token; one caller sends a token that is none.
  const signedIn = await Promise.all(tokens.map((subject) => (subject === 'not-a-token' ? subject : server.signIn(subject))));
  await fc.assert(
    fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 2 }), fc.constantFrom(...signedIn), async (operationSeed, token) => {
      const { text, variables } = fuzzOperation(schema, operationSeed, ids);
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: text, variables }),
      });
      const raw = await response.text();
      report.cases += 1;
      report.byStatus[response.status] = (report.byStatus[response.status] ?? 0) + 1;
      if (response.status >= 500) throw new Error(`HTTP ${response.status} for ${text.slice(0, 300)}: ${raw.slice(0, 300)}`);
      if (raw.includes('INTERNAL_SERVER_ERROR') || raw.includes('stacktrace')) throw new Error(`internal error for ${text.slice(0, 300)}: ${raw.slice(0, 500)}`);
      const body = JSON.parse(raw) as { errors?: Array<{ extensions?: { code?: string } }> };
      for (const error of body.errors ?? []) {
        const code = error.extensions?.code ?? 'NONE';
        report.byErrorCode[code] = (report.byErrorCode[code] ?? 0) + 1;
      }
      if (report.cases % 250 === 0) report.invariantChecks += await checkInvariants(server.app.dataSource, server.clock.now());
    }),
    { numRuns: runs, seed, endOnFailure: true },
  );
  report.invariantChecks += await checkInvariants(server.app.dataSource, server.clock.now());
  return report;
}
