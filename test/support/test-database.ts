import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DatabaseConfig } from '../../src/config';

export interface TestDatabase {
  config: DatabaseConfig;
  drop(): Promise<void>;
}

/** Which database the suite runs on: PostgreSQL when TEST_DATABASE_URL is set (see scripts/with-postgres.sh), else SQLite. */
export const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A database of the test's own: an in-memory SQLite database, or a new PostgreSQL database dropped afterwards. */
export async function freshDatabase(): Promise<TestDatabase> {
  if (!onPostgres) return { config: { type: 'better-sqlite3', path: ':memory:' }, drop: async () => undefined };
  const name = `bwp_test_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return {
    config: { type: 'postgres', url: url.toString(), poolSize: 5 },
    drop: () => admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
