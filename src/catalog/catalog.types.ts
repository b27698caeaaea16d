import { DateTimeISO } from '../shared/graphql/date-time';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { toGlobalId } from '../shared/graphql/global-id';
import { Node } from '../shared/graphql/node.interface';
import { Connection } from '../shared/graphql/pagination';
import type { CatalogProductFields } from './catalog.repository';
import { Buyability, IneligibilityReason } from './prime-eligibility';

registerEnumType(IneligibilityReason, {
  name: 'PrimeIneligibilityReason',
  description: 'Why a product cannot offer Prime now (P2).',
  valuesConfig: {
    NO_LINK: { description: 'There is no completed Seller Central link (L1).' },
    LINK_NEEDS_ATTENTION: { description: 'The Seller Central account stopped qualifying (L8).' },
    UNLINK_IN_PROGRESS: { description: 'An unlink was requested or has begun (U4, U5).' },
    AMAZON_PAY_NOT_REGISTERED: { description: 'Amazon Pay registration is not active yet.' },
    PRIME_SHIPPING_NOT_ACTIVE: { description: 'Prime shipping is not activated yet.' },
    NO_LISTING: { description: 'The SKU has no Seller Central listing any more.' },
    INVENTORY_NOT_IDENTIFIED: { description: 'Fulfillment-center inventory has not been identified for the SKU yet.' },
    NO_FULFILLMENT_INVENTORY: { description: 'The SKU has no units in an Amazon fulfillment center.' },
  },
});

registerEnumType(Buyability, {
  name: 'Buyability',
  description: 'Whether shoppers can buy the product with Prime now (the public Buy with Prime API\'s values).',
  valuesConfig: {
    BUYABLE: { description: 'Offer Prime is on and nothing stands in the way.' },
    NOT_BUYABLE: { description: 'Offer Prime is off, or something stands in the way (see `ineligibilityReasons`).' },
    UNKNOWN: { description: 'Offer Prime is on but the SKU\'s inventory has not been identified yet.' },
  },
});

@ObjectType('Money', { description: 'An amount of money.', simpleResolvers: true })
export class MoneyView {
  @Field({ description: 'The amount as a decimal string, such as "189.00".' })
  amount!: string;

  @Field({ description: 'The ISO 4217 currency code.' })
  currencyCode!: string;
}

@ObjectType('CatalogProduct', { implements: Node, simpleResolvers: true, description: 'A product of the Buy with Prime catalog, imported from a Seller Central listing.' })
export class CatalogProductView extends Node {
  @Field({ description: 'The merchant\'s SKU.' })
  sku!: string;

  @Field({ description: 'The Amazon SKU of the listing (its ASIN).' })
  amazonSku!: string;

  @Field({ description: 'The product title from the listing.' })
  title!: string;

  @Field(() => MoneyView, { description: 'The listing\'s price.' })
  price!: MoneyView;

  @Field({ description: 'P1: whether the product offers Buy with Prime.' })
  offerPrime!: boolean;

  @Field({ description: 'False once the listing vanished from Seller Central.' })
  listed!: boolean;

  @Field(() => DateTimeISO, { description: 'When anything about the product last changed.' })
  updatedAt!: Date;

  /** The database ID, for field resolvers; not exposed. */
  productId!: string;

  /** P2's reasons, when the page that read the product knew the merchant's readiness and the SKU's inventory; not exposed. */
  knownReasons?: IneligibilityReason[];

  /** The SKU's units, when the page that read the product read them too (null: not identified); not exposed. */
  knownQuantity?: number | null;

  /** Field by field rather than Object.assign of a literal: a catalog page builds fifty (a quarter less CPU each). */
  static from(product: CatalogProductFields): CatalogProductView {
    const view = new CatalogProductView();
    view.id = toGlobalId('CatalogProduct', product.id);
    view.productId = product.id;
    view.sku = product.sku;
    view.amazonSku = product.amazonSku;
    view.title = product.title;
    view.price = { amount: (product.priceCents / 100).toFixed(2), currencyCode: product.currency };
    view.offerPrime = product.offerPrime;
    view.listed = product.listed;
    view.updatedAt = product.updatedAt;
    return view;
  }
}

@ObjectType('CatalogProductConnection', { description: 'A page of the catalog, in SKU order.', simpleResolvers: true })
export class CatalogProductConnection extends Connection(CatalogProductView, 'CatalogProduct') {
  @Field(() => Int, { description: 'How many products match the filter, on all pages.' })
  totalCount!: number;
}

@ObjectType('CatalogSummary', { description: 'The counts the catalog page header shows.' })
export class CatalogSummaryView {
  @Field(() => Int, { description: 'Products in the catalog.' })
  productCount!: number;

  @Field(() => Int, { description: 'Products that could offer Prime now.' })
  eligibleCount!: number;

  @Field(() => Int, { description: 'Products offering Prime.' })
  offeringPrimeCount!: number;
}

@ObjectType('CatalogSyncSummary', { description: 'What a sync from Seller Central changed.' })
export class CatalogSyncSummaryView {
  @Field(() => Int, { description: 'Listings read from Seller Central.' })
  listingCount!: number;

  @Field(() => Int, { description: 'Products added.' })
  added!: number;

  @Field(() => Int, { description: 'Products whose listing changed (toggle kept).' })
  updated!: number;

  @Field(() => Int, { description: 'Products that were already up to date.' })
  unchanged!: number;

  @Field(() => Int, { description: 'Products whose listing vanished: no longer eligible, Offer Prime off.' })
  vanished!: number;

  @Field(() => Int, { description: 'Of the vanished, how many had been offering Prime.' })
  offerPrimeTurnedOff!: number;
}
