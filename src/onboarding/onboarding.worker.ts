import { EntityManager } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner';
import { LinkEventKind } from '../linking/link-event.entity';
import { LinkState } from '../linking/link-state';
import { LinkMoved, LinkRepository, systemActor } from '../linking/link.repository';
import { SellerCentralLink } from '../linking/seller-central-link.entity';
import { AmazonPayRegistration, SellerCentralError, SellerCentralGateway } from '../seller-central/seller-central.gateway';
import { ActivityLog, silentActivityLog } from '../shared/activity-log';
import { Clock } from '../shared/clock';
import { ErrorCode, UserError } from '../shared/errors';
import { OnboardingStep } from './onboarding-step.entity';
import { ClaimedStep, OnboardingStepRepository, progressOf } from './onboarding-step.repository';
import { failStep, OnboardingStepKind, onboardingStepOrder, startStep, stepLabels, StepState, succeedStep } from './onboarding-step-state';

/** The link a step works for: whose it is, and which Seller Central account and store it uses. */
export interface OnboardingTarget {
  linkId: string;
  merchantId: string;
  sellerAccountId: string;
  storeId: string;
  storeName: string;
}

/** What a finished step says on the timeline, and how far it got. */
export interface StepReport {
  message: string;
  progress?: { done: number; total: number };
}

/**
 * A step that imports Seller Central's data into another module (the catalog's inventory and
 * listings). `read` runs outside any transaction and may report progress; the writer it returns runs
 * inside the transaction that completes the step, so that the data and the step's success land together.
 */
export interface ImportStep {
  read(target: OnboardingTarget, onProgress: (done: number, total: number) => Promise<void>): Promise<(manager: EntityManager) => Promise<StepReport>>;
}

export type ImportStepKind = OnboardingStepKind.IDENTIFY_FULFILLMENT_INVENTORY | OnboardingStepKind.IMPORT_LISTINGS;

/** The import steps' bodies, plugged in by the composition root (the catalog provides them). */
export type ImportSteps = Readonly<Record<ImportStepKind, ImportStep>>;

function settled<T>(result: T | UserError): T {
  if (result instanceof UserError) throw result;
  return result;
}

function targetOf(link: SellerCentralLink): OnboardingTarget {
  const { id, merchantId, sellerAccountId, storeId, storeName } = link;
  if (!sellerAccountId || !storeId || !storeName) throw new Error(`Link ${id} is ${link.state} but has no Seller Central account and store.`);
  return { linkId: id, merchantId, sellerAccountId, storeId, storeName };
}

/**
 * L6: does the work a completed link sets going, one step at a time, whenever the scheduler calls
 * `runDue`. A step is claimed before it runs (so two servers never run the same step), its result is
 * written in the same transaction as its data, and a failure is recorded on the step, never on the
 * link. Amazon Pay takes minutes: its step stays in progress and is polled on later runs.
 */
export class OnboardingWorker {
  constructor(
    private readonly steps: OnboardingStepRepository,
    private readonly links: LinkRepository,
    private readonly transactions: TransactionRunner,
    private readonly sellerCentral: SellerCentralGateway,
    private readonly imports: ImportSteps,
    private readonly clock: Clock,
    private readonly leaseMs = 5 * 60_000,
    private readonly log: ActivityLog = silentActivityLog,
  ) {}

  /** L6: a link that has just been completed gets its four steps, in the transaction that completes it. */
  async onLinkMoved(manager: EntityManager, { link, from, to, at }: LinkMoved): Promise<void> {
    if (from === LinkState.AWAITING_AUTHORIZATION && to === LinkState.LINKED) await this.steps.createFor(manager, link, at);
  }

