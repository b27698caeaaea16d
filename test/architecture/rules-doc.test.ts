import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** docs/rules.md is where every rule ID resolves: each rule has a section, and each section names tests that name it. */
const root = join(__dirname, '..', '..');
const rulesDoc = readFileSync(join(root, 'docs', 'rules.md'), 'utf8');
const ruleIdPattern = /\b[LPOU][1-9]\b/g;

/** The rules of the help page, as DOMAIN.md numbers them. */
const rules = [
  ...['L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7', 'L8'],
  ...['P1', 'P2', 'P3', 'P4'],
  ...['O1', 'O2', 'O3', 'O4'],
  ...['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7'],
];

function files(folder: string, keep: (path: string) => boolean): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : files(path, keep);
    return keep(path) ? [path] : [];
  });
}

function section(rule: string): string {
  const start = rulesDoc.indexOf(`\n### ${rule}\n`);
  if (start < 0) return '';
  const next = rulesDoc.indexOf('\n### ', start + 1);
  return rulesDoc.slice(start, next < 0 ? undefined : next);
}

describe('docs/rules.md', () => {
  it.each(rules)('%s has a section: what the help page says, how the API enforces it, and its tests', (rule) => {
    const text = section(rule);
    expect(text).toContain('**Enforced:**');
    expect(text).toMatch(/\*\*Tests:\*\* `/);
  });

  it('every rule ID used in the code, the schemas, the README and the docs is one of those rules', () => {
    const places = [
      ...files(join(root, 'src'), (path) => path.endsWith('.ts')),
      ...files(join(root, 'schema'), (path) => path.endsWith('.graphql')),
      ...files(join(root, 'docs'), (path) => path.endsWith('.md')),
      join(root, 'README.md'),
    ];
    const unknown = places.flatMap((path) =>
      [...readFileSync(path, 'utf8').matchAll(ruleIdPattern)].map(([id]) => id).filter((id) => !rules.includes(id)).map((id) => `${relative(root, path)}: ${id}`),
    );
    expect(unknown).toEqual([]);
  });

  it.each(rules)('the test files listed for %s each have a test whose title names it', (rule) => {
    const listed = [...(section(rule).split('**Tests:**')[1] ?? '').matchAll(/`([a-z-]+\/[a-z0-9-]+\.test\.ts)`/g)].map(([, path]) => path);
    expect(listed.length).toBeGreaterThan(0);
    for (const path of listed) {
      const source = readFileSync(join(root, 'test', path), 'utf8');
      const titles = [...source.matchAll(/\b(?:it|test|describe|inBrowser)(?:\.each\([\s\S]*?\))?\(\s*(['`"])([\s\S]*?)\1/g)].map((match) => match[2]);
      expect({ path, names: titles.some((title) => new RegExp(`\\b${rule}\\b`).test(title)) }).toEqual({ path, names: true });
    }
  });
});
