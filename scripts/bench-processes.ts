import { ChildProcess, spawn } from 'node:child_process';
import { DatabaseConfig } from '../src/config';

/** A server started by a benchmark, as its own process. */
export interface Server {
  url: string;
  child: ChildProcess;
}

/** Starts `node <command>` and resolves once it prints the GraphQL URL it listens on. */
export function start(command: string[], env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, command, { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const match = /GraphQL: (http:\/\/[^/\s]+)\/graphql/.exec(output);
      if (match) resolve({ url: match[1], child });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

/** Production needs a sign-in provider; the benches sign in with API tokens, so the provider is never asked. */
export const benchSignIn = { AUTH_JWKS_URL: 'https://login.bench.invalid/.well-known/jwks.json', AUTH_ISSUER: 'https://login.bench.invalid/', AUTH_AUDIENCE: 'bwp-bench', SELLER_CENTRAL: 'sandbox' };

export function databaseEnv(database: DatabaseConfig): Record<string, string> {
  return database.type === 'postgres' ? { DATABASE_URL: database.url, DATABASE_POOL_SIZE: String(database.poolSize) } : { DATABASE_PATH: database.path };
}

export function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