  /** One pass over every link with due steps; one link's failure does not hold up the others (they are reported together). */
  async runDue(): Promise<void> {
    const failures: unknown[] = [];
    const linked = await this.links.findInState(await this.steps.linkIdsWithDueSteps(this.clock.now()), LinkState.LINKED);
    for (const link of linked) {
      try {
        for (const kind of onboardingStepOrder) {
          const siblings = await this.steps.forLink(link);
          const step = siblings.find((candidate) => candidate.kind === kind);
          if (step) await this.advance(link, step, siblings);
        }
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1) throw new AggregateError(failures, `${failures.length} links' onboarding steps failed on this run`);
  }

  private async advance(link: SellerCentralLink, step: OnboardingStep, siblings: OnboardingStep[]): Promise<void> {
    const now = this.clock.now();
    if (step.state === StepState.SUCCEEDED || step.state === StepState.FAILED) return;
    if (step.claimedUntil && step.claimedUntil.getTime() >= now.getTime()) return;
    const next = step.state === StepState.PENDING ? startStep(progressOf(step), siblings.map(progressOf), now) : progressOf(step);
    if (next instanceof UserError) return; // its prerequisites have not succeeded yet
    const claimed = await this.steps.claim(step, next, now, this.leaseMs);
    if (!claimed) return;
    const target = targetOf(link);
    const about = { merchantId: link.merchantId, linkId: link.id, step: step.kind };
    if (step.state === StepState.PENDING) this.log.info({ ...about, attempt: claimed.attempts }, `Onboarding step started: ${stepLabels[step.kind]}`);
    try {
      switch (step.kind) {
        case OnboardingStepKind.IDENTIFY_FULFILLMENT_INVENTORY:
        case OnboardingStepKind.IMPORT_LISTINGS: {
          const write = await this.imports[step.kind].read(target, (done, total) => this.steps.progress(claimed, done, total, this.clock.now()));
          const report = await this.transactions.run(async (manager) => {
            const written = await write(manager);
            const progress = written.progress ? { progressDone: written.progress.done, progressTotal: written.progress.total } : {};
            await this.succeed(manager, link, claimed, written.message, progress);
            return written;
          });
          this.log.info(about, `Onboarding step succeeded: ${stepLabels[step.kind]}. ${report.message}`);
          return;
        }
        case OnboardingStepKind.REGISTER_AMAZON_PAY: {
          const registration =
            step.state === StepState.PENDING
              ? await this.sellerCentral.registerAmazonPay(target.sellerAccountId)
              : await this.sellerCentral.getAmazonPayRegistration(target.sellerAccountId);
          await this.settleAmazonPay(link, claimed, registration);
          if (registration.status === 'ACTIVE') this.log.info(about, `Onboarding step succeeded: ${stepLabels[step.kind]}.`);
          if (registration.status === 'FAILED') this.log.info(about, `Onboarding step failed: ${stepLabels[step.kind]}. ${registration.reason}`);
          return;
        }
        case OnboardingStepKind.ACTIVATE_PRIME_SHIPPING:
          await this.sellerCentral.activatePrimeShipping(target.sellerAccountId, target.storeId);
          await this.transactions.run((manager) => this.succeed(manager, link, claimed, `Prime shipping is active for the store "${target.storeName}".`));
          this.log.info(about, `Onboarding step succeeded: ${stepLabels[step.kind]}.`);
          return;
      }
    } catch (error) {
      // Seller Central's refusals are the step's failure; anything else is ours, and the step is
      // taken up again once its claim runs out.
      if (!(error instanceof SellerCentralError)) throw error;
      const reason = error.kind === 'UNAVAILABLE' ? `${ErrorCode.SELLER_CENTRAL_UNAVAILABLE}: ${error.message}` : error.message;
      await this.transactions.run((manager) => this.fail(manager, link, claimed, reason));
      this.log.info(about, `Onboarding step failed: ${stepLabels[step.kind]}. ${reason}`);
    }
  }

  private async settleAmazonPay(link: SellerCentralLink, claimed: ClaimedStep, registration: AmazonPayRegistration): Promise<void> {
    await this.transactions.run(async (manager) => {
      if (registration.status === 'ACTIVE') return this.succeed(manager, link, claimed, 'Amazon Pay registration is active.');
      if (registration.status === 'FAILED') return this.fail(manager, link, claimed, registration.reason);
      // Still pending at Amazon Pay: let go of the step so that a later run polls again.
      await this.steps.release(manager, claimed, progressOf(claimed), this.clock.now());
    });
  }

  private async succeed(manager: EntityManager, link: SellerCentralLink, claimed: ClaimedStep, message: string, progress: Partial<OnboardingStep> = {}) {
    const at = this.clock.now();
    await this.steps.release(manager, claimed, settled(succeedStep(progressOf(claimed), at)), at, progress);
    await this.links.record(manager, link, {
      actor: systemActor,
      at,
      kind: LinkEventKind.ONBOARDING_STEP_SUCCEEDED,
      message: `${stepLabels[claimed.kind]}: done. ${message}`,
    });
  }

  private async fail(manager: EntityManager, link: SellerCentralLink, claimed: ClaimedStep, reason: string) {
    const at = this.clock.now();
    await this.steps.release(manager, claimed, settled(failStep(progressOf(claimed), reason.slice(0, 500), at)), at);
    await this.links.record(manager, link, {
      actor: systemActor,
      at,
      kind: LinkEventKind.ONBOARDING_STEP_FAILED,
      message: `${stepLabels[claimed.kind]}: failed. ${reason} The link stays; the step can be retried.`,
    });
  }
}
