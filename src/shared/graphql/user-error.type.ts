import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { ErrorCode, errorCodeDescriptions, UserError } from '../errors';

registerEnumType(ErrorCode, {
  name: 'UserErrorCode',
  description: 'What went wrong, as a code a frontend can switch on. The list only grows; codes are never renamed.',
  valuesConfig: Object.fromEntries(
    Object.values(ErrorCode).map((code) => [code, { description: errorCodeDescriptions[code] }]),
  ) as Record<ErrorCode, { description: string }>,
});

@ObjectType('UserError', {
  description:
    'A failure the user can act on. Nothing was changed when a mutation returns one. Fields such as `linkMove`, `attention`, ' +
    '`blockingProducts` and `ineligibilityReason` carry what the refusal names, typed, when it names something.',
})
export class UserErrorView {
  @Field(() => ErrorCode, { description: 'What went wrong.' })
  code!: ErrorCode;

  @Field(() => [String], { nullable: true, description: 'The path of the input field at fault, when one is.' })
  field!: string[] | null;

  @Field({ description: 'What went wrong, in words a merchant can read.' })
  message!: string;

  @Field(() => String, { nullable: true, description: 'What the merchant can do about it, when something can be done.' })
  remedy!: string | null;

  /** What the refusal names (products, states), for the typed fields that the domain modules add to this type; not exposed as such. */
  details!: Record<string, unknown> | null;

  static from(error: UserError): UserErrorView {
    return Object.assign(new UserErrorView(), {
      code: error.code,
      field: error.field ?? null,
      message: error.message,
      remedy: error.remedy ?? null,
      details: error.details ?? null,
    });
  }
}
