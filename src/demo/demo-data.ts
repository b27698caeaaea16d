import { EntityManager, In, IsNull } from 'typeorm';
import { DEVELOPMENT_ISSUER } from '../auth/development-issuer';
import { MerchantUser } from '../auth/merchant-user.entity';
import { Role } from '../auth/role';
import { Merchant } from '../merchants/merchant.entity';
import { WebhookSecret } from '../orders/webhook-secret.entity';
import { newId } from '../shared/ids';

export interface DemoUser {
  id: string;
  merchantId: string;
  displayName: string;
  email: string;
  role: Role;
  /**
   * The user's subject at the development issuer, which signs its tokens (see development-issuer.ts).
   * Demo users never exist in production: it refuses to start on a database that has them.
   */
  subject: string;
}

export interface DemoMerchant {
  id: string;
  name: string;
  /** O4: the demo merchant's order webhook secret, well known on purpose (never in production, like the users). */
  webhookSecret: string;
}

export const demoMerchants: DemoMerchant[] = [
  { id: '0190c0de-0000-7000-8000-00000000a001', name: 'Acme Outdoor', webhookSecret: 'whsec_demo-acme-outdoor' },
  { id: '0190c0de-0000-7000-8000-00000000b001', name: 'Bluebird Home', webhookSecret: 'whsec_demo-bluebird-home' },
];

const [acme, bluebird] = demoMerchants;

export const demoUsers: DemoUser[] = [
  { id: '0190c0de-0000-7000-8000-00000000a101', merchantId: acme.id, displayName: 'Olivia Owner', email: 'olivia@acme.example', role: Role.OWNER, subject: 'demo-acme-owner' },
  { id: '0190c0de-0000-7000-8000-00000000a102', merchantId: acme.id, displayName: 'Adam Admin', email: 'adam@acme.example', role: Role.ADMIN, subject: 'demo-acme-admin' },
  { id: '0190c0de-0000-7000-8000-00000000a103', merchantId: acme.id, displayName: 'Stella Staff', email: 'stella@acme.example', role: Role.STAFF, subject: 'demo-acme-staff' },
  { id: '0190c0de-0000-7000-8000-00000000a104', merchantId: acme.id, displayName: 'Carl Support', email: 'carl@acme.example', role: Role.CUSTOMER_SERVICE, subject: 'demo-acme-support' },
  { id: '0190c0de-0000-7000-8000-00000000a105', merchantId: acme.id, displayName: 'Dana Developer', email: 'dana@acme.example', role: Role.DEVELOPER, subject: 'demo-acme-developer' },
  { id: '0190c0de-0000-7000-8000-00000000b101', merchantId: bluebird.id, displayName: 'Bea Owner', email: 'bea@bluebird.example', role: Role.OWNER, subject: 'demo-bluebird-owner' },
];

/** Adds the demo merchants, users and webhook secrets that are not there yet; a second run adds nothing. */
export async function seedDemoData(manager: EntityManager, now: Date): Promise<number> {
  const existingMerchants = new Set((await manager.find(Merchant, { select: { id: true } })).map((merchant) => merchant.id));
  const existingUsers = new Set((await manager.find(MerchantUser, { select: { id: true } })).map((user) => user.id));
  const merchants = demoMerchants.filter((merchant) => !existingMerchants.has(merchant.id));
  const users = demoUsers.filter((user) => !existingUsers.has(user.id));
  if (merchants.length > 0) {
    await manager.insert(Merchant, merchants.map(({ id, name }) => ({ id, name, createdAt: now })));
    await manager.insert(WebhookSecret, merchants.map(({ id, webhookSecret }) => ({ id: newId(now.getTime()), merchantId: id, secret: webhookSecret, createdAt: now, retiresAt: null })));
  }
  if (users.length > 0) {
    await manager.insert(MerchantUser, users.map((user) => ({ ...user, issuer: DEVELOPMENT_ISSUER, createdAt: now })));
  }
  // Demo users of a database seeded before sign-in through the development issuer get their subjects.
  for (const user of demoUsers.filter((candidate) => existingUsers.has(candidate.id))) {
    await manager.update(MerchantUser, { id: user.id, subject: IsNull() }, { issuer: DEVELOPMENT_ISSUER, subject: user.subject });
  }
  return merchants.length + users.length;
}

/**
 * Production refuses to start on a database with demo data (well-known subjects and secrets): each
 * problem named, for the operator to delete those rows or use another database.
 */
export async function demoDataProblems(manager: EntityManager): Promise<string[]> {
  const problems: string[] = [];
  const users = await manager.count(MerchantUser, { where: [{ id: In(demoUsers.map((user) => user.id)) }, { issuer: DEVELOPMENT_ISSUER }] });
  if (users > 0) problems.push(`the database has ${users} demo user(s), whose tokens anyone can make (issuer ${DEVELOPMENT_ISSUER}): delete them, or use a database that was never seeded`);
  const secrets = await manager.count(WebhookSecret, { where: { secret: In(demoMerchants.map((merchant) => merchant.webhookSecret)) } });
  if (secrets > 0) problems.push(`the database has ${secrets} demo webhook secret(s), published in the README: rotate them, or use a database that was never seeded`);
  return problems;
}
