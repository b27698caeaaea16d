/**
 * The cost of each page the console uses: every operation in schema/operations, priced as the server
 * prices it (src/server/query-cost.ts), with its variables' defaults (`first: 20`) and a placeholder
 * for each required variable (a price never depends on an ID or a string). docs/cost-model.md carries
 * this table; test/hardening/cost-model.test.ts fails if the two differ.
 *
 *   npx ts-node --transpile-only scripts/page-costs.ts
 */
import 'reflect-metadata';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getNamedType, GraphQLSchema, isEnumType, isNonNullType, OperationDefinitionNode, parse, typeFromAST } from 'graphql';
import { priceOperation } from '../src/server/query-cost';

const root = join(__dirname, '..');

export interface PageCost {
  file: string;
  operation: string;
  cost: number;
}

export function consoleSchema(): GraphQLSchema {
  // The sandbox schema is the production schema and the sandbox's fields: some steps of the walk-through use them.
  return buildSchema(readFileSync(join(root, 'schema', 'schema.sandbox.graphql'), 'utf8'));
}

function placeholders(schema: GraphQLSchema, operation: OperationDefinitionNode): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type as Parameters<typeof typeFromAST>[1]);
    if (!type || !isNonNullType(type) || definition.defaultValue) continue;
    const named = getNamedType(type);
    variables[definition.variable.name.value] = isEnumType(named) ? named.getValues()[0].value : named.name === 'Boolean' ? true : named.name === 'Int' ? 1 : 'x';
  }
  return variables;
}

export function consolePageCosts(schema = consoleSchema()): PageCost[] {
  const directory = join(root, 'schema', 'operations');
  return readdirSync(directory)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const document = parse(readFileSync(join(directory, file), 'utf8'));
      const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition')!;
      const name = operation.name!.value;
      return { file, operation: name, cost: priceOperation(schema, document, placeholders(schema, operation), name).cost };
    });
}

/** The table of docs/cost-model.md. */
export function pageCostTable(costs = consolePageCosts()): string {
  return ['| operation | file | cost |', '| --- | --- | ---: |', ...costs.map(({ file, operation, cost }) => `| \`${operation}\` | \`schema/operations/${file}\` | ${cost} |`)].join('\n');
}

if (require.main === module) console.log(pageCostTable());
