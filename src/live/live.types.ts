import { Field, ObjectType } from 'type-graphql';
import { CatalogProductView } from '../catalog/catalog.types';

@ObjectType('OfferPrimeChange', { description: 'One change set of Offer Prime toggles (a toggle, a bulk toggle, turning all off, a re-sync that unlisted products).' })
export class OfferPrimeChangeView {
  @Field(() => [CatalogProductView], { description: 'Every product whose Offer Prime changed in this change set, as it is now, in SKU order.' })
  products!: CatalogProductView[];
}
