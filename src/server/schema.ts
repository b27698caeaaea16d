import { AccessResolver } from '../access/access.resolver';
import { GraphQLSchema } from 'graphql';
import { DateTimeISO } from '../shared/graphql/date-time';
import { buildSchema, ContainerType, NonEmptyArray } from 'type-graphql';
import {
  LinkConsentResolver,
  LinkEventResolver,
  LinkingResolver,
  MerchantLinksResolver,
} from '../linking/linking.resolver';
import { CatalogResolver, ProductRefusalResolver } from '../catalog/catalog.resolver';
import { LinkRefusalResolver } from '../linking/link-refusal.resolver';
import { OnboardingResolver } from '../onboarding/onboarding.resolver';
import { ViewerResolver } from '../merchants/viewer.resolver';
import { OrderLineResolver, OrderResolver } from '../orders/order.resolver';
import { SandboxStorefrontResolver } from '../orders/sandbox-storefront.resolver';
import { BlockingProductsResolver, LinkUnlinkRequestResolver, UnlinkRefusalResolver, UnlinkResolver } from '../unlinking/unlink.resolver';
import { SandboxResolver } from '../seller-central/sandbox/sandbox.resolver';
import { validateArgument } from '../shared/graphql/argument-validation';
import { directFieldResolvers } from '../shared/graphql/direct-field-resolvers';
import { RequestContext } from './context';
import { NodeResolver } from './node.resolver';
import { LiveResolver } from '../live/live.resolver';

export const productResolvers = [
  ViewerResolver,
  AccessResolver,
  NodeResolver,
  LinkingResolver,
  OnboardingResolver,
  MerchantLinksResolver,
  LinkConsentResolver,
  LinkEventResolver,
  CatalogResolver,
  OrderResolver,
  OrderLineResolver,
  UnlinkResolver,
  LinkUnlinkRequestResolver,
  LinkRefusalResolver,
  ProductRefusalResolver,
  UnlinkRefusalResolver,
  BlockingProductsResolver,
  LiveResolver,
] as const;

/** Development-only stand-ins for Seller Central's pages. */
export const sandboxResolvers = [SandboxResolver, SandboxStorefrontResolver] as const;

export function resolverClasses(options: { sandboxControls: boolean }): NonEmptyArray<Function> {
  return [...productResolvers, ...(options.sandboxControls ? sandboxResolvers : [])];
}

/**
 * The GraphQL schema. Resolver instances come from the request's context, so that each app (and
 * each test server) uses its own object graph rather than a process-wide container. Field resolvers
 * that take only their object and the context are called directly (see directFieldResolvers).
 */
export async function buildAppSchema(options: { sandboxControls: boolean }): Promise<GraphQLSchema> {
  const buildOptions = {
    resolvers: resolverClasses(options),
    container: ({ context }: { context: RequestContext }): ContainerType => context.container,
    scalarsMap: [{ type: Date, scalar: DateTimeISO }],
    validateFn: validateArgument,
    pubSub: unusedPubSub,
  };
  const schema = await buildSchema(buildOptions);
  directFieldResolvers(schema, buildOptions);
  return schema;
}

/**
 * type-graphql wants a pubSub once there is a subscription, even when every subscription brings its own
 * `subscribe` (ours read the change bus: see live/); this one is never asked.
 */
const unusedPubSub = {
  publish(): never {
    throw new Error('Subscriptions publish through the change bus (src/events/), not type-graphql\'s pubSub.');
  },
  subscribe(): never {
    throw new Error('Subscriptions read the change bus (src/live/), not type-graphql\'s pubSub.');
  },
};

/** Resolves resolver classes to the instances the composition root built. */
export class ResolverContainer implements ContainerType {
  constructor(private readonly instances: ReadonlyMap<Function, object>) {}

  get(resolverClass: Function): object {
    const instance = this.instances.get(resolverClass);
    if (!instance) throw new Error(`No resolver instance for ${resolverClass.name}: add it in the composition root.`);
    return instance;
  }
}
