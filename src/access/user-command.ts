import { DataSource } from 'typeorm';
import { Role } from '../auth/role';
import { TransactionRunner } from '../database/transaction-runner';
import { Merchant } from '../merchants/merchant.entity';
import { WebhookSecrets } from '../orders/webhook-secrets';
import { Clock } from '../shared/clock';
import { UserError } from '../shared/errors';
import { newId } from '../shared/ids';
import { AccessService, cliActor } from './access.service';

export const userCommandUsage = `Usage: npm run user -- add --merchant <id or name> --subject <sub> --issuer <iss> --role <ROLE> [--email <email>] [--name <display name>] [--create-merchant]

Adds a user to a merchant: the first OWNER of a merchant in production, say. The user signs in through the
provider whose tokens carry this issuer (iss) and subject (sub). --create-merchant creates the merchant
(named --merchant) when none has that ID or name. Roles: ${Object.values(Role).join(', ')}.`;

export interface UserCommandResult {
  exitCode: number;
  output: string;
}

function flags(args: string[]): Map<string, string | true> {
  const parsed = new Map<string, string | true>();
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    if (!arg.startsWith('--')) continue;
    const next = args[index + 1];
    if (next === undefined || next.startsWith('--')) parsed.set(arg.slice(2), true);
    else {
      parsed.set(arg.slice(2), next);
      index += 1;
    }
  }
  return parsed;
}

/**
 * `npm run user -- add …`: the operator's way to add users (the first owner of a merchant above all),
 * through the same rules and audit as the API (the audit names the CLI as the actor).
 */
export async function runUserCommand(args: string[], deps: { dataSource: DataSource; clock: Clock; defaultIssuer: string }): Promise<UserCommandResult> {
  const [command] = args;
  const options = flags(args.slice(1));
  const text = (name: string) => (typeof options.get(name) === 'string' ? (options.get(name) as string) : undefined);
  if (command !== 'add') return { exitCode: 2, output: userCommandUsage };
  const missing = ['merchant', 'subject', 'role'].filter((name) => !text(name));
  const role = text('role')?.toUpperCase() as Role | undefined;
  if (missing.length > 0) return { exitCode: 2, output: `Missing: ${missing.map((name) => `--${name}`).join(', ')}\n\n${userCommandUsage}` };
  if (!role || !Object.values(Role).includes(role)) return { exitCode: 2, output: `--role must be one of ${Object.values(Role).join(', ')} (got "${text('role')}")` };

  const transactions = new TransactionRunner(deps.dataSource);
  const access = new AccessService(deps.dataSource, transactions, new WebhookSecrets(deps.dataSource), deps.clock, { defaultIssuer: deps.defaultIssuer, webhookSecretOverlapMs: 0 });
  const merchantKey = text('merchant')!;
  const byId = /^[0-9a-f-]{36}$/.test(merchantKey) ? await deps.dataSource.manager.findOneBy(Merchant, { id: merchantKey }) : null;
  const byName = byId ? [] : await deps.dataSource.manager.findBy(Merchant, { name: merchantKey });
  if (byName.length > 1) return { exitCode: 1, output: `${byName.length} merchants are named "${merchantKey}": give its ID instead (${byName.map((merchant) => merchant.id).join(', ')}).` };
  let merchant = byId ?? byName[0] ?? null;
  const lines: string[] = [];
  if (!merchant) {
    if (options.get('create-merchant') !== true) return { exitCode: 1, output: `No merchant has the ID or name "${merchantKey}". Add --create-merchant to create it.` };
    merchant = Object.assign(new Merchant(), { id: newId(), name: merchantKey, createdAt: deps.clock.now() });
    await deps.dataSource.manager.insert(Merchant, merchant);
    lines.push(`Created merchant "${merchant.name}" (${merchant.id}).`);
  }
  const subject = text('subject')!;
  try {
    const user = await access.inviteUser(cliActor, merchant.id, {
      subject,
      issuer: text('issuer'),
      role,
      email: text('email') ?? '',
      displayName: text('name') ?? subject,
    });
    lines.push(`Added ${user.displayName} as ${user.role} of "${merchant.name}": signs in as subject "${user.subject}" of ${user.issuer} (user ${user.id}).`);
    return { exitCode: 0, output: lines.join('\n') };
  } catch (error) {
    if (error instanceof UserError) return { exitCode: 1, output: [...lines, `Not added: ${error.message}`].join('\n') };
    throw error;
  }
}
