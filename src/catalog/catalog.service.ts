import { requirePermission } from '../auth/permissions';
import { Permission } from '../auth/role';
import { Viewer } from '../auth/viewer';
import { ActorKind, LinkEventKind } from '../linking/link-event.entity';
import { LinkState } from '../linking/link-state';
import { LinkRepository } from '../linking/link.repository';
import { SellerCentralError } from '../seller-central/seller-central.gateway';
import { Clock } from '../shared/clock';
import { ErrorCode, UserError } from '../shared/errors';
import { CatalogSync, CatalogSyncSummary } from './catalog-sync.service';

/** Use cases of the catalog page other than the toggle. */
export class CatalogService {
  constructor(
    private readonly links: LinkRepository,
    private readonly catalogSync: CatalogSync,
    private readonly clock: Clock,
  ) {}

  /**
   * Re-syncs inventory and listings from Seller Central (L1: only through a completed link). It is
   * idempotent: a second run with nothing changed upstream changes nothing.
   */
  async resync(viewer: Viewer): Promise<CatalogSyncSummary> {
    requirePermission(viewer, Permission.MANAGE_CATALOG, 're-sync the catalog');
    const link = await this.links.findCurrent(viewer.merchantId);
    if (!link?.sellerAccountId) {
      throw new UserError(ErrorCode.LINK_NOT_ACTIVE, 'The catalog comes from a linked Seller Central account, and there is none.', {
        remedy: 'Link your Seller Central account from the Settings page.',
      });
    }
    if (link.state === LinkState.UNLINKING) {
      throw new UserError(ErrorCode.UNLINK_IN_PROGRESS, 'Unlinking has begun; the catalog is no longer synced from Seller Central.');
    }
    const actor = { kind: ActorKind.USER, userId: viewer.userId };
    const target = { linkId: link.id, merchantId: link.merchantId, sellerAccountId: link.sellerAccountId };
    try {
      await this.catalogSync.identifyInventory(target, async () => undefined);
      return await this.catalogSync.importListings(target, actor, async () => undefined, (manager, summary) =>
        this.links.record(manager, link, actor, this.clock.now(), {
          kind: LinkEventKind.CATALOG_SYNCED,
          fromState: null,
          toState: null,
          message: `Re-synced ${summary.listingCount} listing(s) from Seller Central: ${summary.added} new, ${summary.updated} updated, ${summary.vanished} vanished.`,
        }),
      );
    } catch (error) {
      if (error instanceof SellerCentralError) {
        throw new UserError(ErrorCode.SELLER_CENTRAL_UNAVAILABLE, error.message, { remedy: 'Try the re-sync again in a few minutes.' });
      }
      throw error;
    }
  }
}
