import 'reflect-metadata';
import { DataSource, Logger } from 'typeorm';
import { DatabaseConfig, databaseConfigFromEnv } from './src/config';
import { entities } from './src/database/entities';
import pg from 'pg';
import { postgresMigrations, sqliteMigrations } from './src/database/migrations';
import { SnakeNamingStrategy } from './src/database/snake-naming.strategy';
import { dateFromSql } from './src/database/sql-values';

/**
 * The one definition of the database: the server, the tests and the TypeORM CLI
 * (`npm run typeorm -- migration:run`) all build their DataSource here. The schema only ever
 * changes through migrations; `synchronize` stays off.
 */
export function createDataSource(config: DatabaseConfig, options: { logger?: Logger } = {}): DataSource {
  const common = {
    entities,
    migrationsTransactionMode: 'each' as const,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    logger: options.logger,
  };
  if (config.type === 'postgres') {
    storeTimestampsInUtc();
    return new DataSource({ ...common, type: 'postgres', url: config.url, migrations: postgresMigrations, extra: { max: config.poolSize, ...(config.statementTimeoutMs ? { statement_timeout: config.statementTimeoutMs } : {}) } });
  }
  return new DataSource({
    ...common,
    type: 'better-sqlite3',
    database: config.path,
    migrations: sqliteMigrations,
    prepareDatabase: (db: { pragma(statement: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
    },
  });
}

/**
 * Timestamps are `timestamp without time zone` columns holding UTC, on PostgreSQL as on SQLite: the
 * pg driver is told to write Dates in UTC and to read such columns as UTC, whatever the server's TZ.
 */
function storeTimestampsInUtc(): void {
  pg.defaults.parseInputDatesAsUTC = true;
  pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, (text: string) => dateFromSql(text)!);
}

export default createDataSource(databaseConfigFromEnv(process.env));
