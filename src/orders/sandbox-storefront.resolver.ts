import { IsEnum, Length } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Field, ID, InputType, Mutation, ObjectType, Resolver } from 'type-graphql';
import { RequestContext } from '../server/context';
import { Clock } from '../shared/clock';
import { ErrorCode, UserError } from '../shared/errors';
import { decodeGlobalId } from '../shared/graphql/global-id';
import { mutationPayload } from '../shared/graphql/mutation-payload';
import { UserErrorView } from '../shared/graphql/user-error.type';
import { OrderEventsService } from './order-events.service';
import { OrderPlacementService } from './order-placement.service';
import { OrderRepository } from './order.repository';
import { SandboxPlaceOrderInput } from './order.inputs';
import { OrderView } from './order.types';
import { OrderEventType } from './order-state';

@InputType({ description: 'Sandbox only: an upstream event for one of the merchant\'s orders.' })
class SandboxSendOrderEventInput {
  @Field(() => ID, { description: 'The order.' })
  @Length(1, 200)
  orderId!: string;

  @Field(() => OrderEventType, { description: 'What happened to it.' })
  @IsEnum(OrderEventType)
  eventType!: OrderEventType;
}

@ObjectType({ description: 'Sandbox only: the order after the shopper placed it, or after the event.' })
class SandboxOrderPayload {
  @Field(() => OrderView, { nullable: true, description: 'The order.' })
  order?: OrderView;

  @Field(() => String, { nullable: true, description: 'For an event: APPLIED, NOT_APPLIED (it would move the order backwards) or DUPLICATE.' })
  eventStatus?: string | null;

  @Field(() => [UserErrorView], { description: 'Why nothing happened, if so.' })
  userErrors!: UserErrorView[];
}

/**
 * Development only: the sandbox storefront (a shopper placing an order on the merchant's site)
 * and the sandbox's upstream, which sends the order events that the webhook otherwise receives.
 */
@Resolver()
export class SandboxStorefrontResolver {
  constructor(
    private readonly placement: OrderPlacementService,
    private readonly events: OrderEventsService,
    private readonly orders: OrderRepository,
    private readonly clock: Clock,
  ) {}

  @Mutation(() => SandboxOrderPayload, {
    description: 'Sandbox only: a shopper places an order. Refused unless each product offers Prime under an active link (O1, U5).',
  })
  sandboxPlaceOrder(@Arg('input', { description: 'The order.' }) input: SandboxPlaceOrderInput, @Ctx() { viewer }: RequestContext) {
    return mutationPayload(
      () =>
        this.placement.place(
          viewer.merchantId,
          input.lines.map((line, index) => ({
            productId: decodeGlobalId(line.productId, 'CatalogProduct', ['input', 'lines', String(index), 'productId']),
            quantity: line.quantity,
          })),
        ),
      (order) => ({ order: OrderView.from(order), eventStatus: null }),
    );
  }

  @Mutation(() => SandboxOrderPayload, {
    description: 'Sandbox only: Buy with Prime sends an order event now (shipped, delivered, return, refund, cancelled), as the webhook would receive it.',
  })
  sandboxSendOrderEvent(@Arg('input', { description: 'The order and the event.' }) input: SandboxSendOrderEventInput, @Ctx() { viewer }: RequestContext) {
    return mutationPayload(
      async () => {
        const order = await this.orders.findForMerchant(decodeGlobalId(input.orderId, 'Order', ['input', 'orderId']), viewer.merchantId);
        if (!order) throw new UserError(ErrorCode.NOT_FOUND, 'No order with this ID exists for your merchant.', { field: ['input', 'orderId'] });
        const eventId = randomUUID();
        const outcome = await this.events.ingest({
          eventId,
          idempotencyKey: eventId,
          eventType: input.eventType,
          eventTime: this.clock.now(),
          orderId: order.externalId,
        });
        if (!('order' in outcome) || !outcome.order) throw new Error('The order vanished while its event was applied.');
        return { order: outcome.order, status: outcome.status };
      },
      ({ order, status }) => ({ order: OrderView.from(order), eventStatus: status }),
    );
  }
}
