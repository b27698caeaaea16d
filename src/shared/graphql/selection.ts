import { FieldNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';

/**
 * Whether the field being resolved selects `name` directly (through fragments too), so that a read can
 * fetch it in the same statement as the rest of the page instead of a statement of its own later.
 * A `@skip`/`@include` on it is not evaluated: a field that might be asked for counts as asked for.
 */
export function selectsField(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, name: string): boolean {
  return selectsPath(info, [name]);
}

/**
 * Whether the field being resolved selects the nested field at `path` (`['nodes', 'lines']`), through
 * fragments too; `@skip`/`@include` are not evaluated either.
 */
export function selectsPath(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, path: string[]): boolean {
  const visited = new Set<string>();
  const search = (selectionSet: SelectionSetNode | undefined, [name, ...rest]: string[]): boolean =>
    (selectionSet?.selections ?? []).some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === name && (rest.length === 0 || search(selection.selectionSet, rest));
      if (selection.kind === Kind.INLINE_FRAGMENT) return search(selection.selectionSet, [name, ...rest]);
      const fragmentName = selection.name.value;
      const key = `${fragmentName}:${[name, ...rest].join('.')}`;
      if (visited.has(key)) return false;
      visited.add(key);
      return search(info.fragments[fragmentName]?.selectionSet, [name, ...rest]);
    });
  return info.fieldNodes.some((node: FieldNode) => search(node.selectionSet, path));
}
