import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsOptional, Length, MaxLength, ValidateNested } from 'class-validator';
import { IdempotencyKeyField } from '../idempotency/idempotency-key.field';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserErrorView } from '../shared/graphql/user-error.type';
import { CatalogProductView, CatalogSyncSummaryView } from './catalog.types';
import { MAX_BULK_TOGGLES } from './offer-prime.service';

@InputType({ description: 'Which products to list.' })
export class CatalogProductFilter {
  @Field(() => Boolean, { nullable: true, description: 'Only products that offer Prime (true) or that do not (false).' })
  @IsOptional()
  offeringPrime?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only products that could offer Prime now (true) or that could not (false).' })
  @IsOptional()
  eligible?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Text in the SKU or the title, case-insensitive.' })
  @IsOptional()
  @MaxLength(200)
  search?: string | null;
}

@InputType({ description: 'Turns Offer Prime on or off for one product.' })
export class SetOfferPrimeInput {
  @Field(() => ID, { description: 'The catalog product.' })
  @Length(1, 200)
  productId!: string;

  @Field({ description: 'True to offer Buy with Prime, false to stop.' })
  @IsBoolean()
  offerPrime!: boolean;
}

@InputType({ description: `Sets Offer Prime for up to ${MAX_BULK_TOGGLES} products at once.` })
export class SetOfferPrimeForProductsInput {
  @Field(() => [SetOfferPrimeInput], { description: `One change per product, 1 to ${MAX_BULK_TOGGLES}.` })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_TOGGLES)
  @ValidateNested({ each: true })
  changes!: SetOfferPrimeInput[];

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType({ description: 'Turns Offer Prime off for every product; the first step of an unlink (U1).' })
export class TurnOffOfferPrimeForAllProductsInput {
  @Field(() => String, { nullable: true, description: 'Echoed back in the payload, to match answers to requests.' })
  @IsOptional()
  @MaxLength(100)
  clientMutationId?: string | null;
}

@InputType({ description: 'Re-syncs the catalog from Seller Central.' })
export class ResyncCatalogInput {
  @Field(() => String, { nullable: true, description: 'Echoed back in the payload, to match answers to requests.' })
  @IsOptional()
  @MaxLength(100)
  clientMutationId?: string | null;
}

@ObjectType({ description: 'The result of setOfferPrime.' })
export class SetOfferPrimePayload {
  @Field(() => CatalogProductView, { nullable: true, description: 'The product after the change.' })
  product?: CatalogProductView;

  @Field(() => [UserErrorView], { description: 'Why the toggle was refused, if so.' })
  userErrors!: UserErrorView[];
}

@ObjectType('OfferPrimeOutcome', { description: 'What happened to one product of a bulk toggle.' })
export class OfferPrimeOutcomeView {
  @Field(() => ID, { description: 'The product ID as sent.' })
  productId!: string;

  @Field(() => CatalogProductView, { nullable: true, description: 'The product after the change (unchanged when refused); null when not found.' })
  product!: CatalogProductView | null;

  @Field(() => [UserErrorView], { description: 'Why this product\'s change was refused, if so.' })
  userErrors!: UserErrorView[];
}

@ObjectType({ description: 'The result of setOfferPrimeForProducts: one outcome per change, in order.' })
export class SetOfferPrimeForProductsPayload {
  @Field(() => [OfferPrimeOutcomeView], { nullable: true, description: 'Each change\'s outcome, in the order sent.' })
  outcomes?: OfferPrimeOutcomeView[];

  @Field(() => [UserErrorView], { description: 'Why nothing was done at all (for example the role), if so.' })
  userErrors!: UserErrorView[];
}

@ObjectType({ description: 'The result of turnOffOfferPrimeForAllProducts.' })
export class TurnOffOfferPrimeForAllProductsPayload {
  @Field(() => Int, { nullable: true, description: 'How many products stopped offering Prime.' })
  turnedOffCount?: number;

  @Field(() => String, { nullable: true, description: 'The clientMutationId sent.' })
  clientMutationId?: string | null;

  @Field(() => [UserErrorView], { description: 'Why nothing was done, if so.' })
  userErrors!: UserErrorView[];
}

@ObjectType({ description: 'The result of resyncCatalog.' })
export class ResyncCatalogPayload {
  @Field(() => CatalogSyncSummaryView, { nullable: true, description: 'What the sync changed.' })
  summary?: CatalogSyncSummaryView;

  @Field(() => String, { nullable: true, description: 'The clientMutationId sent.' })
  clientMutationId?: string | null;

  @Field(() => [UserErrorView], { description: 'Why nothing was synced, if so.' })
  userErrors!: UserErrorView[];
}
