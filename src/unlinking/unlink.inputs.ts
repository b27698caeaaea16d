import { Length } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { IdempotencyKeyField } from '../idempotency/idempotency-key.field';
import { SellerCentralLinkView } from '../linking/link.types';
import { NotBlank } from '../shared/graphql/not-blank';
import { UserErrorView } from '../shared/graphql/user-error.type';
import { UnlinkRequestView } from './unlink.types';

@InputType({ description: 'Asks merchant support to unlink Seller Central (U2).' })
export class RequestUnlinkInput {
  @Field({ description: 'Why, in the merchant\'s words (1 to 1000 characters, not only blanks).' })
  @Length(1, 1000)
  @NotBlank()
  reason!: string;

  @IdempotencyKeyField()
  idempotencyKey?: string | null;
}

@InputType({ description: 'Withdraws an unlink request that still waits (U4).' })
export class WithdrawUnlinkRequestInput {
  @Field(() => ID, { description: 'The waiting request.' })
  @Length(1, 200)
  unlinkRequestId!: string;
}

@ObjectType({ description: 'The result of requestUnlink or withdrawUnlinkRequest.' })
export class UnlinkRequestPayload {
  @Field(() => UnlinkRequestView, { nullable: true, description: 'The request.' })
  unlinkRequest?: UnlinkRequestView;

  @Field(() => SellerCentralLinkView, { nullable: true, description: 'The link after the change.' })
  link?: SellerCentralLinkView;

  @Field(() => [UserErrorView], { description: 'Why nothing changed, if so.' })
  userErrors!: UserErrorView[];
}
