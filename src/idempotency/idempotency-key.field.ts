import { IsOptional, Length } from 'class-validator';
import { Field } from 'type-graphql';

/** The optional `idempotencyKey` of a mutation input that must not run twice (see IdempotencyService). */
export function IdempotencyKeyField(): PropertyDecorator {
  return (target, property) => {
    Field(() => String, {
      nullable: true,
      description:
        'A key of the client\'s choosing (1 to 255 characters): a retry with the same key and input returns the first answer without doing the work again. Kept 24 hours.',
    })(target, property);
    IsOptional()(target, property as string);
    Length(1, 255)(target, property as string);
  };
}
