import { ExistingProduct, planCatalogSync } from '../../src/catalog/catalog-sync.plan';
import { SellerListing } from '../../src/seller-central/seller-central.gateway';

const listing = (sellerSku: string, priceCents = 1000, title = `Title ${sellerSku}`): SellerListing => ({
  sellerSku,
  asin: `B0${sellerSku}`,
  title,
  priceCents,
  currency: 'USD',
  returnable: true,
});

const product = (sku: string, changes: Partial<ExistingProduct> = {}): ExistingProduct => ({
  id: `id-${sku}`,
  sku,
  amazonSku: `B0${sku}`,
  title: `Title ${sku}`,
  priceCents: 1000,
  currency: 'USD',
  returnable: true,
  listed: true,
  offerPrime: false,
  ...changes,
});

describe('catalog sync plan (L6 import, re-sync)', () => {
  it('L6: a first import adds every listing', () => {
    const plan = planCatalogSync([], [listing('A'), listing('B')]);
    expect(plan.toInsert.map((item) => item.sellerSku)).toEqual(['A', 'B']);
    expect(plan).toMatchObject({ toUpdate: [], toUnlist: [], unchanged: 0 });
  });

  it('re-sync is idempotent: the same listings again plan nothing', () => {
    expect(planCatalogSync([product('A'), product('B')], [listing('A'), listing('B')])).toEqual({ toInsert: [], toUpdate: [], toUnlist: [], unchanged: 2 });
  });

  it('re-sync updates what changed upstream, and a listing that comes back is listed again', () => {
    const plan = planCatalogSync([product('A'), product('B', { listed: false })], [listing('A', 1500), listing('B')]);
    expect(plan.toUpdate.map((change) => change.id)).toEqual(['id-A', 'id-B']);
  });

  it('re-sync unlists a listing that vanished upstream, once', () => {
    const plan = planCatalogSync([product('A', { offerPrime: true }), product('GONE', { listed: false })], []);
    expect(plan.toUnlist.map((item) => item.sku)).toEqual(['A']);
  });
});
