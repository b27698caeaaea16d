import { Role } from './role';

/** The signed-in user of a request: every read and write is scoped to `merchantId`. */
export interface Viewer {
  userId: string;
  merchantId: string;
  role: Role;
}
