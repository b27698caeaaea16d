import { Matches } from 'class-validator';

/** A text field that must say something: whitespace alone is refused as BAD_USER_INPUT. */
export function NotBlank(): PropertyDecorator {
  return Matches(/\S/, { message: ({ property }) => `${property} must not be blank` });
}
