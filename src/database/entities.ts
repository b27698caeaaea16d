import { AccessAuditEntry } from '../access/access-audit-entry.entity';
import { ApiToken } from '../auth/api-token.entity';
import { MerchantUser } from '../auth/merchant-user.entity';
import { WebhookSecret } from '../orders/webhook-secret.entity';
import { CatalogProduct } from '../catalog/catalog-product.entity';
import { FulfillmentInventoryRecord } from '../catalog/fulfillment-inventory.entity';
import { LinkEvent } from '../linking/link-event.entity';
import { SellerCentralLink } from '../linking/seller-central-link.entity';
import { IdempotencyKey } from '../idempotency/idempotency-key.entity';
import { Merchant } from '../merchants/merchant.entity';
import { BwpOrder, BwpOrderEvent, BwpOrderLine } from '../orders/order.entity';
import { OrderStateCount, ReturnWindowHour } from '../orders/order-tally.entity';
import { CatalogCountRow } from '../catalog/catalog-count.entity';
import { UnlinkRequest } from '../unlinking/unlink-request.entity';
import { OnboardingStep } from '../onboarding/onboarding-step.entity';
import { sandboxEntities } from '../seller-central/sandbox/sandbox.entities';
import { spApiEntities } from '../seller-central/sp-api/sp-api.entities';

export const entities = [
  Merchant,
  MerchantUser,
  ApiToken,
  AccessAuditEntry,
  WebhookSecret,
  SellerCentralLink,
  LinkEvent,
  OnboardingStep,
  CatalogProduct,
  FulfillmentInventoryRecord,
  BwpOrder,
  BwpOrderLine,
  BwpOrderEvent,
  OrderStateCount,
  CatalogCountRow,
  ReturnWindowHour,
  UnlinkRequest,
  IdempotencyKey,
  ...sandboxEntities,
  ...spApiEntities,
];
