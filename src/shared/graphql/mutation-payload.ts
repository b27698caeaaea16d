import { UserError } from '../errors';
import { UserErrorView } from './user-error.type';

/**
 * Runs a mutation's use case and shapes its payload: the result on success, or `userErrors` for a
 * failure the user caused (the use case wrote nothing). Anything else is unexpected and propagates.
 */
export async function mutationPayload<TResult, TPayload>(
  work: () => Promise<TResult>,
  toPayload: (result: TResult) => TPayload,
): Promise<(TPayload & { userErrors: UserErrorView[] }) | { userErrors: UserErrorView[] }> {
  try {
    const result = await work();
    return { ...toPayload(result), userErrors: [] };
  } catch (error) {
    if (error instanceof UserError) return { userErrors: [UserErrorView.from(error)] };
    throw error;
  }
}
