import { requirePermission } from '../auth/permissions';
import { Permission } from '../auth/role';
import { Viewer } from '../auth/viewer';
import { LinkEventKind } from '../linking/link-event.entity';
import { LinkState } from '../linking/link-state';
import { LinkRepository, userActor } from '../linking/link.repository';
import { FulfillmentInventory, SellerCentralError, SellerListing } from '../seller-central/seller-central.gateway';
import { TransactionRunner } from '../database/transaction-runner';
import { SellerCentralLink } from '../linking/seller-central-link.entity';
import { Clock } from '../shared/clock';
import { ErrorCode, UserError } from '../shared/errors';
import { CatalogSyncService, CatalogSyncSummary, SyncTarget } from './catalog-sync.service';

/** Use cases of the catalog page other than the toggle. */
export class CatalogService {
  constructor(
    private readonly links: LinkRepository,
    private readonly catalogSync: CatalogSyncService,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /**
   * Re-syncs inventory and listings from Seller Central (L1: only through a completed link). It is
   * idempotent: a second run with nothing changed upstream changes nothing.
   */
  async resync(viewer: Viewer): Promise<CatalogSyncSummary> {
    requirePermission(viewer, Permission.MANAGE_CATALOG, 're-sync the catalog');
    const target = syncTarget(await this.links.findCurrent(viewer.merchantId));
    if (target instanceof UserError) throw target;
    const actor = userActor(viewer.userId);
    let upstream: [FulfillmentInventory[], SellerListing[]];
    try {
      upstream = [await this.catalogSync.readInventory(target), await this.catalogSync.readListings(target, async () => undefined)];
    } catch (error) {
      if (!(error instanceof SellerCentralError)) throw error;
      throw new UserError(ErrorCode.SELLER_CENTRAL_UNAVAILABLE, error.message, { remedy: 'Try the re-sync again in a few minutes; nothing was changed.' });
    }
    const [inventory, listings] = upstream;
    return this.transactions.run(async (manager) => {
      const current = syncTarget(await this.links.findCurrentForUpdate(viewer.merchantId, manager));
      if (current instanceof UserError) throw current;
      if (current.linkId !== target.linkId) throw new UserError(ErrorCode.LINK_NOT_ACTIVE, 'The link changed during the re-sync; try again.');
      const now = this.clock.now();
      await this.catalogSync.writeInventory(manager, target, inventory, now);
      const summary = await this.catalogSync.writeListings(manager, target, listings, actor, now);
      await this.links.record(manager, { id: target.linkId, merchantId: target.merchantId }, {
        actor,
        at: now,
        kind: LinkEventKind.CATALOG_SYNCED,
        message: `Re-synced ${summary.listingCount} listing(s) from Seller Central: ${summary.added} new, ${summary.updated} updated, ${summary.vanished} vanished.`,
      });
      return summary;
    });
  }
}

/** L1, U5: the catalog syncs only through a completed link that is not being unlinked; what it syncs from, or why not. */
function syncTarget(link: SellerCentralLink | null): SyncTarget | UserError {
  if (!link?.sellerAccountId) {
    return new UserError(ErrorCode.LINK_NOT_ACTIVE, 'The catalog comes from a linked Seller Central account, and there is none.', {
      remedy: 'Link your Seller Central account from the Settings page.',
    });
  }
  if (link.state === LinkState.UNLINKING) {
    return new UserError(ErrorCode.UNLINK_IN_PROGRESS, 'Unlinking has begun; the catalog is no longer synced from Seller Central.');
  }
  return { linkId: link.id, merchantId: link.merchantId, sellerAccountId: link.sellerAccountId };
}
