import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema, GraphQLSchema } from 'graphql';
import { primePageHeader, request } from '../../client/example';
import { ViewerDocument } from '../../client/generated/graphql';
import { onboard } from '../support/linking-flow';
import { startTestServer, TestServer } from '../support/test-server';

const root = join(__dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

interface AcceptedBreakingChange {
  type: string;
  path: string;
  reason: string;
}

/** The breaking changes from `released` to `current` that the accepted list does not name. */
async function unacceptedBreakingChanges(released: GraphQLSchema, current: GraphQLSchema, accepted: AcceptedBreakingChange[]) {
  const changes = await diff(released, current);
  return changes
    .filter((change) => change.criticality.level === CriticalityLevel.Breaking)
    .filter((change) => !accepted.some((ok) => ok.type === change.type && ok.path === change.path))
    .map((change) => `${change.type} ${change.path ?? ''}: ${change.message}`);
}

describe('the frontend teams\' typed client kit', () => {
  it('client/generated/ is what `npm run codegen` makes from the production schema and the operations (run it when this fails)', () => {
    const output = mkdtempSync(join(tmpdir(), 'codegen-'));
    try {
      execFileSync(process.execPath, [join(root, 'node_modules', '@graphql-codegen', 'cli', 'cjs', 'bin.js'), '--config', 'codegen.ts', '--silent'], {
        cwd: root,
        env: { ...process.env, CODEGEN_OUT: `${output}/` },
        stdio: 'pipe',
      });
      const files = readdirSync(output).sort();
      expect(files).toEqual(readdirSync(join(root, 'client', 'generated')).sort());
      for (const file of files) {
        expect({ file, content: read(join('client', 'generated', file)) }).toEqual({ file, content: readFileSync(join(output, file), 'utf8') });
      }
    } finally {
      rmSync(output, { recursive: true, force: true });
    }
  }, 60_000);

  it('the generated documents cover the console\'s operations, not the sandbox\'s (which production does not serve), with the scalars mapped', () => {
    const generated = read('client/generated/graphql.ts');
    for (const name of ['Viewer', 'LinkStatus', 'Catalog', 'SetOfferPrime', 'Orders', 'RequestUnlink', 'UnlinkStatus']) {
      expect(generated).toContain(`export const ${name}Document`);
    }
    expect(generated).not.toContain('SandboxPlaceOrderDocument');
    // DateTimeISO comes out as a string (the ISO 8601 text the API sends), not `unknown`.
    expect(generated).toContain('timeline: { nodes: Array<{ occurredAt: string,');
  });

  describe('against a server', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer();
    });
    afterAll(async () => {
      await server.stop();
    });

    it('the typed example client reads the Prime page with the Bearer token', async () => {
      await onboard(server);
      const token = await server.signIn('demo-acme-owner');
      const viewer = await request(`${server.url}/graphql`, token, ViewerDocument, {});
      expect(viewer.viewer.user.role).toBe('OWNER');
      const header = await primePageHeader(`${server.url}/graphql`, token);
      expect(header).toMatchObject({ offeringPrime: 0, linkState: 'LINKED', firstSkus: ['NW-BAG-20F', 'NW-LAMP-HD', 'NW-MUG-TI', 'NW-POLE-CF', 'NW-STOVE-1'] });
      expect(new Date(header.lastChange!).toISOString()).toBe(header.lastChange);
    });

    it('a request without a token fails with the server\'s code, not with a type error', async () => {
      await expect(request(`${server.url}/graphql`, 'not-a-token', ViewerDocument, {})).rejects.toThrow('UNAUTHENTICATED');
    });
  });
});

describe('breaking changes', () => {
  const accepted = JSON.parse(read('schema/breaking-changes.json')).accepted as AcceptedBreakingChange[];

  it('the production schema breaks nothing that schema/released.graphql offered, except the changes accepted with a reason', async () => {
    expect(await unacceptedBreakingChanges(buildSchema(read('schema/released.graphql')), buildSchema(read('schema/schema.graphql')), accepted)).toEqual([]);
    for (const change of accepted) expect(change.reason.length).toBeGreaterThan(10);
  });

  it('the check fails on a removed field or a field made nullable (it works)', async () => {
    const released = buildSchema(read('schema/released.graphql'));
    const broken = buildSchema(
      read('schema/schema.graphql')
        .replace(/\n  """The merchant's SKU\."""\n  sku: String!\n/, '\n')
        .replace('offerPrime: Boolean!', 'offerPrime: Boolean'),
    );
    const found = await unacceptedBreakingChanges(released, broken, accepted);
    expect(found).toEqual(expect.arrayContaining([expect.stringContaining('FIELD_REMOVED CatalogProduct.sku'), expect.stringContaining('CatalogProduct.offerPrime')]));
  });
});
