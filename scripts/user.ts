import { runUserCommand } from '../src/access/user-command';
import { DEVELOPMENT_ISSUER } from '../src/auth/development-issuer';
import { systemClock } from '../src/shared/clock';
import { runDatabaseCommand } from './database-command';

/** `npm run user -- add --merchant <id or name> --subject <sub> --issuer <iss> --role OWNER` (see src/access/user-command.ts). */
runDatabaseCommand(async (dataSource, config) => {
  const defaultIssuer = config.auth.mode === 'oidc' ? config.auth.issuer : DEVELOPMENT_ISSUER;
  const result = await runUserCommand(process.argv.slice(2), { dataSource, clock: systemClock, defaultIssuer });
  (result.exitCode === 0 ? process.stdout : process.stderr).write(`${result.output}\n`);
  return result.exitCode;
});
