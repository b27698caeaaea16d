import { DateTimeISO } from '../shared/graphql/date-time';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { ApiToken } from '../auth/api-token.entity';
import { Role } from '../auth/role';
import { WebhookSecret } from '../orders/webhook-secret.entity';
import { maskedSecret } from '../orders/webhook-secrets';
import { toGlobalId } from '../shared/graphql/global-id';
import { Node } from '../shared/graphql/node.interface';
import { AccessAuditAction, AccessAuditEntry } from './access-audit-entry.entity';

registerEnumType(AccessAuditAction, {
  name: 'AccessAuditAction',
  description: 'A change to who or what can reach the merchant\'s data.',
  valuesConfig: {
    USER_INVITED: { description: 'A user was invited (by sign-in subject or email).' },
    USER_ROLE_CHANGED: { description: 'A user\'s role changed.' },
    USER_REMOVED: { description: 'A user was removed (and the API tokens it created revoked).' },
    API_TOKEN_CREATED: { description: 'An API token was created.' },
    API_TOKEN_REVOKED: { description: 'An API token was revoked.' },
    WEBHOOK_SECRET_ROTATED: { description: 'A new order webhook secret was made.' },
  },
});

@ObjectType('ApiToken', { implements: Node, description: 'A machine client\'s credential. Its value is shown once, when created; only its first characters are kept readable.' })
export class ApiTokenView extends Node {
  @Field({ description: 'What the token is for, as its creator named it.' })
  name!: string;

  @Field(() => Role, { description: 'What the token may do (at most its creator\'s role).' })
  role!: Role;

  @Field({ description: 'The token\'s first characters, to tell tokens apart.' })
  displayPrefix!: string;

  @Field(() => DateTimeISO, { description: 'When it was created.' })
  createdAt!: Date;

  @Field(() => DateTimeISO, { description: 'After this, the token is refused (401, expired).' })
  expiresAt!: Date;

  @Field(() => DateTimeISO, { nullable: true, description: 'When it last signed a request in (to the minute); null if never used.' })
  lastUsedAt!: Date | null;

  @Field(() => DateTimeISO, { nullable: true, description: 'When it was revoked; null while it works.' })
  revokedAt!: Date | null;

  /** The creator's database ID, for the `createdBy` field. */
  userId!: string;

  static from(token: ApiToken): ApiTokenView {
    return Object.assign(new ApiTokenView(), {
      id: toGlobalId('ApiToken', token.id),
      name: token.name,
      role: token.role,
      displayPrefix: token.displayPrefix,
      createdAt: token.createdAt,
      expiresAt: token.expiresAt,
      lastUsedAt: token.lastUsedAt,
      revokedAt: token.revokedAt,
      userId: token.userId,
    });
  }
}

@ObjectType('WebhookSecret', { description: 'One of the secrets that sign the merchant\'s order webhook events (O4). Its value is shown once.' })
export class WebhookSecretView {
  @Field({ description: 'The secret\'s first characters, to tell secrets apart.' })
  displayPrefix!: string;

  @Field(() => DateTimeISO, { description: 'When it was made.' })
  createdAt!: Date;

  @Field(() => DateTimeISO, { nullable: true, description: 'Null for the current secret; for the previous one, when it stops verifying events.' })
  retiresAt!: Date | null;

  static from(secret: WebhookSecret): WebhookSecretView {
    return Object.assign(new WebhookSecretView(), { displayPrefix: maskedSecret(secret.secret), createdAt: secret.createdAt, retiresAt: secret.retiresAt });
  }
}

@ObjectType('AccessAuditEntry', { description: 'Who changed access, when, and what.' })
export class AccessAuditEntryView {
  @Field(() => DateTimeISO, { description: 'When the change was made.' })
  at!: Date;

  @Field(() => AccessAuditAction, { description: 'What kind of change.' })
  action!: AccessAuditAction;

  @Field({ description: 'USER, API_TOKEN (acting for its creator) or CLI (the operator\'s command line).' })
  actorKind!: string;

  @Field(() => String, { nullable: true, description: 'The display name of the user who made the change (or whose token did); null for the CLI or a removed user.' })
  actorName!: string | null;

  @Field({ description: 'What changed, in words.' })
  details!: string;

  static from(entry: AccessAuditEntry, actorName: string | null): AccessAuditEntryView {
    return Object.assign(new AccessAuditEntryView(), { at: entry.at, action: entry.action, actorKind: entry.actorKind, actorName, details: entry.details });
  }
}
