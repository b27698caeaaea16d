import { GraphQLError } from 'graphql';
import { Ctx, Query, Resolver } from 'type-graphql';
import { RequestContext } from '../server/context';
import { MerchantDirectory } from './merchant-directory';
import { MerchantUserView, MerchantView, ViewerView } from './merchant.types';

@Resolver(() => ViewerView)
export class ViewerResolver {
  constructor(private readonly directory: MerchantDirectory) {}

  @Query(() => ViewerView, { description: 'The signed-in user and its merchant: where the console starts.' })
  async viewer(@Ctx() { viewer, loaders }: RequestContext): Promise<ViewerView> {
    const [user, merchant] = await Promise.all([loaders.users.load(viewer.userId), this.directory.findMerchant(viewer.merchantId)]);
    if (!user || !merchant) throw new GraphQLError('Your user no longer exists.', { extensions: { code: 'UNAUTHENTICATED' } });
    return Object.assign(new ViewerView(), { user: MerchantUserView.from(user), merchant: MerchantView.from(merchant) });
  }
}
