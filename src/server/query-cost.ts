import { ComplexityEstimator, ComplexityEstimatorArgs, getComplexity } from 'graphql-query-complexity';
import { DocumentNode, FieldNode, FragmentDefinitionNode, GraphQLSchema, Kind, SelectionSetNode, getNamedType, isLeafType, visit } from 'graphql';
import { MAX_PAGE_SIZE } from '../shared/graphql/pagination';

/** A connection asked for more items per page than any connection returns (or fewer than one). */
export interface PageSizeOutOfRange {
  /** The field's response name (its alias, if it has one). */
  field: string;
  first: number;
}

/** Every operation costs at least this: `{ __typename }` is a request like any other. */
export const MIN_OPERATION_COST = 1;

/** `__schema` and `__type` each cost this flat: the answer walks the whole schema, whatever is selected. */
export const INTROSPECTION_FIELD_COST = 100;

function introspectionFields(document: DocumentNode): number {
  let count = 0;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') count += 1;
    },
  });
  return count;
}

/**
 * A count or aggregate reads every row it counts, where a page reads at most MAX_PAGE_SIZE: it is
 * priced as a full page of rows, whatever it is nested in.
 */
export const SCAN_COST = MAX_PAGE_SIZE;

/**
 * A read of a per-merchant tally: its counters and, at most, one row per hour of a return window
 * (720 small rows for 30 days), never the rows it counts.
 */
export const TALLY_COST = 10;

/** Each row a mutation writes. */
export const WRITE_COST = 1;

type FieldPrice = (field: ComplexityEstimatorArgs) => number;

/**
 * The fields whose price is not their shape's: what the database does for them, which the query's
 * shape does not show. Keyed by `Type.field`; a test checks that every key names a field of the schema.
 */
export const FIELD_PRICES: Record<string, FieldPrice> = {
  // `totalCount` counts every matching row (only when asked for), once per connection: its price is
  // added to the connection's, not multiplied by `first` (see connectionCounts below). An unsearched
  // filter's total comes from the catalog counts, but the price is the worst case's (a search's count):
  // it is decided from the field, which does not see its connection's filter.
  'CatalogProductConnection.totalCount': () => SCAN_COST,
  // Orders are counted from the merchant's order tally (src/orders/order-tally.ts), whatever the filter.
  'OrderConnection.totalCount': () => TALLY_COST,
  // The catalog header's three counts: the merchant's stored catalog counts (src/catalog/catalog-counts.ts), not a scan.
  'Query.catalogSummary': ({ childComplexity }) => TALLY_COST + 1 + childComplexity,
  // What an unlink waits for: the merchant's order tally (src/orders/order-tally.ts), not a scan.
  'UnlinkRequest.waitingFor': ({ childComplexity }) => TALLY_COST + 1 + childComplexity,
  // Each change is priced as its own setOfferPrime: a write, and its outcome's selection.
  'Mutation.setOfferPrimeForProducts': ({ args, childComplexity }) => 1 + bulkSize(args) * (WRITE_COST + childComplexity),
  // Writes every product offering Prime: a scan of the catalog.
  'Mutation.turnOffOfferPrimeForAllProducts': ({ childComplexity }) => SCAN_COST + 1 + childComplexity,
  // Reads every listing from Seller Central and writes each: at least a scan of the catalog.
  'Mutation.resyncCatalog': ({ childComplexity }) => SCAN_COST + 1 + childComplexity,
};

/** The connection fields whose price is counted once per connection rather than per item. */
const PER_CONNECTION_FIELDS = new Set(['totalCount']);

/** The fields of a selection set, through its inline fragments and fragment spreads. */
function directFields(selectionSet: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fields.push(...directFields(selection.selectionSet, fragments, seen));
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      fields.push(...directFields(fragments.get(selection.name.value)?.selectionSet, fragments, seen));
    }
  }
  return fields;
}

function bulkSize(args: Record<string, unknown>): number {
  const changes = (args.input as { changes?: unknown } | undefined)?.changes;
  return Array.isArray(changes) ? Math.max(changes.length, 1) : 1;
}

export interface OperationPrice {
  cost: number;
  pageSizesOutOfRange: PageSizeOutOfRange[];
}

/**
 * Query cost, as Shopify counts it: an object costs 1, a scalar or enum 0, and a connection (a field
 * with `first`) costs 2 plus `first` times the cost of one item. So a client can predict a query's
 * cost from the query alone, and stay under the budget by reading `extensions.cost`.
 *
 * An operation costs at least MIN_OPERATION_COST, and introspection INTROSPECTION_FIELD_COST per field.
 * Counts cost SCAN_COST, bulk mutations a write and a selection per item: see FIELD_PRICES and
 * docs/cost-model.md.
 *
 * A `first` outside 1..MAX_PAGE_SIZE is priced as the cap and reported, so that every page size over
 * the cap gets one answer (BAD_USER_INPUT naming the cap), however large it is.
 */
export function priceOperation(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName?: string): OperationPrice {
  const pageSizesOutOfRange: PageSizeOutOfRange[] = [];
  const fragments = new Map(
    document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
  );
  // The per-connection fields priced but not yet taken out of their connection's per-item price
  // (graphql-query-complexity prices a field's children before the field).
  const perConnection = new Map<FieldNode, number>();
  let perConnectionLeft = 0;
  const estimator: ComplexityEstimator = (options) => {
    const { type, field, node, args, childComplexity } = options;
    const price = FIELD_PRICES[`${type.name}.${field.name}`];
    if (price && PER_CONNECTION_FIELDS.has(field.name)) {
      perConnection.set(node, (perConnection.get(node) ?? 0) + price(options));
      perConnectionLeft += price(options);
      return 0;
    }
    if (price) return price(options);
    if (typeof args.first === 'number') {
      if (args.first < 1 || args.first > MAX_PAGE_SIZE) pageSizesOutOfRange.push({ field: node.alias?.value ?? node.name.value, first: args.first });
      const first = Math.min(Math.max(args.first, 0), MAX_PAGE_SIZE);
      let once = 0;
      for (const child of directFields(node.selectionSet, fragments)) {
        once += perConnection.get(child) ?? 0;
        perConnectionLeft -= perConnection.get(child) ?? 0;
        perConnection.delete(child);
      }
      return 2 + first * Math.max(childComplexity, 1) + once;
    }
    return isLeafType(getNamedType(field.type)) ? 0 : 1 + childComplexity;
  };
  const fields = getComplexity({ schema, query: document, variables, operationName, estimators: [estimator] });
  const cost = Math.max(MIN_OPERATION_COST, fields + perConnectionLeft) + introspectionFields(document) * INTROSPECTION_FIELD_COST;
  return { cost, pageSizesOutOfRange };
}
