import { DataSource } from 'typeorm';
import { ApiToken } from '../src/auth/api-token.entity';
import { MerchantUser } from '../src/auth/merchant-user.entity';
import { Role } from '../src/auth/role';
import { hashToken } from '../src/auth/tokens';
import { CatalogProduct } from '../src/catalog/catalog-product.entity';
import { CatalogCountCheck } from '../src/catalog/catalog-count.check';
import { CatalogCountStore } from '../src/catalog/catalog-counts.repository';
import { FulfillmentInventoryRecord } from '../src/catalog/fulfillment-inventory.entity';
import { LinkState } from '../src/linking/link-state';
import { SellerCentralLink } from '../src/linking/seller-central-link.entity';
import { LinkEvent, ActorKind, LinkEventKind } from '../src/linking/link-event.entity';
import { Merchant } from '../src/merchants/merchant.entity';
import { OnboardingStep } from '../src/onboarding/onboarding-step.entity';
import { onboardingStepOrder, StepState } from '../src/onboarding/onboarding-step-state';
import { BwpOrder, BwpOrderLine } from '../src/orders/order.entity';
import { OrderState } from '../src/orders/order-state';
import { OrderTallyCheck } from '../src/orders/order-tally.check';
import { OrderTallies } from '../src/orders/order-tally.repository';
import { UnlinkRequest } from '../src/unlinking/unlink-request.entity';
import { UnlinkRequestState } from '../src/unlinking/unlink-request-state';
import { chunks } from '../src/shared/chunks';
import { newId } from '../src/shared/ids';

/** API tokens (the machine clients' credential: one hash lookup, no provider); never used outside the bench. */
export const BENCH_TOKEN = 'bwpc_bench-large-merchant-owner';

async function insertAll<T extends object>(dataSource: DataSource, entity: new () => T, rows: T[]): Promise<void> {
  await dataSource.transaction(async (manager) => {
    for (const run of chunks(rows, 400)) await manager.insert(entity, run as never);
  });
}

interface MerchantShape {
  products: number;
  orders: number;
  /** The large merchant waits on an unlink request, so that its "what it waits for" page has work to do. */
  unlinkRequested: boolean;
  token: string;
}

