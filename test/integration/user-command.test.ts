import { AccessAuditEntry } from '../../src/access/access-audit-entry.entity';
import { runUserCommand } from '../../src/access/user-command';
import { MerchantUser } from '../../src/auth/merchant-user.entity';
import { startTestServer, TestServer } from '../support/test-server';

/** `npm run user -- add …`: bootstraps the first owner of a merchant in production (issue 14). */
let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(async () => {
  await server.stop();
});

const run = (args: string) => runUserCommand(args.split(' '), { dataSource: server.app.dataSource, clock: server.clock, defaultIssuer: 'https://login.bwp.example/' });

describe('npm run user', () => {
  it('adds the first OWNER of a new merchant, who then signs in; the audit names the CLI', async () => {
    const result = await run('add --merchant Cedar --create-merchant --subject auth0|cedar-owner --issuer https://login.bwp.example/ --role OWNER --email owner@cedar.example');
    expect(result).toEqual({ exitCode: 0, output: expect.stringMatching(/^Created merchant "Cedar" \(.+\)\.\nAdded auth0\|cedar-owner as OWNER of "Cedar": signs in as subject "auth0\|cedar-owner" of https:\/\/login\.bwp\.example\//) });
    const user = await server.app.dataSource.manager.findOneByOrFail(MerchantUser, { subject: 'auth0|cedar-owner' });
    expect(user).toMatchObject({ role: 'OWNER', issuer: 'https://login.bwp.example/', email: 'owner@cedar.example' });
    expect(await server.app.dataSource.manager.findOneByOrFail(AccessAuditEntry, { targetId: user.id })).toMatchObject({ actorKind: 'CLI', actorUserId: null, action: 'USER_INVITED' });
  });

  it('adds a user to an existing merchant by name, and refuses what it cannot do, saying why', async () => {
    expect((await run('add --merchant Acme Outdoor --subject x --role OWNER')).exitCode).toBe(1);
    expect(await run('add --merchant Nowhere --subject x --role OWNER')).toEqual({ exitCode: 1, output: 'No merchant has the ID or name "Nowhere". Add --create-merchant to create it.' });
    expect(await run('add --merchant Nowhere --subject x --role KING')).toEqual({ exitCode: 2, output: expect.stringContaining('--role must be one of OWNER') });
    expect(await run('add --subject x')).toEqual({ exitCode: 2, output: expect.stringMatching(/^Missing: --merchant, --role/) });
    const added = await run('add --merchant 0190c0de-0000-7000-8000-00000000b001 --subject bb-admin --role ADMIN');
    expect(added.exitCode).toBe(0);
    expect(await run('add --merchant 0190c0de-0000-7000-8000-00000000b001 --subject bb-admin --role ADMIN')).toEqual({ exitCode: 1, output: 'Not added: A user with the subject "bb-admin" already exists.' });
  });
});
