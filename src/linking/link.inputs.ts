import { IsBoolean, IsOptional, Length } from 'class-validator';
import { IdempotencyKeyField } from '../idempotency/idempotency-key.field';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { UserErrorView } from '../shared/graphql/user-error.type';
import { SellerCentralLinkView } from './link.types';

@InputType({ description: 'Starts a link: records the merchant\'s agreement (L2) and waits for Seller Central\'s authorization.' })
export class StartSellerCentralLinkInput {
  @Field({
    description:
      'The merchant agrees to let Buy with Prime use the information in its Seller Central account to identify ' +
      'fulfillment-center inventory, import listings, register for Amazon Pay and activate Prime shipping. Must be true.',
  })
  @IsBoolean()
  agreedToDataUse!: boolean;
}

@InputType({ description: 'Completes a started link with the code Seller Central handed back.' })
export class CompleteSellerCentralLinkInput {
  @Field(() => ID, { description: 'The started link (from startSellerCentralLink).' })
  @Length(1, 200)
  linkId!: string;

  @Field({ description: 'The authorization code Seller Central returned after the merchant chose an account and a store (`spapi_oauth_code`).' })
  @Length(1, 200)
  authorizationCode!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The `state` Seller Central sent back with the code. Required with the Selling Partner API (a console that handles the ' +
      'redirect itself relays it); the sandbox binds its codes to the attempt instead.',
  })
  @IsOptional()
  @Length(1, 200)
  state?: string | null;

  @Field(() => String, { nullable: true, description: 'The `selling_partner_id` Seller Central sent back with the code (Selling Partner API).' })
  @IsOptional()
  @Length(1, 64)
  sellingPartnerId?: string | null;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType({ description: 'Checks the linked account again (L8).' })
export class ReverifySellerCentralLinkInput {
  @Field(() => ID, { description: 'The link to re-verify.' })
  @Length(1, 200)
  linkId!: string;
}

@ObjectType({ description: 'The result of startSellerCentralLink.' })
export class StartSellerCentralLinkPayload {
  @Field(() => SellerCentralLinkView, { nullable: true, description: 'The started link, AWAITING_AUTHORIZATION.' })
  link?: SellerCentralLinkView;

  @Field(() => String, {
    nullable: true,
    description: 'Send this to Seller Central\'s consent page as the OAuth `state`; the authorization code comes back bound to it.',
  })
  authorizationState?: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Seller Central\'s consent page for this attempt (Selling Partner API): send the merchant there; Seller Central sends it back ' +
      'to GET /seller-central/callback. Null with the development sandbox, whose consent page is `sandboxAuthorizeSellerCentral`.',
  })
  authorizationUrl?: string | null;

  @Field(() => [UserErrorView], { description: 'Why nothing was started, if so.' })
  userErrors!: UserErrorView[];
}

@ObjectType({ description: 'The result of completeSellerCentralLink.' })
export class CompleteSellerCentralLinkPayload {
  @Field(() => SellerCentralLinkView, { nullable: true, description: 'The completed link, LINKED, with its onboarding steps.' })
  link?: SellerCentralLinkView;

  @Field(() => [UserErrorView], { description: 'Why the link was not completed, if so.' })
  userErrors!: UserErrorView[];
}

@ObjectType({ description: 'The result of reverifySellerCentralLink.' })
export class ReverifySellerCentralLinkPayload {
  @Field(() => SellerCentralLinkView, {
    nullable: true,
    description: 'The link after the check: LINKED when the account qualifies, NEEDS_ATTENTION when a linked account stopped qualifying.',
  })
  link?: SellerCentralLinkView;

  @Field(() => [UserErrorView], { description: 'Why the link could not be re-verified, if so.' })
  userErrors!: UserErrorView[];
}
