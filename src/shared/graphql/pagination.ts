import { createHash } from 'node:crypto';
import { Max, MaxLength, Min } from 'class-validator';
import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import { ErrorCode, UserError } from '../errors';

/** The largest page any connection returns; asking for more is a validation error. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `How many items to return, from 1 to ${MAX_PAGE_SIZE}.` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first!: number;

  @Field(() => String, { nullable: true, description: 'Return the items after this cursor (the `endCursor` of the previous page).' })
  @MaxLength(200)
  after?: string | null;
}

@ObjectType({ description: 'Where a page stands in its list.', simpleResolvers: true })
export class PageInfo {
  @Field({ description: 'Whether more items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the last item on this page; pass it as `after` for the next page.' })
  endCursor!: string | null;
}

/**
 * What a cursor belongs to: a list (and, for a nested list, its parent: `timeline:<linkId>`), the
 * list's order, and the merchant. A cursor is a position in one list only; any other is INVALID_CURSOR.
 */
export interface CursorScope {
  list: string;
  sort: string;
  merchantId: string;
}

const CURSOR_VERSION = 'c1';
const MAX_KEY_LENGTH = 100;

function invalidCursor(): UserError {
  return new UserError(ErrorCode.INVALID_CURSOR, 'The `after` cursor is not valid for this list.', {
    field: ['after'],
    remedy: 'Pass the endCursor (or an edge\'s cursor) of a page of this same list, as this API returned it, or leave `after` out to start from the beginning.',
  });
}

/** The scope, as it travels inside a cursor: short, and without the merchant's ID in clear. */
function scopeTag(scope: CursorScope): string {
  return createHash('sha256').update(`${scope.list}\n${scope.sort}\n${scope.merchantId}`).digest('base64url').slice(0, 16);
}

/** Cursors are opaque to clients; inside they are the keyset position (the item's sortable key) and the scope they belong to. */
export function encodeCursor(scope: CursorScope, key: string): string {
  return cursorEncoder(scope)(key);
}

/** Encodes cursors of one scope, hashing the scope once (a page's edges share it). */
function cursorEncoder(scope: CursorScope): (key: string) => string {
  const prefix = `${CURSOR_VERSION}:${scopeTag(scope)}:`;
  return (key) => Buffer.from(prefix + key, 'utf8').toString('base64url');
}

export function decodeCursor(scope: CursorScope, cursor: string | null | undefined): string | undefined {
  if (!cursor) return undefined;
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const prefix = `${CURSOR_VERSION}:${scopeTag(scope)}:`;
  const key = decoded.slice(prefix.length);
  if (!decoded.startsWith(prefix) || key.length === 0 || key.length > MAX_KEY_LENGTH || /[\u0000-\u001f\ufffd]/.test(key)) throw invalidCursor();
  return key;
}

export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
}

/** Turns `first + 1` rows fetched in order into a page: the extra row only says that more follow. */
export function pageOf<T>(rows: T[], first: number, scope: CursorScope, keyOf: (item: T) => string): Page<T> {
  const nodes = rows.slice(0, first);
  const last = nodes[nodes.length - 1];
  return { nodes, pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor(scope, keyOf(last)) : null } };
}

export interface ConnectionShape<T> {
  edges: Array<{ cursor: string; node: T }>;
  nodes: T[];
  pageInfo: PageInfo;
}

/** A Relay connection type for `itemType`: `edges { cursor node }`, `nodes` and `pageInfo`. */
export function Connection<T extends object>(itemType: ClassType<T>, itemName: string) {
  @ObjectType(`${itemName}Edge`, { description: `A ${itemName} and its cursor.`, simpleResolvers: true })
  class Edge {
    @Field({ description: 'Pass it as `after` to get the items that follow this one.' })
    cursor!: string;

    @Field(() => itemType, { description: `The ${itemName}.` })
    node!: T;
  }

  @ObjectType()
  abstract class ConnectionClass {
    @Field(() => [Edge], { description: 'The items of this page, each with its cursor.' })
    edges!: Edge[];

    @Field(() => [itemType], { description: 'The items of this page, without cursors.' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Where this page stands in the list.' })
    pageInfo!: PageInfo;
  }
  return ConnectionClass;
}

/** The connection of a page: its edges share one encoder, so the scope is hashed once per page, not per cursor. */
export function toConnection<T>(page: Page<T>, scope: CursorScope, keyOf: (item: T) => string): ConnectionShape<T> {
  const cursor = cursorEncoder(scope);
  return {
    edges: page.nodes.map((node) => ({ cursor: cursor(keyOf(node)), node })),
    nodes: page.nodes,
    pageInfo: page.pageInfo,
  };
}
