import { UserError } from '../../src/shared/errors';
import { demoMerchants } from '../../src/demo/demo-data';
import { SellerCentralLink } from '../../src/linking/seller-central-link.entity';
import { OnboardingStep } from '../../src/onboarding/onboarding-step.entity';
import { OnboardingStepKind, StepProgress, StepState, startStep } from '../../src/onboarding/onboarding-step-state';
import { OnboardingStepRepository, progressOf, StepClaimLost } from '../../src/onboarding/onboarding-step.repository';
import { UnlinkRequest } from '../../src/unlinking/unlink-request.entity';
import { UnlinkRequestState } from '../../src/unlinking/unlink-request-state';
import { UnlinkRequestRepository } from '../../src/unlinking/unlink-request.repository';
import { link, onboard } from '../support/linking-flow';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * The conditional writes that fence concurrent writers: each write names the state it read, and a
 * second writer holding the same (now stale) read must lose. In-process, SQLite runs one transaction
 * at a time, so the race tests only ever see the first writer win; these call the repositories with
 * a stale read directly, which is what the loser of a real race holds.
 */

const ACME = demoMerchants[0].id;
const LEASE_MS = 60_000;

let server: TestServer;

beforeEach(async () => {
  server = await startTestServer();
});

afterEach(async () => {
  await server.stop();
});

function stepRepository() {
  return new OnboardingStepRepository(server.app.dataSource, server.app.transactions);
}

async function acmeLink(): Promise<SellerCentralLink> {
  return server.app.dataSource.manager.findOneByOrFail(SellerCentralLink, { currentForMerchantId: ACME });
}

async function stepOf(kind: OnboardingStepKind): Promise<OnboardingStep> {
  const steps = await stepRepository().forLink(await acmeLink());
  return steps.find((step) => step.kind === kind)!;
}

function started(step: OnboardingStep, siblings: OnboardingStep[]): StepProgress {
  const next = startStep(progressOf(step), siblings.map(progressOf), server.clock.now());
  if (next instanceof UserError) throw next;
  return next;
}

describe('onboarding step claims (L6: one worker per step)', () => {
  it('L6: two workers that read the same pending step: the first claims it, the second gets nothing', async () => {
    await link(server);
    const steps = stepRepository();
    const siblings = await steps.forLink(await acmeLink());
    const step = siblings.find((candidate) => candidate.kind === OnboardingStepKind.IDENTIFY_FULFILLMENT_INVENTORY)!;
    const next = started(step, siblings);

    const first = await steps.claim(step, next, server.clock.now(), LEASE_MS);
    const second = await steps.claim(step, next, server.clock.now(), LEASE_MS);
    expect(first).toMatchObject({ id: step.id, state: StepState.IN_PROGRESS, attempts: 1 });
    expect(second).toBeNull();
    const stored = await server.app.dataSource.manager.findOneByOrFail(OnboardingStep, { id: step.id });
    expect(stored.claimedUntil).toEqual(first!.claimedUntil);
  });

  it('L6: a worker whose lease ran out and was taken over cannot write the step\'s outcome (StepClaimLost)', async () => {
    await link(server);
    const steps = stepRepository();
    const siblings = await steps.forLink(await acmeLink());
    const step = siblings.find((candidate) => candidate.kind === OnboardingStepKind.IDENTIFY_FULFILLMENT_INVENTORY)!;
    const slow = (await steps.claim(step, started(step, siblings), server.clock.now(), LEASE_MS))!;
    expect(slow).not.toBeNull();

    // Before the lease runs out nobody else may take the step; after it, another worker does.
    server.clock.advanceSeconds(LEASE_MS / 1000 - 1);
    const early = await stepOf(OnboardingStepKind.IDENTIFY_FULFILLMENT_INVENTORY);
    expect(await steps.claim(early, progressOf(early), server.clock.now(), LEASE_MS)).toBeNull();
    server.clock.advanceSeconds(2);
    const abandoned = await stepOf(OnboardingStepKind.IDENTIFY_FULFILLMENT_INVENTORY);
    const takeover = await steps.claim(abandoned, progressOf(abandoned), server.clock.now(), LEASE_MS);
    expect(takeover).not.toBeNull();

    const succeeded = { ...progressOf(slow), state: StepState.SUCCEEDED, finishedAt: server.clock.now() };
    await expect(server.app.transactions.run((manager) => steps.release(manager, slow, succeeded, server.clock.now()))).rejects.toBeInstanceOf(StepClaimLost);
    expect((await stepOf(OnboardingStepKind.IDENTIFY_FULFILLMENT_INVENTORY)).state).toBe(StepState.IN_PROGRESS);

    await server.app.transactions.run((manager) => steps.release(manager, takeover!, succeeded, server.clock.now()));
    expect((await stepOf(OnboardingStepKind.IDENTIFY_FULFILLMENT_INVENTORY)).state).toBe(StepState.SUCCEEDED);
  });

  it('L6: two retries of the same step from the same read: only the first is written', async () => {
    await link(server);
    const steps = stepRepository();
    const step = await stepOf(OnboardingStepKind.IDENTIFY_FULFILLMENT_INVENTORY);
    const next = { ...progressOf(step), attempts: step.attempts + 1 };
    const [first, second] = await server.app.transactions.run(async (manager) => [
      await steps.update(manager, step, next, server.clock.now()),
      await steps.update(manager, step, next, server.clock.now()),
    ]);
    expect([first, second]).toEqual([true, false]);
    expect((await stepOf(OnboardingStepKind.IDENTIFY_FULFILLMENT_INVENTORY)).attempts).toBe(step.attempts + 1);
  });
});

describe('unlink request moves (U4, U5: a request moves on once)', () => {
  it('U4, U5: a withdrawal and the start of unlinking that read the same waiting request: only the first move is written', async () => {
    await onboard(server);
    const { body } = await server.gql('mutation { requestUnlink(input: { reason: "race" }) { userErrors { code } } }');
    expect(body.data.requestUnlink.userErrors).toEqual([]);
    const requests = new UnlinkRequestRepository(server.app.dataSource);
    const [waiting] = await requests.inState(UnlinkRequestState.WAITING);
    const at = server.clock.now();

    const [withdrawn, began] = await server.app.transactions.run(async (manager) => [
      await requests.move(manager, waiting, { state: UnlinkRequestState.WITHDRAWN, withdrawnAt: at }),
      await requests.move(manager, waiting, { state: UnlinkRequestState.UNLINKING, unlinkingStartedAt: at }),
    ]);
    expect([withdrawn, began]).toEqual([true, false]);
    expect(await server.app.dataSource.manager.findOneByOrFail(UnlinkRequest, { id: waiting.id })).toMatchObject({
      state: UnlinkRequestState.WITHDRAWN,
      unlinkingStartedAt: null,
    });
  });
});
