/** What the scheduler tells about a run that threw. */
export type TaskErrorReporter = (taskName: string, error: unknown) => void;

/**
 * Runs background tasks in the server process every `intervalMs`, one run of a task at a time
 * (a slow run is never overlapped by the next). Tasks decide what is due from the injected clock,
 * so tests call them directly instead of waiting for the timer. `stop` waits for runs in flight.
 */
export class IntervalScheduler {
  private timer: NodeJS.Timeout | undefined;
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly tasks: Record<string, () => Promise<void>>,
    private readonly intervalMs: number,
    private readonly reportError: TaskErrorReporter,
  ) {}

  start(): void {
    if (this.intervalMs <= 0 || this.timer) return;
    this.timer = setInterval(() => this.runAll(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await Promise.all(this.running.values());
  }

  private runAll(): void {
    for (const [name, task] of Object.entries(this.tasks)) {
      if (this.running.has(name)) continue;
      const run = task()
        .catch((error) => this.reportError(name, error))
        .finally(() => this.running.delete(name));
      this.running.set(name, run);
    }
  }
}

/**
 * A task that runs at most once every `intervalMs` of the injected clock, however often it is asked
 * (the scheduler asks every tick); the first ask runs it. Tests move the clock and ask.
 */
export class DueTask {
  private lastRunAt: number | null = null;

  constructor(
    private readonly clock: { now(): Date },
    private readonly intervalMs: number,
    private readonly task: () => Promise<void>,
  ) {}

  async runIfDue(): Promise<boolean> {
    const now = this.clock.now().getTime();
    if (this.lastRunAt !== null && now - this.lastRunAt < this.intervalMs) return false;
    this.lastRunAt = now;
    await this.task();
    return true;
  }
}
