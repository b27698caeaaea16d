import { DataSource, EntityManager, In, IsNull, LessThan } from 'typeorm';
import { TransactionRunner } from '../database/transaction-runner';
import { LinkState } from '../linking/link-state';
import { SellerCentralLink } from '../linking/seller-central-link.entity';
import { OnboardingStep } from './onboarding-step.entity';
import { StepProgress, StepState } from './onboarding-step';

/** The part of a stored step that the step rules read and change. */
export function progressOf(step: OnboardingStep): StepProgress {
  const { kind, state, attempts, startedAt, finishedAt, failureReason } = step;
  return { kind, state, attempts, startedAt, finishedAt, failureReason };
}

/** A step held by one worker until `claimedUntil`; the claim fences the worker's writes. */
export type ClaimedStep = OnboardingStep & { claimedUntil: Date };

/** Thrown when a worker's claim on a step was taken over; its transaction rolls back. */
export class StepClaimLost extends Error {
  constructor(readonly stepId: string) {
    super(`The claim on onboarding step ${stepId} was lost to another worker.`);
  }
}

export class OnboardingStepRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
  ) {}

  forLink(linkId: string, manager: EntityManager = this.dataSource.manager) {
    return manager.findBy(OnboardingStep, { linkId });
  }

  /** Links whose steps still have work that no live worker holds, and that are LINKED (steps run only then). */
  async linksWithDueSteps(now: Date): Promise<SellerCentralLink[]> {
    const open = { state: In([StepState.PENDING, StepState.IN_PROGRESS]) };
    const due = await this.dataSource.manager.find(OnboardingStep, {
      select: { linkId: true },
      where: [
        { ...open, claimedUntil: IsNull() },
        { ...open, claimedUntil: LessThan(now) },
      ],
    });
    const linkIds = [...new Set(due.map((step) => step.linkId))];
    if (linkIds.length === 0) return [];
    return this.dataSource.manager.find(SellerCentralLink, { where: { id: In(linkIds), state: LinkState.LINKED }, order: { id: 'ASC' } });
  }

  /**
   * Takes a step for `leaseMs`, moving it to `next` (a started step) or leaving its progress as it is
   * (an in-progress step whose earlier worker's lease ran out). Null when another worker has it.
   */
  async claim(step: OnboardingStep, next: StepProgress, now: Date, leaseMs: number): Promise<ClaimedStep | null> {
    const claimedUntil = new Date(now.getTime() + leaseMs);
    const changes = { ...next, claimedUntil, updatedAt: now };
    const unclaimed = { id: step.id, state: step.state, attempts: step.attempts };
    const claimed = await this.transactions.run(async (manager) => {
      for (const criteria of [{ ...unclaimed, claimedUntil: IsNull() }, { ...unclaimed, claimedUntil: LessThan(now) }]) {
        if ((await manager.update(OnboardingStep, criteria, changes)).affected === 1) return true;
      }
      return false;
    });
    return claimed ? (Object.assign(new OnboardingStep(), step, changes) as ClaimedStep) : null;
  }

  /** Records how far a long step has got, as long as the claim holds. */
  async progress(step: ClaimedStep, done: number, total: number, now: Date): Promise<void> {
    await this.transactions.run((manager) =>
      manager.update(OnboardingStep, { id: step.id, claimedUntil: step.claimedUntil }, { progressDone: done, progressTotal: total, updatedAt: now }),
    );
  }

  /** Writes a step's next state and releases the claim, inside the caller's transaction. */
  async release(manager: EntityManager, step: ClaimedStep, next: StepProgress, now: Date, progress: Partial<OnboardingStep> = {}): Promise<void> {
    const result = await manager.update(
      OnboardingStep,
      { id: step.id, claimedUntil: step.claimedUntil },
      { ...next, ...progress, claimedUntil: null, updatedAt: now },
    );
    if (result.affected !== 1) throw new StepClaimLost(step.id);
  }

  /** Writes a step that no worker holds (a retry queued by a merchant user), if it is still as read. */
  async update(manager: EntityManager, step: OnboardingStep, next: StepProgress, now: Date): Promise<boolean> {
    const result = await manager.update(OnboardingStep, { id: step.id, state: step.state, attempts: step.attempts }, { ...next, updatedAt: now });
    return result.affected === 1;
  }
}
