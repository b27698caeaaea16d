import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * The folders of `src/` depend on each other one way only. Each folder is a node; a file at the top
 * of `src/` is a node of its own (the composition root `app.ts` may import anything, `config.ts` is
 * imported by many). Imports are read with TypeScript's own pre-processor, so `import type`,
 * re-exports and dynamic imports count too.
 */
const src = resolve(__dirname, '../../src');

/**
 * The only imports allowed to point against the direction of the dependencies, with the reason.
 * Each names the importing file or the imported file exactly.
 */
const allowedExceptions: Array<{ from?: string; to?: string; why: string }> = [
  { from: 'database/entities.ts', why: 'the registry of every entity, which the DataSource (ormconfig.ts) is built from' },
  { to: 'server/context.ts', why: 'resolvers are typed by the request context that the server builds for them' },
];

interface ImportEdge {
  from: string;
  to: string;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function resolveModule(fromFile: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(fromFile), specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) {
    if (candidate.endsWith('.ts') && ts.sys.fileExists(candidate)) return candidate;
  }
  throw new Error(`${relative(src, fromFile)} imports ${specifier}, which does not resolve to a file of src/`);
}

function importEdges(): ImportEdge[] {
  return sourceFiles(src).flatMap((file) =>
    ts
      .preProcessFile(readFileSync(file, 'utf8'), true, true)
      .importedFiles.map((imported) => resolveModule(file, imported.fileName))
      .filter((target): target is string => target !== null && target.startsWith(src))
      .map((target) => ({ from: relative(src, file).split(sep).join('/'), to: relative(src, target).split(sep).join('/') })),
  );
}

/** A folder of src/, or a file at its top. */
function nodeOf(path: string): string {
  const [first, ...rest] = path.split('/');
  return rest.length > 0 ? `${first}/` : first;
}

function isAllowed(edge: ImportEdge): boolean {
  return allowedExceptions.some((exception) => (exception.from ?? edge.from) === edge.from && (exception.to ?? edge.to) === edge.to);
}

/** The folder graph: for each node, the nodes it imports and one import that shows each dependency. */
function folderGraph(edges: ImportEdge[]): Map<string, Map<string, ImportEdge>> {
  const graph = new Map<string, Map<string, ImportEdge>>();
  for (const edge of edges) {
    const [from, to] = [nodeOf(edge.from), nodeOf(edge.to)];
    if (!graph.has(from)) graph.set(from, new Map());
    if (!graph.has(to)) graph.set(to, new Map());
    if (from !== to && !isAllowed(edge) && !graph.get(from)!.has(to)) graph.get(from)!.set(to, edge);
  }
  return graph;
}

/** Tarjan's strongly connected components: every component with more than one node is a cycle of folders. */
function cycles(graph: Map<string, Map<string, ImportEdge>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)!.keys()) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return components;
}

function explain(component: string[], graph: Map<string, Map<string, ImportEdge>>): string {
  const inside = component.flatMap((from) =>
    [...graph.get(from)!].filter(([to]) => component.includes(to)).map(([to, edge]) => `  ${from} -> ${to} (e.g. ${edge.from} imports ${edge.to})`),
  );
  return `${component.join(', ')}:\n${inside.join('\n')}`;
}

describe('folder dependencies of src/', () => {
  const edges = importEdges();
  const graph = folderGraph(edges);

  it('has no import cycle between folders, of any length (allowed exceptions are declared in this file, with their reason)', () => {
    expect(cycles(graph).map((component) => explain(component, graph))).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself works)', () => {
    const planted = folderGraph([
      ...edges,
      { from: 'shared/clock.ts', to: 'unlinking/unlink.service.ts' },
    ]);
    expect(cycles(planted).some((component) => component.includes('shared/') && component.includes('unlinking/'))).toBe(true);
  });

  it('shared/ imports no other folder of src/', () => {
    expect([...graph.get('shared/')!.keys()]).toEqual([]);
  });

  it.each([
    ['linking/', 'onboarding/'],
    ['onboarding/', 'catalog/'],
    ['catalog/', 'unlinking/'],
    ['orders/', 'unlinking/'],
  ])('dependencies point one way: %s does not import %s', (from, to) => {
    expect(graph.get(from)?.get(to)).toBeUndefined();
  });

  it('every allowed exception still names an import that exists', () => {
    for (const exception of allowedExceptions) {
      expect(edges.some((edge) => (exception.from ?? edge.from) === edge.from && (exception.to ?? edge.to) === edge.to)).toBe(true);
    }
  });
});
