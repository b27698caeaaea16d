import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';

/** Another live process holds the embedded database file. */
export class DatabaseInUse extends Error {
  constructor(
    readonly path: string,
    readonly pid: number,
  ) {
    super(
      `Another server (process ${pid}) is using the embedded database ${path}, which serves one process only. ` +
        'Stop that server, or give this one its own file (DATABASE_PATH=data/other.sqlite), or use PostgreSQL (DATABASE_URL) to run several.',
    );
    this.name = 'DatabaseInUse';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The embedded SQLite file serves one process: a lock file beside it holds the owner's PID. A lock
 * left by a process that died (a crash, SIGKILL) is taken over; one held by a live process refuses
 * the start with DatabaseInUse. `release` removes it on a clean stop.
 */
export function lockDatabaseFile(path: string): { release(): void } {
  const lockPath = `${path}.lock`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = openSync(lockPath, 'wx');
      writeSync(handle, String(process.pid));
      closeSync(handle);
      return {
        release: () => {
          try {
            if (readFileSync(lockPath, 'utf8') === String(process.pid)) unlinkSync(lockPath);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lockPath, 'utf8'));
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) throw new DatabaseInUse(path, owner);
      unlinkSync(lockPath);
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}
