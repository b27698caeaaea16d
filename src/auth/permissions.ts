import { ErrorCode, UserError } from '../shared/errors';
import { can, Permission } from './role';
import { Viewer } from './viewer';

/** For use cases: a role without the permission gets PERMISSION_DENIED, naming what it tried. */
export function requirePermission(viewer: Pick<Viewer, 'role'>, permission: Permission, action: string): void {
  if (!can(viewer.role, permission)) {
    throw new UserError(ErrorCode.PERMISSION_DENIED, `The ${viewer.role} role cannot ${action}.`, {
      remedy: 'Ask an owner or admin of your merchant account to do this.',
    });
  }
}
