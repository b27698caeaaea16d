import { IsEnum, Length } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { SellerCentralLinkView } from '../linking/link.types';
import { UserErrorView } from '../shared/graphql/user-error.type';
import { OnboardingStepKind } from './onboarding-step-state';

@InputType({ description: 'Retries an onboarding step that failed (L6).' })
export class RetryOnboardingStepInput {
  @Field(() => ID, { description: 'The link whose step failed.' })
  @Length(1, 200)
  linkId!: string;

  @Field(() => OnboardingStepKind, { description: 'The failed step.' })
  @IsEnum(OnboardingStepKind)
  step!: OnboardingStepKind;
}

@ObjectType({ description: 'The result of retryOnboardingStep.' })
export class RetryOnboardingStepPayload {
  @Field(() => SellerCentralLinkView, { nullable: true, description: 'The link, with the step queued again (PENDING).' })
  link?: SellerCentralLinkView;

  @Field(() => [UserErrorView], { description: 'Why the step was not retried, if so.' })
  userErrors!: UserErrorView[];
}
