import { ApiToken } from '../../src/auth/api-token.entity';
import { startTestServer, TestServer } from '../support/test-server';

/** Users and roles, API tokens and the access audit (issue 14), through the API as the console uses it. */
let server: TestServer;

beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.stop();
});

const INVITE = 'mutation($input: InviteUserInput!) { inviteUser(input: $input) { user { id displayName role signInSubject } userErrors { code message field } } }';
const CHANGE = 'mutation($input: ChangeUserRoleInput!) { changeUserRole(input: $input) { user { role } userErrors { code message } } }';
const REMOVE = 'mutation($input: RemoveUserInput!) { removeUser(input: $input) { user { displayName } userErrors { code message } } }';
const USERS = '{ viewer { merchant { users { id displayName role } } } }';
const CREATE_TOKEN = 'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id name role displayPrefix expiresAt lastUsedAt revokedAt } userErrors { code message } } }';
const REVOKE_TOKEN = 'mutation($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { apiToken { revokedAt } userErrors { code } } }';
const AUDIT = '{ viewer { merchant { accessAudit(first: 10) { action actorKind actorName details } } } }';

async function userId(displayName: string): Promise<string> {
  const users = (await server.gql(USERS)).body.data.viewer.merchant.users as Array<{ id: string; displayName: string }>;
  return users.find((user) => user.displayName === displayName)!.id;
}

