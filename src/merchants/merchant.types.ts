import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { MerchantUser } from '../auth/merchant-user.entity';
import { Role } from '../auth/role';
import { toGlobalId } from '../shared/graphql/global-id';
import { Node } from '../shared/graphql/node.interface';
import { Merchant } from './merchant.entity';

registerEnumType(Role, {
  name: 'Role',
  description: 'A merchant user\'s role in the Buy with Prime console.',
  valuesConfig: {
    OWNER: { description: 'Everything, including linking and unlinking Seller Central.' },
    ADMIN: { description: 'Everything an owner can do in the console, including linking and unlinking.' },
    STAFF: { description: 'No access to the Prime and Settings pages, so not to the Seller Central link.' },
    CUSTOMER_SERVICE: { description: 'Orders; can see the link but not change it.' },
    DEVELOPER: { description: 'API credentials; can see the link but not change it.' },
  },
});

@ObjectType('Merchant', { implements: Node, description: 'A business that sells on its own site with Buy with Prime.' })
export class MerchantView extends Node {
  @Field({ description: 'The business name shown in the console.' })
  name!: string;

  /** The database ID, for field resolvers; not exposed. */
  merchantId!: string;

  static from(merchant: Merchant): MerchantView {
    return Object.assign(new MerchantView(), { id: toGlobalId('Merchant', merchant.id), name: merchant.name, merchantId: merchant.id });
  }
}

@ObjectType('MerchantUser', { implements: Node, description: 'A person who signs in to a merchant\'s console.' })
export class MerchantUserView extends Node {
  @Field({ description: 'The name shown in the console and on timelines.' })
  displayName!: string;

  @Field({ description: 'The sign-in email address.' })
  email!: string;

  @Field(() => Role, { description: 'What the user may do.' })
  role!: Role;

  @Field(() => String, { nullable: true, description: 'The user\'s ID at the sign-in provider (`sub`); null until an email invitation is accepted.' })
  signInSubject!: string | null;

  @Field({ description: 'Invited by email and not signed in yet: the first sign-in with this (verified) email claims the invitation.' })
  invitationPending!: boolean;

  /** The database ID, for field resolvers; not exposed. */
  userId!: string;

  static from(user: MerchantUser): MerchantUserView {
    return Object.assign(new MerchantUserView(), {
      id: toGlobalId('MerchantUser', user.id),
      displayName: user.displayName,
      email: user.email,
      role: user.role,
      signInSubject: user.subject,
      invitationPending: user.subject === null,
      userId: user.id,
    });
  }
}

@ObjectType('Viewer', { description: 'The signed-in user and its merchant.' })
export class ViewerView {
  @Field(() => MerchantUserView, { description: 'The signed-in user.' })
  user!: MerchantUserView;

  @Field(() => MerchantView, { description: 'The merchant the user belongs to; every query is scoped to it.' })
  merchant!: MerchantView;
}

