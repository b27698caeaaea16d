import { AccessService } from '../access/access.service';
import { ApiTokenView } from '../access/access.types';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { Permission } from '../auth/role';
import { CatalogRepository } from '../catalog/catalog.repository';
import { CatalogProductView } from '../catalog/catalog.types';
import { OrderRepository } from '../orders/order.repository';
import { OrderView } from '../orders/order.types';
import { UnlinkRequestRepository } from '../unlinking/unlink-request.repository';
import { UnlinkRequestView } from '../unlinking/unlink.types';
import { LinkRepository } from '../linking/link.repository';
import { SellerCentralLinkView } from '../linking/link.types';
import { MerchantDirectory } from '../merchants/merchant-directory';
import { MerchantUserView, MerchantView } from '../merchants/merchant.types';
import { ErrorCode, UserError } from '../shared/errors';
import { authorize } from '../auth/authorize';
import { parseGlobalId } from '../shared/graphql/global-id';
import { Node } from '../shared/graphql/node.interface';
import { RequestContext } from './context';

/** `node(id:)`: fetches any object with a global ID, only ever within the viewer's merchant. */
@Resolver()
export class NodeResolver {
  constructor(
    private readonly directory: MerchantDirectory,
    private readonly links: LinkRepository,
    private readonly catalog: CatalogRepository,
    private readonly orders: OrderRepository,
    private readonly unlinkRequests: UnlinkRequestRepository,
    private readonly access: AccessService,
  ) {}

  @Query(() => Node, {
    nullable: true,
    description: 'The object with this global ID, or null when the signed-in merchant has none (another merchant\'s IDs read as null).',
  })
  async node(@Arg('id', () => ID, { description: 'A global ID returned by this API.' }) id: string, @Ctx() { viewer }: RequestContext): Promise<Node | null> {
    const parsed = parseGlobalId(id);
    if (!parsed) {
      throw new UserError(ErrorCode.INVALID_ID, 'This is not an ID this API issued.', {
        field: ['id'],
        remedy: 'Use the id field of an object returned by this API.',
      });
    }
    switch (parsed.type) {
      case 'Merchant':
        return parsed.id === viewer.merchantId ? nullable(await this.directory.findMerchant(parsed.id), MerchantView.from) : null;
      case 'MerchantUser':
        return nullable(await this.directory.findUser(parsed.id, viewer.merchantId), MerchantUserView.from);
      case 'SellerCentralLink':
        authorize(viewer, Permission.READ_LINK);
        return nullable(await this.links.findForMerchant(parsed.id, viewer.merchantId), SellerCentralLinkView.from);
      case 'CatalogProduct':
        authorize(viewer, Permission.READ_CATALOG);
        return nullable(await this.catalog.findForMerchant(parsed.id, viewer.merchantId), CatalogProductView.from);
      case 'Order':
        authorize(viewer, Permission.READ_ORDERS);
        return nullable(await this.orders.findForMerchant(parsed.id, viewer.merchantId), OrderView.from);
      case 'UnlinkRequest':
        authorize(viewer, Permission.READ_LINK);
        return nullable(await this.unlinkRequests.findForMerchant(parsed.id, viewer.merchantId), UnlinkRequestView.from);
      case 'ApiToken':
        authorize(viewer, Permission.MANAGE_ACCESS);
        return nullable(await this.access.apiToken(parsed.id, viewer.merchantId), ApiTokenView.from);
    }
  }
}

function nullable<T, V>(value: T | null, map: (value: T) => V): V | null {
  return value === null ? null : map(value);
}
