import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { DocumentNode, GraphQLSchema, getNamedType, isLeafType, visit } from 'graphql';
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
 *
 * A `first` outside 1..MAX_PAGE_SIZE is priced as the cap and reported, so that every page size over
 * the cap gets one answer (BAD_USER_INPUT naming the cap), however large it is.
 */
export function priceOperation(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName?: string): OperationPrice {
  const pageSizesOutOfRange: PageSizeOutOfRange[] = [];
  const estimator: ComplexityEstimator = ({ field, node, args, childComplexity }) => {
    if (typeof args.first === 'number') {
      if (args.first < 1 || args.first > MAX_PAGE_SIZE) pageSizesOutOfRange.push({ field: node.alias?.value ?? node.name.value, first: args.first });
      const first = Math.min(Math.max(args.first, 0), MAX_PAGE_SIZE);
      return 2 + first * Math.max(childComplexity, 1);
    }
    return isLeafType(getNamedType(field.type)) ? 0 : 1 + childComplexity;
  };
  const fields = getComplexity({ schema, query: document, variables, operationName, estimators: [estimator] });
  const cost = Math.max(MIN_OPERATION_COST, fields) + introspectionFields(document) * INTROSPECTION_FIELD_COST;
  return { cost, pageSizesOutOfRange };
}
