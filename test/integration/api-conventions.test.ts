import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLInterfaceType,
  GraphQLList,
  GraphQLNamedType,
  GraphQLNonNull,
  GraphQLObjectType,
  getNamedType,
  isIntrospectionType,
  isSpecifiedScalarType,
} from 'graphql';
import { buildAppSchema } from '../../src/server/schema';
import { committedSchemas, printCommittedSchema, schemaPath } from '../../src/server/schema-file';

describe('API conventions (docs/api-conventions.md)', () => {
  it.each(committedSchemas.map((schema) => [schema.file, schema] as const))('schema/%s is the schema the code builds (run `npm run schema` when this fails)', async (_file, schema) => {
    expect(readFileSync(schemaPath(schema), 'utf8')).toBe(await printCommittedSchema(schema));
  });

  it('every type, field, argument and enum value has a description', async () => {
    const schema = await buildAppSchema({ sandboxControls: true });
    const missing: string[] = [];
    const roots = ['Query', 'Mutation', 'Subscription'];
    const own = (type: GraphQLNamedType) => !isIntrospectionType(type) && !isSpecifiedScalarType(type) && !roots.includes(type.name);
    for (const type of Object.values(schema.getTypeMap())) {
      if (!own(type) && !roots.includes(type.name)) continue;
      if (own(type) && !type.description) missing.push(type.name);
      if (type instanceof GraphQLObjectType || type instanceof GraphQLInterfaceType || type instanceof GraphQLInputObjectType) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (type instanceof GraphQLEnumType) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every mutation takes one `input` and returns a payload with `userErrors: [UserError!]!`', async () => {
    const schema = await buildAppSchema({ sandboxControls: true });
    for (const mutation of Object.values(schema.getMutationType()!.getFields())) {
      expect(mutation.args.map((arg) => [arg.name, arg.type instanceof GraphQLNonNull])).toEqual([['input', true]]);
      const payload = getNamedType(mutation.type) as GraphQLObjectType;
      expect(payload.name).toMatch(/Payload$/);
      expect(String(payload.getFields().userErrors?.type)).toBe('[UserError!]!');
    }
  });

  it('every connection is paged with `first` (capped) and `after`, and has `pageInfo`', async () => {
    const schema = await buildAppSchema({ sandboxControls: true });
    const connectionFields = Object.values(schema.getTypeMap())
      .filter((type): type is GraphQLObjectType => type instanceof GraphQLObjectType && !isIntrospectionType(type))
      .flatMap((type) => Object.values(type.getFields()).map((field) => ({ type, field })))
      .filter(({ field }) => getNamedType(field.type).name.endsWith('Connection'));
    expect(connectionFields.length).toBeGreaterThan(0);
    for (const { field } of connectionFields) {
      expect(field.args.map((arg) => arg.name).filter((name) => name !== 'filter').sort()).toEqual(['after', 'first']);
      expect(field.args.find((arg) => arg.name === 'first')?.description).toMatch(/from 1 to 100/);
    }
  });

  /** Plain lists of nodes that cannot grow, with their bound. */
  const boundedLists: Record<string, string> = {
    'BlockingProducts.products': 'the first ten products a U1 refusal names (NAMED_PRODUCTS); `count` has them all',
    'Merchant.users': 'a merchant has at most MAX_USERS_PER_MERCHANT (500) users: inviting more is USER_LIMIT_REACHED',
    'Merchant.apiTokens': 'the newest API_TOKENS_LISTED (200), revoked ones included',
    'OfferPrimeChange.products': 'the first OFFER_PRIME_CHANGE_PRODUCTS (250, a bulk toggle\'s cap) of one change set; `productCount` counts them all',
  };

  it('objects with IDs implement Node; no list field returns an unbounded list of nodes', async () => {
    const schema = await buildAppSchema({ sandboxControls: true });
    const node = schema.getType('Node') as GraphQLInterfaceType;
    expect(schema.getPossibleTypes(node).map((type) => type.name).sort()).toEqual(['ApiToken', 'CatalogProduct', 'Merchant', 'MerchantUser', 'Order', 'SellerCentralLink', 'UnlinkRequest']);
    for (const type of schema.getPossibleTypes(node)) {
      for (const other of Object.values(schema.getTypeMap())) {
        if (!(other instanceof GraphQLObjectType) || isIntrospectionType(other)) continue;
        for (const field of Object.values(other.getFields())) {
          const unwrapped = field.type instanceof GraphQLNonNull ? field.type.ofType : field.type;
          const name = `${other.name}.${field.name}`;
          if (unwrapped instanceof GraphQLList && getNamedType(unwrapped) === type && !(name in boundedLists)) {
            expect(name).toMatch(/Connection\.nodes$/);
          }
        }
      }
    }
  });

  it('the production schema has no sandbox controls', async () => {
    const schema = await buildAppSchema({ sandboxControls: false });
    const fields = [...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()!.getFields())];
    expect(fields.filter((name) => name.startsWith('sandbox'))).toEqual([]);
  });
});
