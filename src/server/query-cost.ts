import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { DocumentNode, GraphQLSchema, getNamedType, isLeafType } from 'graphql';
import { MAX_PAGE_SIZE } from '../shared/graphql/pagination';

/** A connection asked for more items per page than any connection returns (or fewer than one). */
export interface PageSizeOutOfRange {
  /** The field's response name (its alias, if it has one). */
  field: string;
  first: number;
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
  const cost = getComplexity({ schema, query: document, variables, operationName, estimators: [estimator] });
  return { cost, pageSizesOutOfRange };
}
