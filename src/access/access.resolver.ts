import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { authorize } from '../auth/authorize';
import { Permission } from '../auth/role';
import { MerchantUserView, MerchantView } from '../merchants/merchant.types';
import { RequestContext } from '../server/context';
import { decodeGlobalId } from '../shared/graphql/global-id';
import { mutationPayload } from '../shared/graphql/mutation-payload';
import {
  ChangeUserRoleInput,
  CreateApiTokenInput,
  CreateApiTokenPayload,
  InviteUserInput,
  RemoveUserInput,
  RevokeApiTokenInput,
  RevokeApiTokenPayload,
  RotateWebhookSecretInput,
  RotateWebhookSecretPayload,
  UserAccessPayload,
} from './access.inputs';
import { actorOf, AccessService } from './access.service';
import { AccessAuditEntryView, ApiTokenView, WebhookSecretView } from './access.types';

/** Users and roles, API tokens, webhook secrets and their audit, on the Merchant (OWNER and ADMIN). */
@Resolver(() => MerchantView)
export class AccessResolver {
  constructor(private readonly access: AccessService) {}

  @FieldResolver(() => [MerchantUserView], { description: 'The merchant\'s users, oldest first. OWNER or ADMIN.' })
  async users(@Root() merchant: MerchantView, @Ctx() { viewer }: RequestContext): Promise<MerchantUserView[]> {
    authorize(viewer, Permission.MANAGE_ACCESS);
    return (await this.access.users(merchant.merchantId)).map(MerchantUserView.from);
  }

  @FieldResolver(() => [ApiTokenView], { description: 'The merchant\'s API tokens (the latest 200, revoked ones included), newest first. OWNER or ADMIN.' })
  async apiTokens(@Root() merchant: MerchantView, @Ctx() { viewer }: RequestContext): Promise<ApiTokenView[]> {
    authorize(viewer, Permission.MANAGE_ACCESS);
    return (await this.access.apiTokens(merchant.merchantId)).map(ApiTokenView.from);
  }

  @FieldResolver(() => [WebhookSecretView], { description: 'The secrets that verify the merchant\'s order events now: the current one first, and the previous one during its overlap. OWNER or ADMIN.' })
  async webhookSecrets(@Root() merchant: MerchantView, @Ctx() { viewer }: RequestContext): Promise<WebhookSecretView[]> {
    authorize(viewer, Permission.MANAGE_ACCESS);
    return (await this.access.activeWebhookSecrets(merchant.merchantId)).map(WebhookSecretView.from);
  }

  @FieldResolver(() => [AccessAuditEntryView], { description: 'Changes to users, roles, API tokens and webhook secrets, newest first. OWNER or ADMIN.' })
  async accessAudit(
    @Root() merchant: MerchantView,
    @Arg('first', () => Int, { defaultValue: 20, description: 'How many entries, 1 to 100.' }) first: number,
    @Ctx() { viewer, loaders }: RequestContext,
  ): Promise<AccessAuditEntryView[]> {
    authorize(viewer, Permission.MANAGE_ACCESS);
    const entries = await this.access.auditEntries(merchant.merchantId, Math.min(Math.max(first, 1), 100));
    // The actors' names come through the request's user loader (one batched read, scoped to the merchant).
    const actors = await Promise.all(entries.map((entry) => (entry.actorUserId ? loaders.users.load(entry.actorUserId) : null)));
    return entries.map((entry, index) => AccessAuditEntryView.from(entry, actors[index]?.displayName ?? null));
  }

  @Mutation(() => UserAccessPayload, { description: 'Invites a user with a role. OWNER, or ADMIN for roles other than OWNER.' })
  inviteUser(@Arg('input', { description: 'Who to invite, and with which role.' }) input: InviteUserInput, @Ctx() { viewer }: RequestContext) {
    return mutationPayload(
      () => this.access.inviteUser(actorOf(viewer), viewer.merchantId, input),
      (user) => ({ user: MerchantUserView.from(user) }),
    );
  }

  @Mutation(() => UserAccessPayload, { description: 'Gives a user another role. OWNER, or ADMIN for non-owners; the last OWNER keeps its role.' })
  changeUserRole(@Arg('input', { description: 'The user and its new role.' }) input: ChangeUserRoleInput, @Ctx() { viewer }: RequestContext) {
    return mutationPayload(
      () => this.access.changeRole(actorOf(viewer), viewer.merchantId, decodeGlobalId(input.userId, 'MerchantUser', ['input', 'userId']), input.role),
      (user) => ({ user: MerchantUserView.from(user) }),
    );
  }

  @Mutation(() => UserAccessPayload, { description: 'Removes a user and revokes the API tokens it created. OWNER, or ADMIN for non-owners; the last OWNER stays.' })
  removeUser(@Arg('input', { description: 'The user to remove.' }) input: RemoveUserInput, @Ctx() { viewer }: RequestContext) {
    return mutationPayload(
      () => this.access.removeUser(actorOf(viewer), viewer.merchantId, decodeGlobalId(input.userId, 'MerchantUser', ['input', 'userId'])),
      (user) => ({ user: MerchantUserView.from(user) }),
    );
  }

  @Mutation(() => CreateApiTokenPayload, { description: 'Creates an API token (shown once in the payload). OWNER or ADMIN, signed in as a user.' })
  createApiToken(@Arg('input', { description: 'The token\'s name, role and lifetime.' }) input: CreateApiTokenInput, @Ctx() { viewer }: RequestContext) {
    return mutationPayload(
      () => this.access.createApiToken(actorOf(viewer), viewer.merchantId, input),
      ({ token, apiToken }) => ({ token, apiToken: ApiTokenView.from(apiToken) }),
    );
  }

  @Mutation(() => RevokeApiTokenPayload, { description: 'Revokes an API token at once. OWNER or ADMIN.' })
  revokeApiToken(@Arg('input', { description: 'The token to revoke.' }) input: RevokeApiTokenInput, @Ctx() { viewer }: RequestContext) {
    return mutationPayload(
      () => this.access.revokeApiToken(actorOf(viewer), viewer.merchantId, decodeGlobalId(input.apiTokenId, 'ApiToken', ['input', 'apiTokenId'])),
      (apiToken) => ({ apiToken: ApiTokenView.from(apiToken) }),
    );
  }

  @Mutation(() => RotateWebhookSecretPayload, {
    description: 'Makes a new order webhook secret (shown once in the payload); the previous one keeps verifying events for an overlap (24 hours by default). OWNER or ADMIN.',
  })
  rotateWebhookSecret(
    @Arg('input', { description: 'How long the current secret keeps verifying events.' }) input: RotateWebhookSecretInput,
    @Ctx() { viewer }: RequestContext,
  ) {
    const overlapHours = input.previousSecretVerifiesForHours ?? undefined;
    return mutationPayload(
      () => this.access.rotateWebhookSecret(actorOf(viewer), viewer.merchantId, overlapHours),
      ({ secret, webhookSecret }) => ({ secret, webhookSecret: WebhookSecretView.from(webhookSecret) }),
    );
  }
}
