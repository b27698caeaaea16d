import { recordChange } from '../database/transaction-runner';
import { EntityManager, In } from 'typeorm';
import { LinkEventKind } from '../linking/link-event.entity';
import { Actor, LinkRepository } from '../linking/link.repository';
import { FulfillmentInventory, SellerCentralGateway, SellerListing } from '../seller-central/seller-central.gateway';
import { chunks } from '../shared/chunks';
import { newId } from '../shared/ids';
import { CatalogProduct } from './catalog-product.entity';
import { CatalogCountStore } from './catalog-counts.repository';
import { planCatalogSync } from './catalog-sync.plan';
import { FulfillmentInventoryRecord } from './fulfillment-inventory.entity';

/** The part of a link a sync needs: whose catalog, and which Seller Central account to read. */
export interface SyncTarget {
  linkId: string;
  merchantId: string;
  sellerAccountId: string;
}

export interface CatalogSyncSummary {
  listingCount: number;
  added: number;
  updated: number;
  unchanged: number;
  vanished: number;
  offerPrimeTurnedOff: number;
}

/** Rows per INSERT: well within SQLite's and PostgreSQL's limits on bound parameters. */
const INSERT_BATCH = 500;
/** SKUs named in a timeline entry before "and N more". */
const NAMED_SKUS = 20;

function namedSkus(skus: string[]): string {
  const named = skus.slice(0, NAMED_SKUS).join(', ');
  return skus.length > NAMED_SKUS ? `${named} and ${skus.length - NAMED_SKUS} more` : named;
}

/**
 * L6: brings Seller Central's inventory and listings into the Buy with Prime catalog. Reading Seller
 * Central happens before any transaction; the writes, batched, go into the caller's transaction
 * together with whatever else it records (a step's completion, a timeline entry), so that a sync is
 * all or nothing.
 */
export class CatalogSyncService {
  constructor(
    private readonly links: LinkRepository,
    private readonly sellerCentral: SellerCentralGateway,
    private readonly counts: CatalogCountStore,
    private readonly listingsPageSize = 500,
  ) {}

  readInventory(target: SyncTarget): Promise<FulfillmentInventory[]> {
    return this.sellerCentral.getFulfillmentInventory(target.sellerAccountId);
  }

  /** Every listing, page by page; `onProgress` hears how many have been read of the total. */
  async readListings(target: SyncTarget, onProgress: (done: number, total: number) => Promise<void>): Promise<SellerListing[]> {
    const listings: SellerListing[] = [];
    let pageToken: string | null = null;
    do {
      const page = await this.sellerCentral.listListings(target.sellerAccountId, pageToken, this.listingsPageSize);
      listings.push(...page.listings);
      await onProgress(listings.length, page.totalCount);
      pageToken = page.nextPageToken;
    } while (pageToken);
    return listings;
  }

  /** Replaces the merchant's fulfillment-center inventory with Seller Central's figures. */
  async writeInventory(manager: EntityManager, target: SyncTarget, inventory: FulfillmentInventory[], now: Date): Promise<void> {
    await this.counts.lock(manager, target.merchantId);
    await manager.delete(FulfillmentInventoryRecord, { merchantId: target.merchantId });
    for (const run of chunks(inventory, INSERT_BATCH)) {
      await manager.insert(
        FulfillmentInventoryRecord,
        run.map((record) => ({ merchantId: target.merchantId, sku: record.sellerSku, fulfillableQuantity: record.fulfillableQuantity, identifiedAt: now })),
      );
    }
    await this.counts.recount(manager, target.merchantId);
  }

  /**
   * New listings become products (not offering Prime), changed ones are updated with their toggle
   * kept, vanished ones stop being listed and stop offering Prime, with a timeline entry.
   */
  async writeListings(manager: EntityManager, target: SyncTarget, listings: SellerListing[], actor: Actor, now: Date): Promise<CatalogSyncSummary> {
    const existing = await manager.find(CatalogProduct, {
      select: { id: true, sku: true, amazonSku: true, title: true, priceCents: true, currency: true, returnable: true, listed: true, offerPrime: true },
      where: { merchantId: target.merchantId },
    });
    const plan = planCatalogSync(existing, listings);
    await this.counts.lock(manager, target.merchantId);
    for (const run of chunks(plan.toInsert, INSERT_BATCH)) {
      await manager.insert(CatalogProduct, run.map((listing) => newProduct(target.merchantId, listing, now)));
    }
    for (const { id, listing } of plan.toUpdate) {
      await manager.update(CatalogProduct, { id }, { ...productFields(listing), listed: true, updatedAt: now });
    }
    for (const run of chunks(plan.toUnlist, INSERT_BATCH)) {
      await manager.update(CatalogProduct, { id: In(run.map((product) => product.id)) }, { listed: false, offerPrime: false, updatedAt: now });
    }
    await this.counts.recount(manager, target.merchantId);
    const offerPrimeTurnedOff = plan.toUnlist.filter((product) => product.offerPrime).length;
    recordChange(manager, { type: 'OFFER_PRIME', merchantId: target.merchantId, productIds: plan.toUnlist.filter((product) => product.offerPrime).map((product) => product.id) });
    if (plan.toUnlist.length > 0) {
      await this.links.record(manager, { id: target.linkId, merchantId: target.merchantId }, {
        actor,
        at: now,
        kind: LinkEventKind.LISTINGS_VANISHED,
        message:
          `${plan.toUnlist.length} listing(s) vanished from Seller Central: ${namedSkus(plan.toUnlist.map((product) => product.sku))}. ` +
          `They are no longer eligible for Prime; Offer Prime was turned off for ${offerPrimeTurnedOff} of them.`,
      });
    }
    return {
      listingCount: listings.length,
      added: plan.toInsert.length,
      updated: plan.toUpdate.length,
      unchanged: plan.unchanged,
      vanished: plan.toUnlist.length,
      offerPrimeTurnedOff,
    };
  }
}

function newProduct(merchantId: string, listing: SellerListing, now: Date): CatalogProduct {
  return Object.assign(new CatalogProduct(), {
    id: newId(now.getTime()),
    merchantId,
    sku: listing.sellerSku,
    ...productFields(listing),
    offerPrime: false,
    listed: true,
    importedAt: now,
    updatedAt: now,
  });
}

function productFields(listing: SellerListing) {
  return { amazonSku: listing.asin, title: listing.title, priceCents: listing.priceCents, currency: listing.currency, returnable: listing.returnable };
}

