import { validate, ValidationError } from 'class-validator';
import { ArgumentValidationError } from 'type-graphql';

/** Paths of strings holding a NUL character, which PostgreSQL cannot store in text. */
function nulPaths(value: unknown, path: string[]): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path.join('.') || 'value'] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => nulPaths(item, [...path, String(index)]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => nulPaths(item, [...path, key]));
  return [];
}

/**
 * Every resolver argument: no NUL characters anywhere (refused by PostgreSQL, never meant by a
 * person), then the class-validator rules of input classes. Failures are BAD_USER_INPUT.
 */
export async function validateArgument(argValue: unknown): Promise<void> {
  const nul = nulPaths(argValue, []);
  if (nul.length > 0) {
    throw new ArgumentValidationError(
      nul.map((property) => Object.assign(new ValidationError(), { property, constraints: { noNulCharacters: `${property} must not contain NUL characters` }, children: [] })),
    );
  }
  if (argValue === null || typeof argValue !== 'object') return;
  // As type-graphql's own validation: a missing optional field is not checked.
  const options = { skipMissingProperties: true, forbidUnknownValues: false };
  const items = Array.isArray(argValue) ? argValue.filter((item) => item !== null && typeof item === 'object') : [argValue];
  const errors = (await Promise.all(items.map((item) => validate(item, options)))).flat();
  if (errors.length > 0) throw new ArgumentValidationError(errors);
}
