import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseConfig } from '../../src/config';
import { GraphQLResponse } from './test-server';

const MAIN = join(__dirname, '..', '..', 'dist', 'src', 'main.js');

/** A real server process (`node dist/src/main.js`, as `npm start` runs it), for the tests that kill or multiply servers. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** As `token`: a demo user's subject (the token the server printed for it is sent), or a token as it is. */
  gql<TData = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<TData>>;
  /** SIGKILL: no shutdown, as in a crash. */
  kill(): Promise<void>;
  /** SIGTERM: the graceful shutdown. */
  stop(): Promise<number | null>;
}

/**
 * The database, and where the development issuer keeps its key: beside the SQLite file (the default), or
 * for PostgreSQL in a file named after the database, so that every process of one database signs alike.
 */
export function databaseEnv(database: DatabaseConfig): Record<string, string> {
  if (database.type === 'better-sqlite3') return { DATABASE_PATH: database.path };
  const keyFile = `bwp-dev-issuer-${createHash('sha256').update(database.url).digest('hex').slice(0, 16)}.json`;
  return { DATABASE_URL: database.url, DATABASE_POOL_SIZE: '5', DEV_ISSUER_KEY_PATH: join(tmpdir(), keyFile) };
}

/** The demo users' tokens a development server prints at start, by subject. */
function printedTokens(output: string): Map<string, string> {
  return new Map([...output.matchAll(/^ {4}(demo-[a-z-]+) .*\n {6}(eyJ\S+)$/gm)].map((match) => [match[1], match[2]]));
}

export async function startServerProcess(database: DatabaseConfig, env: Record<string, string> = {}): Promise<ServerProcess> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` first (npm test does).`);
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      GRAPHIQL: 'false',
      WORKER_INTERVAL_MS: '25',
      ...databaseEnv(database),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 20 s:\n${output}`)), 20_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphQL: (http:\/\/[^/\s]+)\/graphql/.exec(output);
      // Ready once the welcome is whole: it ends with the example request.
      if (match && (!/Sign in as a demo user/.test(output) || /Try: curl[^\n]*\n[^\n]*\n/.test(output))) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready:\n${output}`));
    });
  });
  const tokens = printedTokens(output);
  return {
    url,
    child,
    async gql(query, variables = {}, token = 'demo-acme-owner') {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(token) ?? token}` },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLResponse['body'] };
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** Polls until `check` holds, for at most `timeoutMs`. */
export async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000, intervalMs = 20): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
