import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onboard } from '../support/linking-flow';
import { startTestServer, TestServer } from '../support/test-server';

/**
 * Issue 15: on the embedded SQLite file, WAL checkpoints (copying the log into the database file and
 * syncing it) run on a thread of their own, never inside a request on the event loop; if that thread
 * fails, the request connection checkpoints on commit again, as SQLite does by default.
 */
let folder: string;
let server: TestServer;

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'bwp-checkpoint-'));
  server = await startTestServer({ database: { type: 'better-sqlite3', path: join(folder, 'console.sqlite') } });
});

afterEach(async () => {
  await server.stop();
  rmSync(folder, { recursive: true, force: true });
});

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > 15_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

it('the request connection never checkpoints; the checkpoint thread copies the WAL into the file', async () => {
  expect(await server.app.dataSource.query('PRAGMA wal_autocheckpoint')).toEqual([{ wal_autocheckpoint: 0 }]);
  expect(await server.app.dataSource.query('PRAGMA journal_size_limit')).toEqual([{ journal_size_limit: 67_108_864 }]);
  await onboard(server);
  const checkpointer = server.app.sqliteCheckpointer!;
  await until(() => checkpointer.status().framesCheckpointed > 0, 'a checkpoint');
  expect(checkpointer.status()).toMatchObject({ failure: null });
  expect(checkpointer.status().runs).toBeGreaterThan(0);
});

it('if the checkpoint thread ends, the request connection checkpoints on commit again', async () => {
  const checkpointer = server.app.sqliteCheckpointer!;
  await (checkpointer as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
  await until(() => checkpointer.status().failure !== null, 'the fallback');
  expect(checkpointer.status().failure).toMatch(/the checkpoint thread exited/);
  expect(await server.app.dataSource.query('PRAGMA wal_autocheckpoint')).toEqual([{ wal_autocheckpoint: 1000 }]);
});

it('an in-memory database (or PostgreSQL) has no checkpoint thread', async () => {
  const memory = await startTestServer();
  try {
    expect(memory.app.sqliteCheckpointer).toBeNull();
  } finally {
    await memory.stop();
  }
});
