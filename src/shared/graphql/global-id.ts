import { ErrorCode, UserError } from '../errors';

/** The object types that have global IDs, and so can be fetched with `node(id:)`. */
export type NodeTypeName = 'Merchant' | 'MerchantUser' | 'SellerCentralLink' | 'CatalogProduct' | 'Order' | 'UnlinkRequest' | 'ApiToken';

const nodeTypeNames: readonly NodeTypeName[] = ['Merchant', 'MerchantUser', 'SellerCentralLink', 'CatalogProduct', 'Order', 'UnlinkRequest', 'ApiToken'];
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Global IDs are opaque to clients: base64url of `Type:uuid`. */
export function toGlobalId(type: NodeTypeName, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

export function parseGlobalId(globalId: string): { type: NodeTypeName; id: string } | undefined {
  if (globalId.length > 200 || !/^[A-Za-z0-9_-]+$/.test(globalId)) return undefined;
  const [type, id, ...rest] = Buffer.from(globalId, 'base64url').toString('utf8').split(':');
  if (rest.length > 0 || !nodeTypeNames.includes(type as NodeTypeName) || !uuidPattern.test(id ?? '')) return undefined;
  return { type: type as NodeTypeName, id };
}

/** The database ID behind a global ID of the expected type, or an INVALID_ID error pointing at `field`. */
export function decodeGlobalId(globalId: string, expected: NodeTypeName, field: string[]): string {
  const parsed = parseGlobalId(globalId);
  if (!parsed || parsed.type !== expected) {
    throw new UserError(ErrorCode.INVALID_ID, `"${truncate(globalId)}" is not a valid ${expected} ID.`, {
      field,
      remedy: `Use the id field of a ${expected} returned by this API.`,
    });
  }
  return parsed.id;
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
