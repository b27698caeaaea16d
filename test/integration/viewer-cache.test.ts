import { ApiToken } from '../../src/auth/api-token.entity';
import { MerchantUser } from '../../src/auth/merchant-user.entity';
import { Role } from '../../src/auth/role';
import { ViewerCache } from '../../src/auth/viewer-cache';
import { FakeClock } from '../support/fake-clock';
import { startTestServer, TestServer } from '../support/test-server';

/** The viewer cache (issue 16, lever 1): a few seconds by token hash, forgotten whenever access changes here. */
let server: TestServer;

const CREATE_TOKEN = 'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id } userErrors { code } } }';
const REVOKE_TOKEN = 'mutation($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { userErrors { code } } }';
const CHANGE = 'mutation($input: ChangeUserRoleInput!) { changeUserRole(input: $input) { userErrors { code } } }';
const VIEWER = '{ viewer { user { id role } } }';

beforeEach(async () => {
  server = await startTestServer();
});

afterEach(async () => {
  await server.stop();
});

async function createToken(role = 'DEVELOPER') {
  return (await server.gql(CREATE_TOKEN, { input: { name: `t-${Math.random()}`, role, expiresInDays: 30 } })).body.data.createApiToken as { token: string; apiToken: { id: string } };
}

const authStatements = (statements: string[]) => statements.filter((sql) => /api_token|merchant_user/.test(sql));

describe('a signed-in viewer is kept for a few seconds by its token', () => {
  it('a second request with the same API token within the TTL reads neither the token nor the user; after the TTL it reads the token again', async () => {
    const { token } = await createToken();
    expect((await server.gql(VIEWER, {}, token)).status).toBe(200);
    const cached = await server.sql.count(() => server.gql('{ __typename }', {}, token));
    expect(authStatements(cached)).toEqual([]);
    server.clock.advance(server.app.config.viewerCacheTtlMs);
    const again = await server.sql.count(() => server.gql('{ __typename }', {}, token));
    expect(authStatements(again)).toHaveLength(1);
  });

  it('a JWT is kept too: the same token within the TTL looks up no user', async () => {
    const jwt = await server.signIn('demo-acme-owner');
    expect((await server.gql(VIEWER, {}, jwt)).status).toBe(200);
    expect(authStatements(await server.sql.count(() => server.gql('{ __typename }', {}, jwt)))).toEqual([]);
  });

  it('a revoked API token that was just used stops working at once in this process', async () => {
    const { token, apiToken } = await createToken();
    expect((await server.gql(VIEWER, {}, token)).status).toBe(200);
    expect((await server.gql(REVOKE_TOKEN, { input: { apiTokenId: apiToken.id } })).body.data.revokeApiToken.userErrors).toEqual([]);
    const refused = await server.gql(VIEWER, {}, token);
    expect(refused.status).toBe(401);
    expect(refused.body.errors![0].extensions!.reason).toBe('REVOKED');
  });

  it('a role change applies to the next request of a user who was just signed in', async () => {
    const jwt = await server.signIn('demo-acme-admin');
    const before = await server.gql(VIEWER, {}, jwt);
    expect(before.body.data.viewer.user.role).toBe('ADMIN');
    expect((await server.gql(CHANGE, { input: { userId: before.body.data.viewer.user.id, role: 'STAFF' } })).body.data.changeUserRole.userErrors).toEqual([]);
    expect((await server.gql(VIEWER, {}, jwt)).body.data.viewer.user.role).toBe('STAFF');
  });

  it('a revocation made by another instance (straight into the database) stops the token once the TTL has passed', async () => {
    const { token, apiToken } = await createToken();
    expect((await server.gql(VIEWER, {}, token)).status).toBe(200);
    await server.app.dataSource.manager.update(ApiToken, { id: Buffer.from(apiToken.id, 'base64url').toString().split(':')[1] }, { revokedAt: server.clock.now() });
    server.clock.advance(server.app.config.viewerCacheTtlMs);
    expect((await server.gql(VIEWER, {}, token)).body.errors![0].extensions!.reason).toBe('REVOKED');
  });

  it('a user removed by another instance cannot sign in once the TTL has passed', async () => {
    const jwt = await server.signIn('demo-acme-staff');
    expect((await server.gql(VIEWER, {}, jwt)).status).toBe(200);
    await server.app.dataSource.manager.delete(MerchantUser, { subject: 'demo-acme-staff' });
    server.clock.advance(server.app.config.viewerCacheTtlMs);
    expect((await server.gql(VIEWER, {}, jwt)).status).toBe(403);
  });

  it('VIEWER_CACHE_TTL_MS=0 turns the cache off: every request reads its token', async () => {
    const uncached = await startTestServer({ viewerCacheTtlMs: 0 });
    try {
      const token = (await uncached.gql(CREATE_TOKEN, { input: { name: 'x', role: 'DEVELOPER', expiresInDays: 30 } })).body.data.createApiToken.token;
      await uncached.gql(VIEWER, {}, token);
      expect(authStatements(await uncached.sql.count(() => uncached.gql('{ __typename }', {}, token)))).toHaveLength(1);
    } finally {
      await uncached.stop();
    }
  });
});

describe('ViewerCache', () => {
  const viewer = { viewer: { userId: 'u', merchantId: 'm', role: Role.OWNER }, expiresAt: new Date('2026-03-03T09:00:00.000Z') };

  it('keeps an entry for the TTL, never past the token\'s expiry, and forgets all on clear()', () => {
    const clock = new FakeClock();
    const cache = new ViewerCache(clock, 5000);
    const now = clock.now().getTime();
    cache.set('a', viewer, now + 60_000);
    cache.set('b', viewer, now + 1000);
    clock.advance(999);
    expect([cache.get('a'), cache.get('b')]).toEqual([viewer, viewer]);
    clock.advance(1);
    expect([cache.get('a'), cache.get('b')]).toEqual([viewer, undefined]);
    cache.clear();
    expect(cache.get('a')).toBeUndefined();
    cache.set('c', viewer, now + 60_000);
    clock.advance(5000);
    expect(cache.get('c')).toBeUndefined();
  });

  it('holds at most maxEntries, dropping the oldest', () => {
    const clock = new FakeClock();
    const cache = new ViewerCache(clock, 5000, 2);
    const later = clock.now().getTime() + 60_000;
    for (const key of ['a', 'b', 'c']) cache.set(key, viewer, later);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, viewer, viewer]);
  });
});