describe('users and roles', () => {
  it('an OWNER invites a user by sign-in subject; the user signs in at once with its role', async () => {
    const invited = await server.gql(INVITE, { input: { email: 'ivy@acme.example', displayName: 'Ivy Integrations', role: 'DEVELOPER', subject: 'ivy-sub' } });
    expect(invited.body.data.inviteUser).toMatchObject({ user: { displayName: 'Ivy Integrations', role: 'DEVELOPER', signInSubject: 'ivy-sub' }, userErrors: [] });
    const viewer = await server.gql('{ viewer { user { displayName role } } }', {}, await server.signIn('ivy-sub'));
    expect(viewer.body.data.viewer.user).toEqual({ displayName: 'Ivy Integrations', role: 'DEVELOPER' });
    const again = await server.gql(INVITE, { input: { email: 'other@acme.example', displayName: 'Other', role: 'STAFF', subject: 'ivy-sub' } });
    expect(again.body.data.inviteUser.userErrors).toEqual([expect.objectContaining({ code: 'USER_ALREADY_EXISTS', field: ['input', 'subject'] })]);
  });

  it('an ADMIN manages every role but OWNER: it cannot make, change or remove an owner', async () => {
    const asAdmin = (query: string, input: unknown) => server.gql(query, { input }, 'demo-acme-admin');
    expect((await asAdmin(INVITE, { email: 'x@acme.example', displayName: 'X', role: 'OWNER', subject: 'x' })).body.data.inviteUser.userErrors[0]).toMatchObject({ code: 'PERMISSION_DENIED', field: ['input', 'role'] });
    expect((await asAdmin(INVITE, { email: 's@acme.example', displayName: 'Sam Staff', role: 'STAFF', subject: 's' })).body.data.inviteUser.userErrors).toEqual([]);
    const owner = await userId('Olivia Owner');
    expect((await asAdmin(CHANGE, { userId: owner, role: 'STAFF' })).body.data.changeUserRole.userErrors[0].code).toBe('PERMISSION_DENIED');
    expect((await asAdmin(REMOVE, { userId: owner })).body.data.removeUser.userErrors[0].code).toBe('PERMISSION_DENIED');
    expect((await asAdmin(CHANGE, { userId: await userId('Sam Staff'), role: 'OWNER' })).body.data.changeUserRole.userErrors[0].code).toBe('PERMISSION_DENIED');
    expect((await asAdmin(CHANGE, { userId: await userId('Sam Staff'), role: 'CUSTOMER_SERVICE' })).body.data.changeUserRole).toEqual({ user: { role: 'CUSTOMER_SERVICE' }, userErrors: [] });
  });

  it.each(['demo-acme-staff', 'demo-acme-support', 'demo-acme-developer'])('%s manages no access, and cannot even list the users', async (as) => {
    expect((await server.gql(INVITE, { input: { email: 'y@acme.example', displayName: 'Y', role: 'STAFF' } }, as)).body.data.inviteUser.userErrors[0].code).toBe('PERMISSION_DENIED');
    expect((await server.gql(USERS, {}, as)).body.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('the last OWNER can be neither removed nor demoted; once another user is an owner, it can', async () => {
    const owner = await userId('Olivia Owner');
    const demote = await server.gql(CHANGE, { input: { userId: owner, role: 'ADMIN' } });
    expect(demote.body.data.changeUserRole.userErrors[0]).toMatchObject({ code: 'LAST_OWNER', message: expect.stringContaining('only owner') });
    expect((await server.gql(REMOVE, { input: { userId: owner } })).body.data.removeUser.userErrors[0].code).toBe('LAST_OWNER');
    await server.gql(CHANGE, { input: { userId: await userId('Adam Admin'), role: 'OWNER' } });
    expect((await server.gql(CHANGE, { input: { userId: owner, role: 'ADMIN' } })).body.data.changeUserRole).toEqual({ user: { role: 'ADMIN' }, userErrors: [] });
  });

  it('a removed user can no longer sign in (403), and the API tokens it created stop working (401)', async () => {
    const created = (await server.gql(CREATE_TOKEN, { input: { name: 'Export', role: 'DEVELOPER', expiresInDays: 30 } }, 'demo-acme-admin')).body.data.createApiToken;
    expect((await server.gql(REMOVE, { input: { userId: await userId('Adam Admin') } })).body.data.removeUser.userErrors).toEqual([]);
    const signedIn = await server.gql('{ viewer { user { id } } }', {}, 'demo-acme-admin');
    expect(signedIn.status).toBe(403);
    const withToken = await server.gql('{ viewer { user { id } } }', {}, created.token);
    expect(withToken.status).toBe(401);
    expect(withToken.body.errors![0].extensions!.reason).toBe('REVOKED');
  });

  it('every change is audited: who, when, what', async () => {
    await server.gql(INVITE, { input: { email: 'ivy@acme.example', displayName: 'Ivy', role: 'DEVELOPER', subject: 'ivy-sub' } });
    await server.gql(CHANGE, { input: { userId: await userId('Ivy'), role: 'STAFF' } }, 'demo-acme-admin');
    await server.gql(REMOVE, { input: { userId: await userId('Ivy') } });
    expect((await server.gql(AUDIT)).body.data.viewer.merchant.accessAudit).toEqual([
      { action: 'USER_REMOVED', actorKind: 'USER', actorName: 'Olivia Owner', details: 'Ivy (STAFF, ivy@acme.example) removed' },
      { action: 'USER_ROLE_CHANGED', actorKind: 'USER', actorName: 'Adam Admin', details: 'Ivy: role DEVELOPER → STAFF' },
      { action: 'USER_INVITED', actorKind: 'USER', actorName: 'Olivia Owner', details: expect.stringContaining('Ivy invited as DEVELOPER, by subject "ivy-sub"') },
    ]);
  });

  it('a merchant sees and changes only its own users', async () => {
    const acmeOwner = await userId('Olivia Owner');
    const attempt = await server.gql(REMOVE, { input: { userId: acmeOwner } }, 'demo-bluebird-owner');
    expect(attempt.body.data.removeUser.userErrors[0].code).toBe('NOT_FOUND');
    const bluebird = (await server.gql(USERS, {}, 'demo-bluebird-owner')).body.data.viewer.merchant.users;
    expect(bluebird.map((user: { displayName: string }) => user.displayName)).toEqual(['Bea Owner']);
  });
});

describe('API tokens for machine clients', () => {
  it('are shown once, stored only as a hash, sign in with their own role, and list their last use', async () => {
    const created = (await server.gql(CREATE_TOKEN, { input: { name: 'Order export', role: 'CUSTOMER_SERVICE', expiresInDays: 30 } })).body.data.createApiToken;
    expect(created.userErrors).toEqual([]);
    expect(created.token).toMatch(/^bwpc_[A-Za-z0-9_-]{43}$/);
    expect(created.apiToken).toMatchObject({ name: 'Order export', role: 'CUSTOMER_SERVICE', displayPrefix: created.token.slice(0, 9), lastUsedAt: null, revokedAt: null });
    const stored = await server.app.dataSource.manager.find(ApiToken);
    expect(JSON.stringify(stored)).not.toContain(created.token);
    expect(stored[0].tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const viewer = await server.gql('{ viewer { user { displayName role } } }', {}, created.token);
    // The token acts for its creator, with its own role.
    expect(viewer.body.data.viewer.user.displayName).toBe('Olivia Owner');
    expect((await server.gql('mutation { startSellerCentralLink(input: { agreedToDataUse: true }) { userErrors { code } } }', {}, created.token)).body.data.startSellerCentralLink.userErrors[0].code).toBe('PERMISSION_DENIED');
    const listed = (await server.gql('{ viewer { merchant { apiTokens { name lastUsedAt } } } }')).body.data.viewer.merchant.apiTokens;
    expect(listed).toEqual([{ name: 'Order export', lastUsedAt: server.clock.now().toISOString() }]);
  });

  it('are refused at once when revoked, and when expired', async () => {
    const created = (await server.gql(CREATE_TOKEN, { input: { name: 'CI', role: 'DEVELOPER', expiresInDays: 1 } })).body.data.createApiToken;
    expect((await server.gql('{ viewer { user { id } } }', {}, created.token)).status).toBe(200);
    server.clock.advance(86_400_000);
    const expired = await server.gql('{ viewer { user { id } } }', {}, created.token);
    expect(expired.body.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'EXPIRED' });

    const other = (await server.gql(CREATE_TOKEN, { input: { name: 'Sync', role: 'DEVELOPER', expiresInDays: 365 } })).body.data.createApiToken;
    expect((await server.gql(REVOKE_TOKEN, { input: { apiTokenId: other.apiToken.id } })).body.data.revokeApiToken.userErrors).toEqual([]);
    expect((await server.gql('{ viewer { user { id } } }', {}, other.token)).body.errors![0].extensions!.reason).toBe('REVOKED');
    expect((await server.gql(REVOKE_TOKEN, { input: { apiTokenId: other.apiToken.id } })).body.data.revokeApiToken.userErrors[0].code).toBe('API_TOKEN_ALREADY_REVOKED');
  });

  it('an ADMIN cannot create an OWNER token, an API token cannot create tokens, other roles cannot at all; lifetimes are 1 to 365 days', async () => {
    expect((await server.gql(CREATE_TOKEN, { input: { name: 'x', role: 'OWNER', expiresInDays: 5 } }, 'demo-acme-admin')).body.data.createApiToken.userErrors[0].code).toBe('PERMISSION_DENIED');
    expect((await server.gql(CREATE_TOKEN, { input: { name: 'x', role: 'STAFF', expiresInDays: 5 } }, 'demo-acme-developer')).body.data.createApiToken.userErrors[0].code).toBe('PERMISSION_DENIED');
    const admin = (await server.gql(CREATE_TOKEN, { input: { name: 'admin bot', role: 'ADMIN', expiresInDays: 5 } })).body.data.createApiToken;
    const nested = await server.gql(CREATE_TOKEN, { input: { name: 'y', role: 'STAFF', expiresInDays: 5 } }, admin.token);
    expect(nested.body.data.createApiToken.userErrors[0]).toMatchObject({ code: 'PERMISSION_DENIED', message: 'An API token cannot create API tokens.' });
    const tooLong = await server.gql(CREATE_TOKEN, { input: { name: 'z', role: 'STAFF', expiresInDays: 366 } });
    expect(tooLong.body.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(await server.app.dataSource.manager.count(ApiToken)).toBe(1);
  });

  it('another merchant cannot revoke them', async () => {
    const created = (await server.gql(CREATE_TOKEN, { input: { name: 'CI', role: 'DEVELOPER', expiresInDays: 5 } })).body.data.createApiToken;
    const attempt = await server.gql(REVOKE_TOKEN, { input: { apiTokenId: created.apiToken.id } }, 'demo-bluebird-owner');
    expect(attempt.body.data.revokeApiToken.userErrors[0].code).toBe('NOT_FOUND');
    expect((await server.gql('{ viewer { user { id } } }', {}, created.token)).status).toBe(200);
  });
});
