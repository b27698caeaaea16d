import { GraphQLFieldResolver, GraphQLSchema, isObjectType } from 'graphql';
import { ContainerType, getMetadataStorage, ResolverData } from 'type-graphql';

/** How the schema's resolver instances are found: type-graphql's `container` option. */
type ContainerOption = ContainerType | ((resolverData: ResolverData<any>) => ContainerType);

type DirectParam = { kind: 'root'; rootType: Function | undefined } | { kind: 'context' };

/**
 * type-graphql runs every `@FieldResolver` through one generic handler that, on each call, gets the
 * resolver instance, enters the middleware chain, and sorts and maps the method's parameter list to
 * convert and validate arguments. On a catalog page that is 200 calls and about a tenth of the page's
 * CPU (docs/benchmarks.md, issue 16's fifth pass). A field resolver whose parameters are only `@Root()`
 * and `@Ctx()`, both whole, needs none of it when no middleware or role applies: this replaces its
 * resolver with a direct call of the method on the instance from the same container.
 *
 * What type-graphql would do differently is kept by falling back to its handler: a root that is not an
 * instance of the parameter's class (type-graphql would convert it) goes through the original resolver.
 * The schema must be built with the same `container`, and without global middlewares or an auth checker
 * (checked: with either, nothing is replaced). Returns the fields made direct, as `Type.field`.
 */
export function directFieldResolvers(
  schema: GraphQLSchema,
  options: { container: ContainerOption; globalMiddlewares?: unknown[]; authChecker?: unknown },
): string[] {
  if ((options.globalMiddlewares?.length ?? 0) > 0 || options.authChecker) return [];
  const storage = getMetadataStorage();
  const containerOf = typeof options.container === 'function' ? options.container : () => options.container as ContainerType;
  const direct: string[] = [];
  for (const resolver of storage.fieldResolvers) {
    if (resolver.kind !== 'external') continue;
    const resolverClass = storage.resolverClasses.find((candidate) => candidate.target === resolver.target);
    const objectClass = resolverClass?.getObjectType?.();
    const typeName = storage.objectTypes.find((objectType) => objectType.target === objectClass)?.name;
    const type = typeName ? schema.getType(typeName) : undefined;
    const field = isObjectType(type) ? type.getFields()[resolver.schemaName] : undefined;
    if (!field?.resolve || hasMiddlewareOrRoles(resolver.target, resolver.methodName)) continue;
    const params = directParams(resolver.target, resolver.methodName);
    if (!params) continue;
    field.resolve = directResolver(field.resolve, params, resolver.target, resolver.methodName, containerOf);
    direct.push(`${typeName}.${resolver.schemaName}`);
  }
  return direct;
}

/** The method's parameters by position, or undefined when any is other than a whole `@Root()` or `@Ctx()`. */
function directParams(target: Function, methodName: string): DirectParam[] | undefined {
  const declared = getMetadataStorage().params.filter((param) => param.target === target && param.methodName === methodName);
  const params: DirectParam[] = [];
  for (const param of declared) {
    if (param.kind === 'root' && param.propertyName === undefined) params[param.index] = { kind: 'root', rootType: param.getType?.() as Function | undefined };
    else if (param.kind === 'context' && param.propertyName === undefined) params[param.index] = { kind: 'context' };
    else return undefined;
  }
  // A parameter without a decorator would be undefined in type-graphql's call too; keep that call.
  return params.length === declared.length ? params : undefined;
}

function hasMiddlewareOrRoles(target: Function, methodName: string): boolean {
  const storage = getMetadataStorage();
  return (
    storage.middlewares.some((entry) => entry.target === target && entry.fieldName === methodName) ||
    storage.resolverMiddlewares.some((entry) => entry.target === target) ||
    storage.authorizedFields.some((entry) => entry.target === target && entry.fieldName === methodName) ||
    storage.authorizedResolver.some((entry) => entry.target === target)
  );
}

function directResolver(
  original: GraphQLFieldResolver<unknown, unknown>,
  params: DirectParam[],
  target: Function,
  methodName: string,
  containerOf: (resolverData: ResolverData<any>) => ContainerType,
): GraphQLFieldResolver<unknown, unknown> {
  const rootType = params.find((param): param is Extract<DirectParam, { kind: 'root' }> => param.kind === 'root')?.rootType;
  const checksRoot = typeof rootType === 'function' && rootType !== Object;
  return (root, args, context, info) => {
    if (checksRoot && !(root instanceof rootType)) return original(root, args, context, info);
    const resolverData = { root, args, context, info };
    const instance = containerOf(resolverData).get(target, resolverData) as Record<string, (...values: unknown[]) => unknown>;
    if (instance instanceof Promise) return original(root, args, context, info);
    return instance[methodName](...params.map((param) => (param.kind === 'root' ? root : context)));
  };
}
