import { randomBytes } from 'node:crypto';
import { CatalogRepository } from '../catalog/catalog.repository';
import { recordChange, TransactionRunner } from '../database/transaction-runner';
import { LinkRepository } from '../linking/link.repository';
import { Clock } from '../shared/clock';
import { ErrorCode, UserError } from '../shared/errors';
import { newId } from '../shared/ids';
import { BwpOrder, BwpOrderLine } from './order.entity';
import { checkCanOrder } from './order.rules';
import { OrderState } from './order-state';
import { tallyChange } from './order-tally';
import { OrderTallies } from './order-tally.repository';

export interface OrderLineRequest {
  productId: string;
  quantity: number;
}

/**
 * Placing an order, as a shopper does on the merchant's site (O1). In this API only the dev-only
 * sandbox storefront calls it; in production orders arrive from Buy with Prime itself.
 */
export class OrderPlacementService {
  constructor(
    private readonly catalog: CatalogRepository,
    private readonly links: LinkRepository,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly tallies: OrderTallies,
  ) {}

  async place(merchantId: string, lines: OrderLineRequest[]): Promise<BwpOrder> {
    return this.transactions.run(async (manager) => {
      const now = this.clock.now();
      const readiness = await this.catalog.readiness(merchantId, manager, true);
      const products = await this.catalog.findManyForMerchant([...new Set(lines.map((line) => line.productId))], merchantId, manager);
      const inventory = await this.catalog.inventory(merchantId, products.map((product) => product.sku), manager);
      lines.forEach((line, index) => {
        const product = products.find((candidate) => candidate.id === line.productId);
        if (!product) throw new UserError(ErrorCode.NOT_FOUND, 'No catalog product with this ID exists for this merchant.', { field: ['input', 'lines', String(index), 'productId'] });
        const refusal = checkCanOrder(readiness, { ...product, fulfillableQuantity: inventory.get(product.sku) ?? null });
        if (refusal) throw refusal.at(['input', 'lines', String(index)]);
      });
      const link = await this.links.findCurrent(merchantId, manager);
      const orderId = newId(now.getTime());
      const orderLines = lines.map((line) => {
        const product = products.find((candidate) => candidate.id === line.productId)!;
        return Object.assign(new BwpOrderLine(), {
          id: newId(now.getTime()),
          orderId,
          merchantId,
          productId: product.id,
          sku: product.sku,
          quantity: line.quantity,
          unitPriceCents: product.priceCents,
          currency: product.currency,
          returnable: product.returnable,
        });
      });
      const order = Object.assign(new BwpOrder(), {
        id: orderId,
        merchantId,
        linkId: link!.id,
        externalId: `BWP-${randomBytes(8).toString('hex').toUpperCase()}`,
        state: OrderState.PLACED,
        placedAt: now,
        shippedAt: null,
        deliveredAt: null,
        returnStartedAt: null,
        refundRequestedAt: null,
        refundedAt: null,
        cancelledAt: null,
        returnWindowEndsAt: null,
        totalCents: orderLines.reduce((sum, line) => sum + line.unitPriceCents * line.quantity, 0),
        currency: orderLines[0].currency,
        updatedAt: now,
        version: 1,
      });
      await manager.insert(BwpOrder, order);
      await manager.insert(BwpOrderLine, orderLines);
      await this.tallies.apply(manager, merchantId, tallyChange(null, order), now);
      recordChange(manager, { type: 'ORDER', merchantId: order.merchantId, orderId: order.id });
      return order;
    });
  }
}
