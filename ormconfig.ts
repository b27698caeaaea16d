import 'reflect-metadata';
import { DataSource, Logger } from 'typeorm';
import { DatabaseConfig, databaseConfigFromEnv } from './src/config';
import { entities } from './src/database/entities';
import { migrations } from './src/database/migrations';
import { SnakeNamingStrategy } from './src/database/snake-naming.strategy';

/**
 * The one definition of the database: the server, the tests and the TypeORM CLI
 * (`npm run typeorm -- migration:run`) all build their DataSource here. The schema only ever
 * changes through migrations; `synchronize` stays off.
 */
export function createDataSource(config: DatabaseConfig, options: { logger?: Logger } = {}): DataSource {
  return new DataSource({
    type: 'better-sqlite3',
    database: config.path,
    entities,
    migrations,
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    logger: options.logger,
    prepareDatabase: (db: { pragma(statement: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
    },
  });
}

export default createDataSource(databaseConfigFromEnv(process.env));
