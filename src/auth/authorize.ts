import { GraphQLError } from 'graphql';
import { can, Permission } from './role';
import { Viewer } from './viewer';

/** For queries: a role without the permission gets a FORBIDDEN error (mutations answer with userErrors instead). */
export function authorize(viewer: Viewer, permission: Permission): void {
  if (!can(viewer.role, permission)) {
    throw new GraphQLError(`The ${viewer.role} role cannot see this.`, { extensions: { code: 'FORBIDDEN' } });
  }
}
