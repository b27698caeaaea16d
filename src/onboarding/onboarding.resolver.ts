import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { SellerCentralLinkView } from '../linking/link.types';
import { RequestContext } from '../server/context';
import { decodeGlobalId } from '../shared/graphql/global-id';
import { mutationPayload } from '../shared/graphql/mutation-payload';
import { RetryOnboardingStepInput, RetryOnboardingStepPayload } from './onboarding.inputs';
import { OnboardingService } from './onboarding.service';
import { OnboardingStepView } from './onboarding.types';

/** The onboarding steps (L6) on the link, and retrying one that failed. */
@Resolver(() => SellerCentralLinkView)
export class OnboardingResolver {
  constructor(private readonly onboarding: OnboardingService) {}

  @FieldResolver(() => [OnboardingStepView], { description: 'The four onboarding steps (L6), in the order they run; empty until the link is completed.' })
  async onboardingSteps(@Root() link: SellerCentralLinkView, @Ctx() { loaders }: RequestContext): Promise<OnboardingStepView[]> {
    return (await loaders.onboardingSteps.load(link.linkId)).map(OnboardingStepView.from);
  }

  @Mutation(() => RetryOnboardingStepPayload, {
    description: 'Queues a failed onboarding step again (L6); the link is never affected by a step. OWNER or ADMIN.',
  })
  retryOnboardingStep(@Arg('input', { description: 'The link and the failed step.' }) input: RetryOnboardingStepInput, @Ctx() { viewer }: RequestContext) {
    return mutationPayload(
      () => this.onboarding.retryStep(viewer, { linkId: decodeGlobalId(input.linkId, 'SellerCentralLink', ['input', 'linkId']), kind: input.step }),
      (link) => ({ link: SellerCentralLinkView.from(link) }),
    );
  }
}