/** One merchant, linked and onboarded, with products (inventory, some offering Prime) and orders over 60 days. */
async function seedMerchant(dataSource: DataSource, shape: MerchantShape, index: number, now: Date): Promise<void> {
  const merchantId = newId(now.getTime());
  const userId = newId(now.getTime());
  const linkId = newId(now.getTime());
  await insertAll(dataSource, Merchant, [{ id: merchantId, name: `Bench merchant ${index}`, createdAt: now }]);
  await insertAll(dataSource, MerchantUser, [
    { id: userId, merchantId, email: `owner${index}@bench.example`, displayName: `Owner ${index}`, role: Role.OWNER, issuer: 'urn:bench', subject: `owner-${index}`, createdAt: now },
  ]);
  await insertAll(dataSource, ApiToken, [
    {
      id: newId(now.getTime()), merchantId, userId, name: 'bench', role: Role.OWNER, tokenHash: hashToken(shape.token), displayPrefix: shape.token.slice(0, 9),
      expiresAt: new Date(now.getTime() + 365 * 86_400_000), lastUsedAt: null, revokedAt: null, createdAt: now,
    },
  ]);
  const state = shape.unlinkRequested ? LinkState.UNLINK_REQUESTED : LinkState.LINKED;
  await insertAll(dataSource, SellerCentralLink, [
    Object.assign(new SellerCentralLink(), {
      id: linkId, merchantId, currentForMerchantId: merchantId, state, authorizationState: `bench-${index}-${linkId}`, consentedByUserId: userId, consentedAt: now,
      sellerAccountId: 'A1NORTHWINDPRO', sellerAccountName: 'Northwind Outfitters', storeId: 'STORE-NW-US', storeName: 'Northwind Outfitters US', marketplace: 'ATVPDKIKX0DER',
      linkedAt: now, attentionCode: null, attentionMessage: null, attentionSince: null, endedAt: null, createdAt: now, updatedAt: now, version: 1,
    }),
  ]);
  await insertAll(dataSource, OnboardingStep, onboardingStepOrder.map((kind) => ({
    id: newId(now.getTime()), linkId, merchantId, kind, state: StepState.SUCCEEDED, attempts: 1, startedAt: now, finishedAt: now, failureReason: null,
    progressDone: shape.products, progressTotal: shape.products, claimedUntil: null, updatedAt: now,
  })));
  await insertAll(dataSource, LinkEvent, [
    { id: newId(now.getTime()), linkId, merchantId, occurredAt: now, actorKind: ActorKind.USER, actorUserId: userId, kind: LinkEventKind.CONSENT_RECORDED, fromState: null, toState: LinkState.AWAITING_AUTHORIZATION, message: 'Agreed.' },
    { id: newId(now.getTime()), linkId, merchantId, occurredAt: now, actorKind: ActorKind.USER, actorUserId: userId, kind: LinkEventKind.LINKED, fromState: LinkState.AWAITING_AUTHORIZATION, toState: LinkState.LINKED, message: 'Linked.' },
  ]);
  const products = Array.from({ length: shape.products }, (_, n) => Object.assign(new CatalogProduct(), {
    id: newId(now.getTime()), merchantId, sku: `SKU-${String(n).padStart(7, '0')}`, amazonSku: `B0${String(n).padStart(8, '0')}`, title: `Product ${n}`,
    priceCents: 1000 + (n % 500), currency: 'USD', returnable: n % 10 !== 0, offerPrime: !shape.unlinkRequested && n % 3 === 0, listed: true, importedAt: now, updatedAt: now,
  }));
  await insertAll(dataSource, CatalogProduct, products);
  await insertAll(dataSource, FulfillmentInventoryRecord, products.map((product, n) => ({ merchantId, sku: product.sku, fulfillableQuantity: n % 4, identifiedAt: now })));
  const states = [OrderState.DELIVERED, OrderState.DELIVERED, OrderState.DELIVERED, OrderState.SHIPPED, OrderState.REFUNDED, OrderState.CANCELLED, OrderState.PLACED, OrderState.REFUND_PENDING];
  for (let start = 0; start < shape.orders; start += 20_000) {
    const orders: BwpOrder[] = [];
    const lines: BwpOrderLine[] = [];
    for (let n = start; n < Math.min(shape.orders, start + 20_000); n += 1) {
      const placedAt = new Date(now.getTime() - (shape.orders - n) * ((60 * 86_400_000) / shape.orders));
      const orderState = states[n % states.length];
      const delivered = [OrderState.DELIVERED, OrderState.REFUNDED, OrderState.REFUND_PENDING].includes(orderState) ? new Date(placedAt.getTime() + 2 * 86_400_000) : null;
      const id = newId(placedAt.getTime());
      orders.push(Object.assign(new BwpOrder(), {
        id, merchantId, linkId, externalId: `BWP-${index}-${n}`, state: orderState, placedAt, shippedAt: orderState === OrderState.PLACED ? null : placedAt,
        deliveredAt: delivered, returnStartedAt: null, refundRequestedAt: orderState === OrderState.REFUND_PENDING ? delivered : null,
        refundedAt: orderState === OrderState.REFUNDED ? delivered : null, cancelledAt: orderState === OrderState.CANCELLED ? placedAt : null,
        returnWindowEndsAt: delivered ? new Date(delivered.getTime() + 30 * 86_400_000) : null, totalCents: 2000, currency: 'USD', updatedAt: placedAt, version: 1,
      }));
      const product = products[n % products.length];
      lines.push(Object.assign(new BwpOrderLine(), { id: newId(placedAt.getTime()), orderId: id, merchantId, productId: product.id, sku: product.sku, quantity: 1, unitPriceCents: product.priceCents, currency: 'USD', returnable: product.returnable }));
    }
    await insertAll(dataSource, BwpOrder, orders);
    await insertAll(dataSource, BwpOrderLine, lines);
  }
  // The products and orders bypass the services, so their merchant's counts are computed from them, as the repair does.
  await dataSource.transaction(async (manager) => {
    await new OrderTallies(dataSource).rebuild(manager, merchantId, now);
    // As the repair does: the counts row is created (and taken) before the recount that fills it.
    const counts = new CatalogCountStore(dataSource);
    await counts.lock(manager, merchantId);
    await counts.recount(manager, merchantId);
  });
  if (shape.unlinkRequested) {
    await insertAll(dataSource, UnlinkRequest, [Object.assign(new UnlinkRequest(), {
      id: newId(now.getTime()), merchantId, linkId, state: UnlinkRequestState.WAITING, supportCaseId: 'CASE-BENCH', reason: 'Benchmark', requestedByUserId: userId,
      requestedAt: now, withdrawnByUserId: null, withdrawnAt: null, unlinkingStartedAt: null, completedAt: null,
    })]);
  }
}

/**
 * The benchmark's data: one large merchant (its token is BENCH_TOKEN; it waits on an unlink request unless
 * `unlinkRequested` is false) and `smallMerchants` small ones (tokens `bwpc_bench-small-<n>`).
 */
export async function seedBenchData(
  dataSource: DataSource,
  large: { products: number; orders: number; unlinkRequested?: boolean },
  smallMerchants: number,
): Promise<void> {
  const now = new Date();
  await seedMerchant(dataSource, { ...large, unlinkRequested: large.unlinkRequested ?? true, token: BENCH_TOKEN }, 0, now);
  for (let index = 1; index <= smallMerchants; index += 1) {
    await seedMerchant(dataSource, { products: 10, orders: 10, unlinkRequested: false, token: `bwpc_bench-small-${index}` }, index, now);
  }
  // Figures of pages whose counts are wrong would be figures of another page: the seed must agree with a recount.
  // Checked once for all merchants (checked after each one, it recounted every order a thousand times: 17 minutes on PostgreSQL).
  const mismatches = [...(await new CatalogCountCheck(dataSource).mismatches()), ...(await new OrderTallyCheck(dataSource).mismatches(now))];
  if (mismatches.length > 0) throw new Error(`the seeded counts disagree with a recount: ${JSON.stringify(mismatches.slice(0, 3))}`);
}
