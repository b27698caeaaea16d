import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { DocumentNode, GraphQLSchema, getNamedType, isLeafType } from 'graphql';

/**
 * Query cost, as Shopify counts it: an object costs 1, a scalar or enum 0, and a connection (a field
 * with `first`) costs 2 plus `first` times the cost of one item. So a client can predict a query's
 * cost from the query alone, and stay under the budget by reading `extensions.cost`.
 */
const estimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (typeof args.first === 'number') return 2 + args.first * Math.max(childComplexity, 1);
  return isLeafType(getNamedType(field.type)) ? 0 : 1 + childComplexity;
};

export function queryCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName?: string): number {
  return getComplexity({ schema, query: document, variables, operationName, estimators: [estimator] });
}
