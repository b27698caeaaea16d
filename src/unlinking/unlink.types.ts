import { DateTimeISO } from '../shared/graphql/date-time';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { toGlobalId } from '../shared/graphql/global-id';
import { Node } from '../shared/graphql/node.interface';
import { UnlinkRequest } from './unlink-request.entity';
import { UnlinkRequestState } from './unlink-request-state';

registerEnumType(UnlinkRequestState, {
  name: 'UnlinkRequestState',
  description: 'Where an unlink request stands.',
  valuesConfig: {
    WAITING: { description: 'Waits until every order is outside its return window (U3); can be withdrawn (U4).' },
    WITHDRAWN: { description: 'Withdrawn while it waited; the link became active again.' },
    UNLINKING: { description: 'Unlinking has begun (U5); it completes after the processing time.' },
    COMPLETED: { description: 'Unlinked (U6).' },
  },
});

@ObjectType('UnlinkWait', { description: 'What a waiting unlink request waits for (U3): "waiting for 3 orders; earliest 14 Jan".' })
export class UnlinkWaitView {
  @Field(() => Int, { description: 'Orders still inside their return window, undelivered, or with a return or refund pending.' })
  orderCount!: number;

  @Field(() => DateTimeISO, { description: 'The earliest time unlinking could begin if nothing changes.' })
  earliestUnlinkAt!: Date;

  @Field({ description: 'True when that time is only a lower bound: some order is undelivered, or has a return or refund pending.' })
  isEstimate!: boolean;
}

@ObjectType('BlockingProducts', { description: 'U1: the products whose Offer Prime stands in the way of an unlink request.' })
export class BlockingProductsView {
  @Field(() => Int, { description: 'How many products still offer Prime.' })
  count!: number;

  /** The first products in SKU order, resolved to catalog products by a field resolver; not exposed. */
  first!: Array<{ id: string; sku: string }>;
}

@ObjectType('UnlinkRequest', { implements: Node, description: 'A request to merchant support to unlink Seller Central (U2).' })
export class UnlinkRequestView extends Node {
  @Field(() => UnlinkRequestState, { description: 'Where the request stands.' })
  state!: UnlinkRequestState;

  @Field({ description: 'The merchant-support case, as the Get Support tab shows it.' })
  supportCaseId!: string;

  @Field({ description: 'Why the merchant asked.' })
  reason!: string;

  @Field(() => DateTimeISO, { description: 'When it was asked.' })
  requestedAt!: Date;

  @Field(() => DateTimeISO, { nullable: true, description: 'When it was withdrawn.' })
  withdrawnAt!: Date | null;

  @Field(() => DateTimeISO, { nullable: true, description: 'When unlinking began.' })
  unlinkingStartedAt!: Date | null;

  @Field(() => DateTimeISO, { nullable: true, description: 'When unlinking completed.' })
  completedAt!: Date | null;

  /** For field resolvers; not exposed. */
  entity!: UnlinkRequest;

  static from(request: UnlinkRequest): UnlinkRequestView {
    const { state, supportCaseId, reason, requestedAt, withdrawnAt, unlinkingStartedAt, completedAt } = request;
    return Object.assign(new UnlinkRequestView(), {
      id: toGlobalId('UnlinkRequest', request.id),
      state,
      supportCaseId,
      reason,
      requestedAt,
      withdrawnAt,
      unlinkingStartedAt,
      completedAt,
      entity: request,
    });
  }
}
