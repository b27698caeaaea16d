import { Field, Int, ObjectType } from 'type-graphql';
import { CatalogProductView } from '../catalog/catalog.types';

/** The products one event carries at most (a bulk toggle's cap, MAX_BULK_TOGGLES). */
export const OFFER_PRIME_CHANGE_PRODUCTS = 250;

@ObjectType('OfferPrimeChange', { description: 'One change set of Offer Prime toggles (a toggle, a bulk toggle, turning all off, a re-sync that unlisted products).' })
export class OfferPrimeChangeView {
  @Field(() => [CatalogProductView], {
    description: `The products whose Offer Prime changed in this change set, as they are now, in SKU order: at most ${OFFER_PRIME_CHANGE_PRODUCTS} (a bulk toggle's cap); past that, read catalogProducts.`,
  })
  products!: CatalogProductView[];

  @Field(() => Int, { description: 'How many products changed in this change set (more than `products` holds when over 250).' })
  productCount!: number;
}

