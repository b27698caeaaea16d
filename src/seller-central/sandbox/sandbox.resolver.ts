import { IsBoolean, IsEnum, IsIn, IsOptional, Length, Max, Min } from 'class-validator';
import { DateTimeISO } from '../../shared/graphql/date-time';
import { Arg, Field, InputType, Int, Mutation, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import { mutationPayload } from '../../shared/graphql/mutation-payload';
import { UserErrorView } from '../../shared/graphql/user-error.type';
import { AccountStanding, SellingPlan } from '../seller-account';
import { SandboxAccountWithDetails, SandboxSellerCentral } from './sandbox-seller-central';
import { AmazonPayOutcome } from './sandbox.entities';

registerEnumType(SellingPlan, {
  name: 'SellingPlan',
  description: 'A Seller Central selling plan. Buy with Prime needs PROFESSIONAL (L3).',
  valuesConfig: {
    PROFESSIONAL: { description: 'The Professional selling plan.' },
    INDIVIDUAL: { description: 'The Individual selling plan.' },
  },
});

registerEnumType(AccountStanding, {
  name: 'AccountStanding',
  description: 'A Seller Central account\'s standing. Buy with Prime needs ACTIVE (L4).',
  valuesConfig: {
    ACTIVE: { description: 'Active and in good standing.' },
    SUSPENDED: { description: 'Suspended.' },
    DEACTIVATED: { description: 'Deactivated.' },
    UNDER_REVIEW: { description: 'Under review.' },
    AT_RISK: { description: 'At risk of deactivation (Seller Central\'s ACCOUNT_STATUS_CHANGED notification).' },
    NOT_PARTICIPATING: { description: 'No longer selling in the linked store\'s marketplace (Sellers API).' },
    LISTINGS_SUSPENDED: { description: 'Listings suspended in the linked store\'s marketplace (Sellers API).' },
  },
});

@ObjectType('SandboxStore', { description: 'Sandbox only: a store of a sandbox Seller Central account.' })
class SandboxStoreView {
  @Field({ description: 'The store ID to pick on the sandbox consent page.' })
  id!: string;

  @Field({ description: 'The store name.' })
  name!: string;

  @Field({ description: 'The Amazon marketplace ID.' })
  marketplace!: string;
}

@ObjectType('SandboxListing', { description: 'Sandbox only: a listing of a sandbox Seller Central account.' })
class SandboxListingView {
  @Field({ description: 'The merchant\'s SKU.' })
  sellerSku!: string;

  @Field({ description: 'The Amazon product ID.' })
  asin!: string;

  @Field({ description: 'The listing title.' })
  title!: string;

  @Field(() => Int, { description: 'The price in cents.' })
  priceCents!: number;

  @Field({ description: 'The ISO 4217 currency.' })
  currency!: string;

  @Field(() => Int, { description: 'Units in Amazon fulfillment centers; 0 means not fulfillable by Amazon.' })
  fulfillableQuantity!: number;
}

@ObjectType('SandboxSellerAccount', { description: 'Sandbox only: a Seller Central account of the sandbox.' })
class SandboxSellerAccountView {
  @Field({ description: 'The Selling Partner ID to pick on the sandbox consent page.' })
  id!: string;

  @Field({ description: 'The account name.' })
  name!: string;

  @Field(() => SellingPlan, { description: 'The selling plan.' })
  plan!: SellingPlan;

  @Field(() => AccountStanding, { description: 'The standing.' })
  standing!: AccountStanding;

  @Field({ description: 'How Amazon Pay registration ends: ACTIVATES or FAILS.' })
  amazonPayOutcome!: string;

  @Field(() => Int, { description: 'Minutes Amazon Pay takes to decide.' })
  amazonPayActivationMinutes!: number;

  @Field({ description: 'Whether the Listings service answers (false makes imports fail).' })
  listingsAvailable!: boolean;

  @Field(() => [SandboxStoreView], { description: 'The stores in the account\'s store picker.' })
  stores!: SandboxStoreView[];

  @Field(() => [SandboxListingView], { description: 'The account\'s listings.' })
  listings!: SandboxListingView[];

  static from({ account, stores, listings }: SandboxAccountWithDetails): SandboxSellerAccountView {
    return Object.assign(new SandboxSellerAccountView(), { ...account, stores, listings });
  }
}

@InputType({ description: 'Sandbox only: what the merchant does on Seller Central\'s consent page.' })
class SandboxAuthorizeSellerCentralInput {
  @Field({ description: 'The `authorizationState` returned by startSellerCentralLink.' })
  @Length(1, 64)
  authorizationState!: string;

  @Field({ description: 'The Seller Central account the merchant signs in to.' })
  @Length(1, 64)
  sellerAccountId!: string;

  @Field({ description: 'The store chosen in the store picker. Any sandbox store can be picked, to reach L5 by hand.' })
  @Length(1, 64)
  storeId!: string;
}

@ObjectType({ description: 'Sandbox only: where Seller Central sends the merchant back to.' })
class SandboxAuthorizeSellerCentralPayload {
  @Field(() => String, { nullable: true, description: 'The authorization code for completeSellerCentralLink. It works once and expires.' })
  authorizationCode?: string;

  @Field(() => DateTimeISO, { nullable: true, description: 'When the code expires.' })
  expiresAt?: Date;

  @Field(() => [UserErrorView], { description: 'Why no code was issued, if so.' })
  userErrors!: UserErrorView[];
}

@InputType({ description: 'Sandbox only: changes a sandbox account as Seller Central would, to reach L3, L4 and L8 by hand.' })
class SandboxUpdateSellerAccountInput {
  @Field({ description: 'The sandbox account to change.' })
  @Length(1, 64)
  sellerAccountId!: string;

  @Field(() => SellingPlan, { nullable: true, description: 'The new selling plan, if it changes.' })
  @IsOptional()
  @IsEnum(SellingPlan)
  plan?: SellingPlan;

  @Field(() => AccountStanding, { nullable: true, description: 'The new standing, if it changes.' })
  @IsOptional()
  @IsEnum(AccountStanding)
  standing?: AccountStanding;

  @Field(() => String, { nullable: true, description: 'ACTIVATES or FAILS: how Amazon Pay registration ends.' })
  @IsOptional()
  @IsIn(['ACTIVATES', 'FAILS'])
  amazonPayOutcome?: AmazonPayOutcome;

  @Field(() => Int, { nullable: true, description: 'Minutes Amazon Pay takes to decide, 0 to 1440.' })
  @IsOptional()
  @Min(0)
  @Max(1440)
  amazonPayActivationMinutes?: number;

  @Field(() => Boolean, { nullable: true, description: 'False makes the Listings service fail.' })
  @IsOptional()
  @IsBoolean()
  listingsAvailable?: boolean;
}

@InputType({ description: 'Sandbox only: closes a listing in Seller Central.' })
class SandboxRemoveListingInput {
  @Field({ description: 'The sandbox account.' })
  @Length(1, 64)
  sellerAccountId!: string;

  @Field({ description: 'The listing\'s SKU.' })
  @Length(1, 64)
  sellerSku!: string;
}

@InputType({ description: 'Sandbox only: adds or changes a listing in Seller Central.' })
class SandboxUpsertListingInput extends SandboxRemoveListingInput {
  @Field({ description: 'The Amazon product ID.' })
  @Length(1, 20)
  asin!: string;

  @Field({ description: 'The title.' })
  @Length(1, 500)
  title!: string;

  @Field(() => Int, { description: 'The price in cents.' })
  @Min(0)
  @Max(100_000_000)
  priceCents!: number;

  @Field(() => Int, { description: 'Units in Amazon fulfillment centers.' })
  @Min(0)
  @Max(10_000_000)
  fulfillableQuantity!: number;
}

@InputType({ description: 'Sandbox only: a store leaves a Seller Central account, to reach L8 on a linked store by hand.' })
class SandboxRemoveStoreInput {
  @Field({ description: 'The sandbox account.' })
  @Length(1, 64)
  sellerAccountId!: string;

  @Field({ description: 'The store that leaves the account.' })
  @Length(1, 64)
  storeId!: string;
}

@ObjectType({ description: 'Sandbox only: the account after a change to it or to its listings.' })
class SandboxAccountPayload {
  @Field(() => SandboxSellerAccountView, { nullable: true, description: 'The account, with its stores and listings.' })
  account?: SandboxSellerAccountView;

  @Field(() => [UserErrorView], { description: 'Why nothing changed, if so.' })
  userErrors!: UserErrorView[];
}

/**
 * Development only (never served when NODE_ENV=production): stand-ins for Seller Central's own
 * pages, so that a person exploring the API can walk every path by hand.
 */
@Resolver()
export class SandboxResolver {
  constructor(private readonly sandbox: SandboxSellerCentral) {}

  @Query(() => [SandboxSellerAccountView], { description: 'Sandbox only: the sandbox\'s Seller Central accounts, stores and listings.' })
  async sandboxSellerAccounts(): Promise<SandboxSellerAccountView[]> {
    return (await this.sandbox.listAccounts()).map(SandboxSellerAccountView.from);
  }

  @Mutation(() => SandboxAuthorizeSellerCentralPayload, {
    description: 'Sandbox only: stands in for Seller Central\'s consent page and store picker; returns a single-use, short-lived authorization code.',
  })
  sandboxAuthorizeSellerCentral(@Arg('input', { description: 'The consent page form.' }) input: SandboxAuthorizeSellerCentralInput) {
    return mutationPayload(
      () => this.sandbox.issueAuthorizationCode({ state: input.authorizationState, sellerAccountId: input.sellerAccountId, storeId: input.storeId }),
      ({ code, expiresAt }) => ({ authorizationCode: code, expiresAt }),
    );
  }

  @Mutation(() => SandboxAccountPayload, {
    description: 'Sandbox only: changes an account\'s plan or standing in Seller Central; Buy with Prime is notified (L8).',
  })
  sandboxUpdateSellerAccount(@Arg('input', { description: 'The change.' }) input: SandboxUpdateSellerAccountInput) {
    return this.changeAccount(input.sellerAccountId, () => this.sandbox.updateAccount(input));
  }

  @Mutation(() => SandboxAccountPayload, { description: 'Sandbox only: adds or changes a listing; a catalog re-sync picks it up.' })
  sandboxUpsertListing(@Arg('input', { description: 'The listing.' }) input: SandboxUpsertListingInput) {
    return this.changeAccount(input.sellerAccountId, () => this.sandbox.upsertListing({ ...input, accountId: input.sellerAccountId }));
  }

  @Mutation(() => SandboxAccountPayload, { description: 'Sandbox only: closes a listing; a catalog re-sync finds it gone.' })
  sandboxRemoveListing(@Arg('input', { description: 'The listing.' }) input: SandboxRemoveListingInput) {
    return this.changeAccount(input.sellerAccountId, () => this.sandbox.removeListing(input.sellerAccountId, input.sellerSku));
  }

  @Mutation(() => SandboxAccountPayload, {
    description: 'Sandbox only: a store leaves the account in Seller Central; Buy with Prime is notified, and a link to that store needs attention (L8).',
  })
  sandboxRemoveStore(@Arg('input', { description: 'The store.' }) input: SandboxRemoveStoreInput) {
    return this.changeAccount(input.sellerAccountId, () => this.sandbox.removeStore(input.sellerAccountId, input.storeId));
  }

  /** Makes a change to a sandbox account and answers with the account as it is afterwards. */
  private changeAccount(sellerAccountId: string, change: () => Promise<unknown>) {
    return mutationPayload(
      async () => {
        await change();
        return (await this.sandbox.listAccounts()).find(({ account }) => account.id === sellerAccountId)!;
      },
      (details: SandboxAccountWithDetails) => ({ account: SandboxSellerAccountView.from(details) }),
    );
  }
}
