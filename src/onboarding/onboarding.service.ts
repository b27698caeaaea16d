import { requirePermission } from '../auth/permissions';
import { Permission } from '../auth/role';
import { Viewer } from '../auth/viewer';
import { TransactionRunner } from '../database/transaction-runner';
import { LinkEventKind } from '../linking/link-event.entity';
import { describeLinkState, LinkState } from '../linking/link-state';
import { LinkRepository, userActor } from '../linking/link.repository';
import { linkNotFound } from '../linking/link.rules';
import { SellerCentralLink } from '../linking/seller-central-link.entity';
import { Clock } from '../shared/clock';
import { ErrorCode, UserError } from '../shared/errors';
import { OnboardingStepKind, retryStep, stepLabels } from './onboarding-step-state';
import { OnboardingStepRepository, progressOf } from './onboarding-step.repository';

/** What a merchant user can do about the onboarding steps: retry one that failed (L6). */
export class OnboardingService {
  constructor(
    private readonly links: LinkRepository,
    private readonly steps: OnboardingStepRepository,
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async retryStep(viewer: Viewer, input: { linkId: string; kind: OnboardingStepKind }): Promise<SellerCentralLink> {
    requirePermission(viewer, Permission.MANAGE_LINK, 'retry onboarding steps');
    const link = await this.links.findForMerchant(input.linkId, viewer.merchantId);
    if (!link) throw linkNotFound();
    if (link.state !== LinkState.LINKED) {
      throw new UserError(ErrorCode.INVALID_STEP_TRANSITION, `Onboarding steps run only while the link is linked; this one is ${describeLinkState(link.state)}.`, {
        field: ['input', 'linkId'],
      });
    }
    return this.transactions.run(async (manager) => {
      const at = this.clock.now();
      const step = (await this.steps.forLink(link, manager)).find((candidate) => candidate.kind === input.kind);
      if (!step) throw new Error(`Link ${link.id} is LINKED but has no ${input.kind} step.`);
      const next = retryStep(progressOf(step));
      if (next instanceof UserError) throw next.at(['input', 'step']);
      if (!(await this.steps.update(manager, step, next, at))) {
        throw new UserError(ErrorCode.INVALID_STEP_TRANSITION, 'The step changed while it was being retried; look at it again.', { field: ['input', 'step'] });
      }
      await this.links.record(manager, link, {
        actor: userActor(viewer.userId),
        at,
        kind: LinkEventKind.ONBOARDING_STEP_RETRIED,
        message: `${stepLabels[step.kind]}: retried after it failed (${step.failureReason}).`,
      });
      return link;
    });
  }
}
