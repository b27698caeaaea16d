import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess } from '../support/server-process';

/** Start-up hygiene, with real server processes (`node dist/src/main.js`, as `npm start` runs it). */
let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'bwp-startup-'));
});

afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('start-up', () => {
  it('a second server on the same SQLite file refuses to start, saying why and what to do; the first keeps serving', async () => {
    const database = { type: 'better-sqlite3' as const, path: join(folder, 'one.sqlite') };
    const first = await startServerProcess(database);
    try {
      await expect(startServerProcess(database)).rejects.toThrow(
        new RegExp(`exited with 1[\\s\\S]*Cannot start: Another server \\(process ${first.child.pid}\\) is using the embedded database .*one\\.sqlite, which serves one process only\\. .*DATABASE_PATH`),
      );
      expect((await first.gql('{ viewer { user { displayName } } }')).body.data.viewer.user.displayName).toBe('Olivia Owner');
    } finally {
      expect(await first.stop()).toBe(0);
    }
    expect(existsSync(`${database.path}.lock`)).toBe(false);
  }, 60_000);

  it('a lock left by a server that died is taken over', async () => {
    const database = { type: 'better-sqlite3' as const, path: join(folder, 'crashed.sqlite') };
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(`${database.path}.lock`, String(gone));
    const server = await startServerProcess(database);
    expect((await server.gql('{ viewer { user { role } } }')).body.data.viewer.user.role).toBe('OWNER');
    await server.stop();
  }, 60_000);

  it('a port already taken says which port and how to pick another', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      await expect(startServerProcess({ type: 'better-sqlite3', path: join(folder, 'port.sqlite') }, { PORT: String(port) })).rejects.toThrow(
        new RegExp(`exited with 1[\\s\\S]*Cannot start: port ${port} on 127\\.0\\.0\\.1 is already in use \\(another server\\?\\)\\. Stop it, or start on another port: PORT=${port + 1} npm start`),
      );
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
    expect(existsSync(join(folder, 'port.sqlite.lock'))).toBe(false);
  }, 60_000);
});
