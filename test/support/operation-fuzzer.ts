import {
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
} from 'graphql';

/** A small seeded random source, so that a failing case can be replayed from its seed. */
export class Random {
  constructor(private state: number) {}

  next(): number {
    this.state = (this.state * 1_103_515_245 + 12_345) & 0x7fffffff;
    return this.state / 0x7fffffff;
  }

  int(max: number): number {
    return Math.floor(this.next() * max);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

const oddStrings = ['', ' ', 'null', '0', '-1', '💥'.repeat(50), '\u0000', "'; DROP TABLE merchant; --", '{"a":1}', 'x'.repeat(70_000), '../../etc/passwd', 'TWVyY2hhbnQ6eA', 'U2VsbGVyQ2VudHJhbExpbms6MDFhMjFhMmUtYjJmOS03MDAwLTkzMTktYzRjNTJhYmI1MTg4'];

/** Any JSON value, well-typed or not. */
function anyValue(random: Random, depth = 0): unknown {
  switch (random.int(depth > 2 ? 5 : 7)) {
    case 0:
      return random.pick(oddStrings);
    case 1:
      return random.pick([0, -1, 1, 2 ** 31, -(2 ** 53), 3.5, 1e308, Number.MAX_SAFE_INTEGER]);
    case 2:
      return random.chance(0.5);
    case 3:
      return null;
    case 4:
      return `s${random.int(1000)}`;
    case 5:
      return Array.from({ length: random.int(4) }, () => anyValue(random, depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: random.int(3) }, (_, index) => [`k${index}`, anyValue(random, depth + 1)]));
  }
}

/** A value for an input type: usually of the right shape, sometimes not. */
export function inputValue(type: GraphQLInputType, random: Random, ids: string[], depth = 0): unknown {
  if (random.chance(0.08) || depth > 4) return anyValue(random);
  if (isNonNullType(type)) return inputValue(type.ofType, random, ids, depth);
  if (random.chance(0.05)) return null;
  if (isListType(type)) return Array.from({ length: random.chance(0.05) ? 300 : random.int(4) }, () => inputValue(type.ofType, random, ids, depth + 1));
  if (isEnumType(type)) return random.chance(0.9) ? random.pick(type.getValues()).value : 'NOT_A_VALUE';
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type) || random.chance(0.5))
        .map((field) => [field.name, inputValue(field.type, random, ids, depth + 1)]),
    );
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return random.chance(0.7) && ids.length > 0 ? random.pick(ids) : random.pick(oddStrings);
      case 'Int':
        return random.pick([0, 1, 5, 20, 100, 101, -1, 2 ** 31]);
      case 'Boolean':
        return random.chance(0.5);
      case 'String':
        return random.chance(0.7) ? `text ${random.int(100)}` : random.pick(oddStrings);
      default:
        return new Date(1_800_000_000_000 + random.int(1e9)).toISOString();
    }
  }
  return anyValue(random);
}

interface Built {
  text: string;
  variables: Record<string, unknown>;
}

class OperationBuilder {
  private readonly variables: Record<string, unknown> = {};
  private readonly definitions: string[] = [];
  private aliasCount = 0;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly random: Random,
    private readonly ids: string[],
  ) {}

  arguments(args: readonly GraphQLArgument[]): string {
    const chosen = args.filter((arg) => isNonNullType(arg.type) || this.random.chance(0.4));
    if (this.random.chance(0.03)) chosen.push({ name: 'bogus', type: args[0]?.type } as GraphQLArgument);
    if (chosen.length === 0) return '';
    const parts = chosen.map((arg) => {
      const name = `v${Object.keys(this.variables).length}`;
      const typeText = arg.type ? String(arg.type) : 'String';
      this.definitions.push(`$${name}: ${typeText}`);
      this.variables[name] = arg.type ? inputValue(arg.type as GraphQLInputType, this.random, this.ids) : 'x';
      return `${arg.name}: $${name}`;
    });
    return `(${parts.join(', ')})`;
  }

  selection(type: GraphQLNamedType, depth: number): string {
    if (isLeafType(type)) return '';
    if (depth > (this.random.chance(0.05) ? 30 : 5)) return '{ __typename }';
    const fields: Array<GraphQLField<unknown, unknown>> = isObjectType(type) || isInterfaceType(type) ? Object.values(type.getFields()) : [];
    const picked = fields.filter(() => this.random.chance(0.35));
    if (picked.length === 0 && fields.length > 0) picked.push(this.random.pick(fields));
    const parts = picked.map((field) => {
      const alias = this.random.chance(0.05) ? `a${this.aliasCount++}: ` : '';
      return `${alias}${field.name}${this.arguments(field.args)} ${this.selection(getNamedType(field.type), depth + 1)}`;
    });
    if (isInterfaceType(type) || isUnionType(type)) {
      const possible = this.schema.getPossibleTypes(type);
      if (possible.length > 0) {
        const concrete = this.random.pick(possible);
        parts.push(`... on ${concrete.name} ${this.selection(concrete, depth + 1)}`);
      }
    }
    if (this.random.chance(0.02)) parts.push('fieldThatDoesNotExist');
    if (this.random.chance(0.02)) for (let index = 0; index < 40; index += 1) parts.push(`flood${index}: __typename`);
    return `{ ${parts.join(' ') || '__typename'} }`;
  }

  build(): Built {
    const mutation = this.random.chance(0.5) && this.schema.getMutationType();
    const root = (mutation || this.schema.getQueryType()) as GraphQLObjectType;
    const field = this.random.pick(Object.values(root.getFields()));
    const body = `${field.name}${this.arguments(field.args)} ${this.selection(getNamedType(field.type), 1)}`;
    const header = this.definitions.length > 0 ? `(${this.definitions.join(', ')})` : '';
    return { text: `${mutation ? 'mutation' : 'query'} Fuzz${header} { ${body} }`, variables: this.variables };
  }
}

const brokenDocuments = ['{', '}', 'query { viewer { user { id } }', '{ viewer { user { id } } } { viewer }', 'mutation', '"just a string"', '{ viewer(user: ) }', '#'];

/** One operation generated from the schema: valid, ill-typed, oversized, or not even GraphQL. */
export function fuzzOperation(schema: GraphQLSchema, seed: number, ids: string[]): Built {
  const random = new Random(seed);
  if (random.chance(0.04)) return { text: random.pick(brokenDocuments), variables: {} };
  const built = new OperationBuilder(schema, random, ids).build();
  if (random.chance(0.05)) built.variables = anyValue(random) as Record<string, unknown>;
  return built;
}
