import { EntityManager } from 'typeorm';
import { AccountStanding, SellingPlan } from '../seller-account';
import { SandboxListing, SandboxSellerAccount, SandboxStore } from './sandbox.entities';

type ListingSeed = Omit<SandboxListing, 'accountId' | 'currency' | 'returnable'> & { returnable?: boolean };

interface AccountSeed {
  account: Pick<SandboxSellerAccount, 'id' | 'name' | 'plan' | 'standing'>;
  stores: Array<Omit<SandboxStore, 'accountId'>>;
  listings: ListingSeed[];
}

const listing = (sellerSku: string, asin: string, title: string, priceCents: number, fulfillableQuantity: number): ListingSeed => ({
  sellerSku,
  asin,
  title,
  priceCents,
  fulfillableQuantity,
});

/**
 * The sandbox's Seller Central accounts: one for every case the linking rules tell apart.
 * IDs look like Selling Partner IDs so that they read like the real thing in the console.
 */
export const sandboxAccountSeeds: AccountSeed[] = [
  {
    account: { id: 'A1NORTHWINDPRO', name: 'Northwind Outfitters', plan: SellingPlan.PROFESSIONAL, standing: AccountStanding.ACTIVE },
    stores: [
      { id: 'STORE-NW-US', name: 'Northwind Outfitters US', marketplace: 'ATVPDKIKX0DER' },
      { id: 'STORE-NW-OUTLET', name: 'Northwind Outlet', marketplace: 'ATVPDKIKX0DER' },
    ],
    listings: [
      listing('NW-TENT-2P', 'B0NWTENT02', 'Two-person trail tent', 18900, 42),
      listing('NW-BAG-20F', 'B0NWBAG020', 'Down sleeping bag, 20°F', 22900, 17),
      listing('NW-STOVE-1', 'B0NWSTOVE1', 'Backpacking stove', 4900, 120),
      listing('NW-LAMP-HD', 'B0NWLAMPHD', 'Rechargeable headlamp', 3500, 0),
      listing('NW-POLE-CF', 'B0NWPOLECF', 'Carbon trekking poles', 11900, 0),
      { ...listing('NW-MUG-TI', 'B0NWMUGTI0', 'Titanium mug', 2900, 8), returnable: false },
    ],
  },
  {
    account: { id: 'A2BLUEBIRDPRO', name: 'Bluebird Home Goods', plan: SellingPlan.PROFESSIONAL, standing: AccountStanding.ACTIVE },
    stores: [{ id: 'STORE-BB-US', name: 'Bluebird Home', marketplace: 'ATVPDKIKX0DER' }],
    listings: [
      listing('BB-MUG-01', 'B0BBMUG001', 'Stoneware mug', 1800, 64),
      listing('BB-TOWEL-SET', 'B0BBTOWEL1', 'Linen tea towels, set of 3', 2600, 0),
    ],
  },
  {
    account: { id: 'A3INDIVIDUAL', name: 'Ida\'s Individual Shop', plan: SellingPlan.INDIVIDUAL, standing: AccountStanding.ACTIVE },
    stores: [{ id: 'STORE-IDA', name: 'Ida\'s Shop', marketplace: 'ATVPDKIKX0DER' }],
    listings: [listing('IDA-CARD-01', 'B0IDACARD1', 'Letterpress card', 600, 0)],
  },
  {
    account: { id: 'A4SUSPENDED', name: 'Suspended Supply Co', plan: SellingPlan.PROFESSIONAL, standing: AccountStanding.SUSPENDED },
    stores: [{ id: 'STORE-SUSP', name: 'Suspended Supply', marketplace: 'ATVPDKIKX0DER' }],
    listings: [listing('SS-ROPE-10', 'B0SSROPE10', 'Climbing rope, 10 m', 7900, 5)],
  },
  {
    account: { id: 'A5DEACTIVATED', name: 'Deactivated Goods', plan: SellingPlan.PROFESSIONAL, standing: AccountStanding.DEACTIVATED },
    stores: [{ id: 'STORE-DEACT', name: 'Deactivated Goods', marketplace: 'ATVPDKIKX0DER' }],
    listings: [],
  },
  {
    account: { id: 'A6UNDERREVIEW', name: 'Review Pending Ltd', plan: SellingPlan.PROFESSIONAL, standing: AccountStanding.UNDER_REVIEW },
    stores: [{ id: 'STORE-REVIEW', name: 'Review Pending', marketplace: 'A1F83G8C2ARO7P' }],
    listings: [listing('RP-KETTLE-1', 'B0RPKETTL1', 'Enamel kettle', 3900, 11)],
  },
];

/** Adds the sandbox accounts that are not there yet; running it twice adds nothing. */
export async function seedSandboxAccounts(manager: EntityManager): Promise<number> {
  const existing = new Set((await manager.find(SandboxSellerAccount, { select: { id: true } })).map((account) => account.id));
  const missing = sandboxAccountSeeds.filter((seed) => !existing.has(seed.account.id));
  for (const seed of missing) {
    await manager.insert(SandboxSellerAccount, { ...seed.account, amazonPayOutcome: 'ACTIVATES', amazonPayActivationMinutes: 2, listingsAvailable: true });
    await manager.insert(
      SandboxStore,
      seed.stores.map((store) => ({ ...store, accountId: seed.account.id })),
    );
    if (seed.listings.length > 0) {
      await manager.insert(
        SandboxListing,
        seed.listings.map((item) => ({ returnable: true, ...item, accountId: seed.account.id, currency: 'USD' })),
      );
    }
  }
  return missing.length;
}
