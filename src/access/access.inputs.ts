import { IsEmail, IsEnum, IsInt, IsOptional, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Role } from '../auth/role';
import { MerchantUserView } from '../merchants/merchant.types';
import { NotBlank } from '../shared/graphql/not-blank';
import { UserErrorView } from '../shared/graphql/user-error.type';
import { API_TOKEN_MAX_DAYS } from './access.rules';
import { ApiTokenView, WebhookSecretView } from './access.types';

@InputType({ description: 'A user to invite: by sign-in subject (it can sign in at once) or by email (its first sign-in with that verified email claims the invitation).' })
export class InviteUserInput {
  @Field({ description: 'The user\'s email address.' })
  @IsEmail()
  @Length(3, 320)
  email!: string;

  @Field({ description: 'The name shown in the console and on timelines.' })
  @Length(1, 200)
  @NotBlank()
  displayName!: string;

  @Field(() => Role, { description: 'What the user may do. Only an OWNER can invite an OWNER.' })
  @IsEnum(Role)
  role!: Role;

  @Field(() => String, { nullable: true, description: 'The user\'s ID at the sign-in provider (`sub` of its tokens). Without it, the invitation waits for the email.' })
  @IsOptional()
  @Length(1, 255)
  @NotBlank()
  subject?: string;

  @Field(() => String, { nullable: true, description: 'The sign-in provider (`iss`); this API\'s configured provider by default.' })
  @IsOptional()
  @Length(1, 512)
  issuer?: string;
}

@InputType({ description: 'A new role for a user.' })
export class ChangeUserRoleInput {
  @Field(() => ID, { description: 'The user (a MerchantUser ID).' })
  @Length(1, 200)
  userId!: string;

  @Field(() => Role, { description: 'The new role. Only an OWNER can give or take away OWNER; the last OWNER keeps it.' })
  @IsEnum(Role)
  role!: Role;
}

@InputType({ description: 'A user to remove.' })
export class RemoveUserInput {
  @Field(() => ID, { description: 'The user (a MerchantUser ID).' })
  @Length(1, 200)
  userId!: string;
}

@InputType({ description: 'A new API token for a machine client.' })
export class CreateApiTokenInput {
  @Field({ description: 'What it is for ("Order export", "CI deploy").' })
  @Length(1, 100)
  @NotBlank()
  name!: string;

  @Field(() => Role, { description: 'What it may do: at most the creator\'s role (an ADMIN cannot create an OWNER token).' })
  @IsEnum(Role)
  role!: Role;

  @Field(() => Int, { description: `Days until it expires, 1 to ${API_TOKEN_MAX_DAYS}.` })
  @IsInt()
  @Min(1)
  @Max(API_TOKEN_MAX_DAYS)
  expiresInDays!: number;
}

@InputType({ description: 'An API token to revoke.' })
export class RevokeApiTokenInput {
  @Field(() => ID, { description: 'The token (an ApiToken ID).' })
  @Length(1, 200)
  apiTokenId!: string;
}

@InputType({ description: 'A new webhook secret, and how long the current one keeps verifying events.' })
export class RotateWebhookSecretInput {
  @Field(() => Int, {
    nullable: true,
    description: 'Hours the current secret still verifies events, 0 to 720 (0 after a leak: it stops at once). The server\'s WEBHOOK_SECRET_OVERLAP_HOURS (24) by default.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(720)
  previousSecretVerifiesForHours?: number;
}

@ObjectType({ description: 'The result of inviteUser, changeUserRole or removeUser.' })
export class UserAccessPayload {
  @Field(() => MerchantUserView, { nullable: true, description: 'The user as it now is (as it was, for removeUser).' })
  user?: MerchantUserView;

  @Field(() => [UserErrorView], { description: 'Why nothing changed, if so.' })
  userErrors!: UserErrorView[];
}

@ObjectType({ description: 'The result of createApiToken: the only time the token\'s value is shown.' })
export class CreateApiTokenPayload {
  @Field(() => String, { nullable: true, description: 'The token, to send as "Authorization: Bearer <token>". Shown once: store it now.' })
  token?: string;

  @Field(() => ApiTokenView, { nullable: true, description: 'The token as it is listed from now on (without its value).' })
  apiToken?: ApiTokenView;

  @Field(() => [UserErrorView], { description: 'Why no token was created, if so.' })
  userErrors!: UserErrorView[];
}

@ObjectType({ description: 'The result of revokeApiToken.' })
export class RevokeApiTokenPayload {
  @Field(() => ApiTokenView, { nullable: true, description: 'The token, now revoked.' })
  apiToken?: ApiTokenView;

  @Field(() => [UserErrorView], { description: 'Why the token was not revoked, if so.' })
  userErrors!: UserErrorView[];
}

@ObjectType({ description: 'The result of rotateWebhookSecret: the only time the new secret is shown.' })
export class RotateWebhookSecretPayload {
  @Field(() => String, { nullable: true, description: 'The new secret, to configure where order events are signed. Shown once: store it now.' })
  secret?: string;

  @Field(() => WebhookSecretView, { nullable: true, description: 'The new secret as it is listed from now on (without its value).' })
  webhookSecret?: WebhookSecretView;

  @Field(() => [UserErrorView], { description: 'Why no secret was made, if so.' })
  userErrors!: UserErrorView[];
}
