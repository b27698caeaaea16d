import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { createDataSource } from '../ormconfig';
import { AppConfig, ConfigError, loadConfig } from '../src/config';

/**
 * An operator's command on the configured database (DATABASE_URL or DATABASE_PATH): loads the
 * configuration (printing its problems, exit 1), migrates, runs `work`, and exits with its code.
 */
export function runDatabaseCommand(work: (dataSource: DataSource, config: AppConfig) => Promise<number>): void {
  const main = async (): Promise<number> => {
    let config;
    try {
      config = loadConfig();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    const dataSource = createDataSource(config.database);
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
      return await work(dataSource, config);
    } finally {
      await dataSource.destroy();
    }
  };
  main().then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
