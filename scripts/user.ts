import 'reflect-metadata';
import { createDataSource } from '../ormconfig';
import { runUserCommand } from '../src/access/user-command';
import { DEVELOPMENT_ISSUER } from '../src/auth/development-issuer';
import { ConfigError, loadConfig } from '../src/config';
import { systemClock } from '../src/shared/clock';

/** `npm run user -- add --merchant <id or name> --subject <sub> --issuer <iss> --role OWNER` (see src/access/user-command.ts). */
async function main(): Promise<number> {
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
    const defaultIssuer = config.auth.mode === 'oidc' ? config.auth.issuer : DEVELOPMENT_ISSUER;
    const result = await runUserCommand(process.argv.slice(2), { dataSource, clock: systemClock, defaultIssuer });
    (result.exitCode === 0 ? process.stdout : process.stderr).write(`${result.output}\n`);
    return result.exitCode;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
