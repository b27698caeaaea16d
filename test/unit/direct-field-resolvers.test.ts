import { graphql, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { Arg, buildSchema, Ctx, Field, FieldResolver, MiddlewareFn, ObjectType, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { directFieldResolvers } from '../../src/shared/graphql/direct-field-resolvers';

/** A schema of its own (type-graphql's metadata is process-wide, each test file has its own process). */
@ObjectType()
class Parcel {
  @Field()
  name!: string;
}

type Context = { greeting: string; calls: string[] };

const tagged: MiddlewareFn<Context> = async ({ context }, next) => {
  context.calls.push('middleware');
  return next();
};

@Resolver(() => Parcel)
class ParcelResolver {
  @Query(() => [Parcel])
  parcels(): Parcel[] {
    // The second is a plain object: type-graphql makes it a Parcel before a field resolver sees it.
    return [Object.assign(new Parcel(), { name: 'boxed' }), { name: 'plain' }];
  }

  @FieldResolver(() => String)
  label(@Root() parcel: Parcel, @Ctx() context: Context): string {
    context.calls.push('label');
    return `${context.greeting} ${parcel.name}: ${parcel instanceof Parcel ? 'a Parcel' : 'not a Parcel'}`;
  }

  @FieldResolver(() => String)
  shouted(@Root() parcel: Parcel, @Arg('times') times: number): string {
    return parcel.name.toUpperCase().repeat(times);
  }

  @FieldResolver(() => String)
  @UseMiddleware(tagged)
  watched(@Root() parcel: Parcel): string {
    return parcel.name;
  }
}

const instance = new ParcelResolver();
const container = { get: () => instance };

/** The schema, the fields directFieldResolvers says it made direct, and those whose resolver it did replace. */
async function schemaWith(options: { globalMiddlewares?: Array<MiddlewareFn<Context>> } = {}) {
  const buildOptions = { resolvers: [ParcelResolver] as [Function], container, ...options };
  const schema = await buildSchema(buildOptions);
  const fields = (schema.getType('Parcel') as GraphQLObjectType).getFields();
  const before = Object.values(fields).map((field) => [field.name, field.resolve] as const);
  const direct = directFieldResolvers(schema, buildOptions);
  const replaced = before.filter(([name, resolve]) => fields[name].resolve !== resolve).map(([name]) => `Parcel.${name}`);
  return { schema, direct, replaced };
}

async function run(schema: GraphQLSchema, source: string) {
  const contextValue: Context = { greeting: 'hello', calls: [] };
  const result = await graphql({ schema, source, contextValue });
  return { ...result, calls: contextValue.calls };
}

describe('direct field resolvers', () => {
  it('call a field resolver of only @Root() and @Ctx() directly, and leave those with arguments or middleware to type-graphql', async () => {
    const { direct, replaced } = await schemaWith();
    expect(direct).toEqual(['Parcel.label']);
    expect(replaced).toEqual(direct);
  });

  it('answer what type-graphql answers, converting a plain root as it does', async () => {
    const { schema } = await schemaWith();
    const result = await run(schema, '{ parcels { label shouted(times: 2) watched } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      parcels: [
        { label: 'hello boxed: a Parcel', shouted: 'BOXEDBOXED', watched: 'boxed' },
        { label: 'hello plain: a Parcel', shouted: 'PLAINPLAIN', watched: 'plain' },
      ],
    });
    expect(result.calls).toEqual(['label', 'middleware', 'label', 'middleware']);
  });

  it('replace nothing when global middlewares apply to every field', async () => {
    const everywhere: MiddlewareFn<Context> = async ({ context }, next) => {
      context.calls.push('global');
      return next();
    };
    const { schema, direct, replaced } = await schemaWith({ globalMiddlewares: [everywhere] });
    expect(direct).toEqual([]);
    expect(replaced).toEqual([]);
    const result = await run(schema, '{ parcels { label } }');
    // Once for the query, then once before each label.
    expect(result.calls).toEqual(['global', 'global', 'label', 'global', 'label']);
  });
});
