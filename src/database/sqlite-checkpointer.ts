import { Worker } from 'node:worker_threads';
import { DataSource } from 'typeorm';

/** What the checkpointing thread has done so far. */
export interface CheckpointStats {
  runs: number;
  /** WAL frames copied into the database file. */
  framesCheckpointed: number;
  /** Set once the thread failed; SQLite's own checkpoints on commit took over. */
  failure: string | null;
}

/** The thread's code: a second connection to the same file, checkpointing the WAL at an interval, never blocking anyone. */
const threadCode = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = 0');
const run = () => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ checkpointed: result.checkpointed });
  } catch (error) {
    if (error && error.code === 'SQLITE_BUSY') return;
    parentPort.postMessage({ failure: String(error && error.message || error) });
    clearInterval(timer);
    db.close();
  }
};
const timer = setInterval(run, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  run();
  db.close();
  parentPort.postMessage({ stopped: true });
});
`;

/**
 * Moves SQLite's WAL checkpoints off the event loop (issue 15). better-sqlite3 runs on the event loop, and
 * by default the commit that fills the WAL past 1,000 pages copies them into the database file and syncs
 * it before returning, so one merchant's write could stall every request. Here the request connection
 * never checkpoints (`wal_autocheckpoint = 0`); a worker thread with a connection of its own runs PASSIVE
 * checkpoints every `intervalMs`, which copy what no reader still needs and wait for nobody. A writer
 * starts the WAL over once it has been copied whole, so it stays bounded. If the thread fails, the request
 * connection checkpoints on commit again, as SQLite does by default.
 */
export class SqliteCheckpointer {
  private readonly stats: CheckpointStats = { runs: 0, framesCheckpointed: 0, failure: null };
  private readonly worker: Worker;
  private stopping: Promise<void> | null = null;

  private constructor(
    private readonly dataSource: DataSource,
    path: string,
    intervalMs: number,
  ) {
    this.worker = new Worker(threadCode, { eval: true, workerData: { path, intervalMs, driver: require.resolve('better-sqlite3') } });
    this.worker.unref();
    this.worker.on('message', (message: { checkpointed?: number; failure?: string }) => {
      if (message.failure) void this.fallBack(message.failure);
      if (typeof message.checkpointed === 'number') {
        this.stats.runs += 1;
        this.stats.framesCheckpointed += Math.max(message.checkpointed, 0);
      }
    });
    this.worker.on('error', (error) => void this.fallBack(error.message));
    this.worker.on('exit', (code) => {
      if (!this.stopping) void this.fallBack(`the checkpoint thread exited (${code})`);
    });
  }

  /** Turns the request connection's own checkpoints off and starts the thread. */
  static async start(dataSource: DataSource, path: string, intervalMs: number): Promise<SqliteCheckpointer> {
    await dataSource.query('PRAGMA wal_autocheckpoint = 0');
    // After the WAL starts over, its file is cut back to 64 MiB.
    await dataSource.query('PRAGMA journal_size_limit = 67108864');
    return new SqliteCheckpointer(dataSource, path, intervalMs);
  }

  status(): CheckpointStats {
    return { ...this.stats };
  }

  /** Runs a last checkpoint and ends the thread (before the request connection closes). */
  stop(): Promise<void> {
    this.stopping ??= new Promise<void>((resolve) => {
      if (this.stats.failure) return resolve();
      const done = () => resolve();
      this.worker.once('exit', done);
      this.worker.on('message', (message: { stopped?: boolean }) => {
        if (message.stopped) void this.worker.terminate();
      });
      this.worker.postMessage('stop');
    });
    return this.stopping;
  }

  private async fallBack(failure: string): Promise<void> {
    if (this.stats.failure) return;
    this.stats.failure = failure;
    if (this.dataSource.isInitialized) await this.dataSource.query('PRAGMA wal_autocheckpoint = 1000').catch(() => undefined);
  }
}
