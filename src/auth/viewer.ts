import { Role } from './role';

/** The signed-in user of a request: every read and write is scoped to `merchantId`. */
export interface Viewer {
  userId: string;
  merchantId: string;
  /** The user's role, or the API token's when the request came with one. */
  role: Role;
  /** Set when the request came with an API token (which acts for `userId`, with its own role). */
  apiTokenId?: string;
}
