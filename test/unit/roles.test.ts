import { can, Permission, Role } from '../../src/auth/role';

describe('roles', () => {
  it.each([
    [Role.OWNER, true, true],
    [Role.ADMIN, true, true],
    [Role.STAFF, false, false],
    [Role.CUSTOMER_SERVICE, true, false],
    [Role.DEVELOPER, true, false],
  ])('%s: reads the link %s, links and unlinks %s', (role, read, manage) => {
    expect(can(role, Permission.READ_LINK)).toBe(read);
    expect(can(role, Permission.MANAGE_LINK)).toBe(manage);
  });
});
