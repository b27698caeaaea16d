import { EntityManager } from 'typeorm';
import { MerchantUser } from '../auth/merchant-user.entity';
import { Role } from '../auth/role';
import { hashToken } from '../auth/tokens';
import { Merchant } from '../merchants/merchant.entity';

export interface DemoUser {
  id: string;
  merchantId: string;
  displayName: string;
  email: string;
  role: Role;
  /** Demo tokens are well known on purpose; demo data is never seeded in production by default. */
  token: string;
}

export const demoMerchants: Array<Pick<Merchant, 'id' | 'name'>> = [
  { id: '0190c0de-0000-7000-8000-00000000a001', name: 'Acme Outdoor' },
  { id: '0190c0de-0000-7000-8000-00000000b001', name: 'Bluebird Home' },
];

const [acme, bluebird] = demoMerchants;

export const demoUsers: DemoUser[] = [
  { id: '0190c0de-0000-7000-8000-00000000a101', merchantId: acme.id, displayName: 'Olivia Owner', email: 'olivia@acme.example', role: Role.OWNER, token: 'demo-acme-owner' },
  { id: '0190c0de-0000-7000-8000-00000000a102', merchantId: acme.id, displayName: 'Adam Admin', email: 'adam@acme.example', role: Role.ADMIN, token: 'demo-acme-admin' },
  { id: '0190c0de-0000-7000-8000-00000000a103', merchantId: acme.id, displayName: 'Stella Staff', email: 'stella@acme.example', role: Role.STAFF, token: 'demo-acme-staff' },
  { id: '0190c0de-0000-7000-8000-00000000a104', merchantId: acme.id, displayName: 'Carl Support', email: 'carl@acme.example', role: Role.CUSTOMER_SERVICE, token: 'demo-acme-support' },
  { id: '0190c0de-0000-7000-8000-00000000a105', merchantId: acme.id, displayName: 'Dana Developer', email: 'dana@acme.example', role: Role.DEVELOPER, token: 'demo-acme-developer' },
  { id: '0190c0de-0000-7000-8000-00000000b101', merchantId: bluebird.id, displayName: 'Bea Owner', email: 'bea@bluebird.example', role: Role.OWNER, token: 'demo-bluebird-owner' },
];

/** Adds the demo merchants and users that are not there yet; a second run adds nothing. */
export async function seedDemoData(manager: EntityManager, now: Date): Promise<number> {
  const existingMerchants = new Set((await manager.find(Merchant, { select: { id: true } })).map((merchant) => merchant.id));
  const existingUsers = new Set((await manager.find(MerchantUser, { select: { id: true } })).map((user) => user.id));
  const merchants = demoMerchants.filter((merchant) => !existingMerchants.has(merchant.id));
  const users = demoUsers.filter((user) => !existingUsers.has(user.id));
  if (merchants.length > 0) await manager.insert(Merchant, merchants.map((merchant) => ({ ...merchant, createdAt: now })));
  if (users.length > 0) {
    await manager.insert(
      MerchantUser,
      users.map(({ token, ...user }) => ({ ...user, tokenHash: hashToken(token), createdAt: now })),
    );
  }
  return merchants.length + users.length;
}
