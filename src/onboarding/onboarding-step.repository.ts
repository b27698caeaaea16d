import { DataSource, EntityManager, In, IsNull, LessThan } from 'typeorm';
import { recordChange, TransactionRunner } from '../database/transaction-runner';
import { newId } from '../shared/ids';
import { OnboardingStep } from './onboarding-step.entity';
import { initialStep, OnboardingStepKind, onboardingStepOrder, StepProgress, StepState } from './onboarding-step-state';

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

  /** A link's steps, in the order they run. */
  async forLink(link: { id: string; merchantId: string }, manager: EntityManager = this.dataSource.manager): Promise<OnboardingStep[]> {
    return inRunOrder(await manager.findBy(OnboardingStep, { linkId: link.id, merchantId: link.merchantId }));
  }

  /** The steps of these links of the merchant, each link's in the order they run. */
  async forLinks(linkIds: readonly string[], merchantId: string): Promise<Map<string, OnboardingStep[]>> {
    const steps = await this.dataSource.manager.findBy(OnboardingStep, { linkId: In([...linkIds]), merchantId });
    const byLink = new Map<string, OnboardingStep[]>(linkIds.map((id) => [id, []]));
    for (const step of steps) byLink.get(step.linkId)?.push(step);
    return new Map([...byLink].map(([id, linkSteps]) => [id, inRunOrder(linkSteps)]));
  }

  /** Where some of a link's steps stand; a kind the link has no step of is left out. */
  async statesOf(link: { id: string; merchantId: string }, kinds: OnboardingStepKind[], manager: EntityManager = this.dataSource.manager) {
    const steps = await manager.find(OnboardingStep, { select: { kind: true, state: true }, where: { linkId: link.id, merchantId: link.merchantId, kind: In(kinds) } });
    return new Map(steps.map((step) => [step.kind, step.state]));
  }

  /** L6: the four steps a completed link sets going, all pending. */
  async createFor(manager: EntityManager, link: { id: string; merchantId: string }, now: Date): Promise<void> {
    recordChange(manager, { type: 'LINK', merchantId: link.merchantId, linkId: link.id });
    await manager.insert(
      OnboardingStep,
      onboardingStepOrder.map((kind) => ({
        ...initialStep(kind),
        id: newId(),
        progressDone: 0,
        progressTotal: null,
        claimedUntil: null,
        linkId: link.id,
        merchantId: link.merchantId,
        updatedAt: now,
      })),
    );
  }

  /** The links whose steps still have work that no live worker holds. */
  async linkIdsWithDueSteps(now: Date): Promise<string[]> {
    const open = { state: In([StepState.PENDING, StepState.IN_PROGRESS]) };
    const due = await this.dataSource.manager.find(OnboardingStep, {
      select: { linkId: true },
      where: [
        { ...open, claimedUntil: IsNull() },
        { ...open, claimedUntil: LessThan(now) },
      ],
    });
    return [...new Set(due.map((step) => step.linkId))];
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
        if ((await manager.update(OnboardingStep, criteria, changes)).affected === 1) {
          recordChange(manager, stepChanged(step));
          return true;
        }
      }
      return false;
    });
    return claimed ? (Object.assign(new OnboardingStep(), step, changes) as ClaimedStep) : null;
  }

  /** Records how far a long step has got, as long as the claim holds. */
  async progress(step: ClaimedStep, done: number, total: number, now: Date): Promise<void> {
    await this.transactions.run(async (manager) => {
      const result = await manager.update(OnboardingStep, { id: step.id, claimedUntil: step.claimedUntil }, { progressDone: done, progressTotal: total, updatedAt: now });
      if (result.affected === 1) recordChange(manager, stepChanged(step));
    });
  }

  /** Writes a step's next state and releases the claim, inside the caller's transaction. */
  async release(manager: EntityManager, step: ClaimedStep, next: StepProgress, now: Date, progress: Partial<OnboardingStep> = {}): Promise<void> {
    const result = await manager.update(
      OnboardingStep,
      { id: step.id, claimedUntil: step.claimedUntil },
      { ...next, ...progress, claimedUntil: null, updatedAt: now },
    );
    if (result.affected !== 1) throw new StepClaimLost(step.id);
    recordChange(manager, stepChanged(step));
  }

  /** Writes a step that no worker holds (a retry queued by a merchant user), if it is still as read. */
  async update(manager: EntityManager, step: OnboardingStep, next: StepProgress, now: Date): Promise<boolean> {
    const result = await manager.update(OnboardingStep, { id: step.id, state: step.state, attempts: step.attempts }, { ...next, updatedAt: now });
    if (result.affected === 1) recordChange(manager, stepChanged(step));
    return result.affected === 1;
  }
}

/** A step's change is its link's (the link subscription carries the steps). */
function stepChanged(step: Pick<OnboardingStep, 'linkId' | 'merchantId'>) {
  return { type: 'LINK' as const, merchantId: step.merchantId, linkId: step.linkId };
}

function inRunOrder(steps: OnboardingStep[]): OnboardingStep[] {
  return [...steps].sort((a, b) => onboardingStepOrder.indexOf(a.kind) - onboardingStepOrder.indexOf(b.kind));
}
