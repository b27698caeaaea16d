import { systemActor } from '../linking/link.repository';
import { OnboardingStepKind } from '../onboarding/onboarding-step-state';
import { ImportSteps } from '../onboarding/onboarding.worker';
import { Clock } from '../shared/clock';
import { CatalogSyncService } from './catalog-sync.service';

/**
 * L6: the catalog's onboarding steps, for the onboarding worker: identifying fulfillment-center
 * inventory and importing the listings. Each reads Seller Central first, then writes in the
 * transaction that completes the step.
 */
export function catalogImportSteps(sync: CatalogSyncService, clock: Clock): ImportSteps {
  return {
    [OnboardingStepKind.IDENTIFY_FULFILLMENT_INVENTORY]: {
      async read(target) {
        const inventory = await sync.readInventory(target);
        return async (manager) => {
          await sync.writeInventory(manager, target, inventory, clock.now());
          const count = inventory.length;
          return { message: `Identified fulfillment-center inventory for ${count} SKU(s).`, progress: { done: count, total: count } };
        };
      },
    },
    [OnboardingStepKind.IMPORT_LISTINGS]: {
      async read(target, onProgress) {
        const listings = await sync.readListings(target, onProgress);
        return async (manager) => {
          const summary = await sync.writeListings(manager, target, listings, systemActor, clock.now());
          return {
            message: `Imported ${summary.listingCount} listing(s): ${summary.added} new, ${summary.updated} updated.`,
            progress: { done: summary.listingCount, total: summary.listingCount },
          };
        };
      },
    },
  };
}
