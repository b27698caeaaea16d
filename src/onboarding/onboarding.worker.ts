import { EntityManager } from 'typeorm';
import { CatalogSync, SyncTarget } from '../catalog/catalog-sync.service';
import { TransactionRunner } from '../database/transaction-runner';
import { LinkEventKind } from '../linking/link-event.entity';
import { LinkRepository, systemActor } from '../linking/link.repository';
import { SellerCentralLink } from '../linking/seller-central-link.entity';
import { AmazonPayRegistration, SellerCentralError, SellerCentralGateway } from '../seller-central/seller-central.gateway';
import { Clock } from '../shared/clock';
import { UserError } from '../shared/errors';
import { OnboardingStep } from './onboarding-step.entity';
import { ClaimedStep, OnboardingStepRepository, progressOf } from './onboarding-step.repository';
import { failStep, OnboardingStepKind, onboardingStepOrder, startStep, StepState, succeedStep } from './onboarding-step';

export const stepLabels: Record<OnboardingStepKind, string> = {
  [OnboardingStepKind.IDENTIFY_FULFILLMENT_INVENTORY]: 'Identify inventory in Amazon fulfillment centers',
  [OnboardingStepKind.IMPORT_LISTINGS]: 'Import the Amazon listings',
  [OnboardingStepKind.REGISTER_AMAZON_PAY]: 'Register for Amazon Pay',
  [OnboardingStepKind.ACTIVATE_PRIME_SHIPPING]: 'Activate Prime shipping',
};

function settled<T>(result: T | UserError): T {
  if (result instanceof UserError) throw result;
  return result;
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
    private readonly catalogSync: CatalogSync,
    private readonly clock: Clock,
    private readonly leaseMs = 5 * 60_000,
  ) {}

  /** One pass over every link with due steps; one link's failure does not hold up the others (they are reported together). */
  async runDue(): Promise<void> {
    const failures: unknown[] = [];
    for (const link of await this.steps.linksWithDueSteps(this.clock.now())) {
      try {
        for (const kind of onboardingStepOrder) {
          const siblings = await this.steps.forLink(link.id);
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
    const target: SyncTarget = { linkId: link.id, merchantId: link.merchantId, sellerAccountId: link.sellerAccountId! };
    try {
      switch (step.kind) {
        case OnboardingStepKind.IDENTIFY_FULFILLMENT_INVENTORY: {
          const inventory = await this.catalogSync.readInventory(target);
          await this.transactions.run(async (manager) => {
            await this.catalogSync.writeInventory(manager, target, inventory, this.clock.now());
            const count = inventory.length;
            await this.succeed(manager, link, claimed, `Identified fulfillment-center inventory for ${count} SKU(s).`, { progressDone: count, progressTotal: count });
          });
          return;
        }
        case OnboardingStepKind.IMPORT_LISTINGS: {
          const listings = await this.catalogSync.readListings(target, (done, total) => this.steps.progress(claimed, done, total, this.clock.now()));
          await this.transactions.run(async (manager) => {
            const summary = await this.catalogSync.writeListings(manager, target, listings, systemActor, this.clock.now());
            await this.succeed(manager, link, claimed, `Imported ${summary.listingCount} listing(s): ${summary.added} new, ${summary.updated} updated.`, {
              progressDone: summary.listingCount,
              progressTotal: summary.listingCount,
            });
          });
          return;
        }
        case OnboardingStepKind.REGISTER_AMAZON_PAY: {
          const registration =
            step.state === StepState.PENDING
              ? await this.sellerCentral.registerAmazonPay(target.sellerAccountId)
              : await this.sellerCentral.getAmazonPayRegistration(target.sellerAccountId);
          await this.settleAmazonPay(link, claimed, registration);
          return;
        }
        case OnboardingStepKind.ACTIVATE_PRIME_SHIPPING:
          await this.sellerCentral.activatePrimeShipping(target.sellerAccountId, link.storeId!);
          await this.transactions.run((manager) => this.succeed(manager, link, claimed, `Prime shipping is active for the store "${link.storeName}".`));
          return;
      }
    } catch (error) {
      // Seller Central's refusals are the step's failure; anything else is ours, and the step is
      // taken up again once its claim runs out.
      if (!(error instanceof SellerCentralError)) throw error;
      await this.transactions.run((manager) => this.fail(manager, link, claimed, error.message));
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
    const now = this.clock.now();
    await this.steps.release(manager, claimed, settled(succeedStep(progressOf(claimed), now)), now, progress);
    await this.links.record(manager, link, systemActor, now, {
      kind: LinkEventKind.ONBOARDING_STEP_SUCCEEDED,
      fromState: null,
      toState: null,
      message: `${stepLabels[claimed.kind]}: done. ${message}`,
    });
  }

  private async fail(manager: EntityManager, link: SellerCentralLink, claimed: ClaimedStep, reason: string) {
    const now = this.clock.now();
    await this.steps.release(manager, claimed, settled(failStep(progressOf(claimed), reason.slice(0, 500), now)), now);
    await this.links.record(manager, link, systemActor, now, {
      kind: LinkEventKind.ONBOARDING_STEP_FAILED,
      fromState: null,
      toState: null,
      message: `${stepLabels[claimed.kind]}: failed. ${reason} The link stays; the step can be retried.`.slice(0, 1000),
    });
  }
}

