/** The Buy with Prime merchant console's roles (public BwP documentation). */
export enum Role {
  OWNER = 'OWNER',
  ADMIN = 'ADMIN',
  STAFF = 'STAFF',
  CUSTOMER_SERVICE = 'CUSTOMER_SERVICE',
  DEVELOPER = 'DEVELOPER',
}

export enum Permission {
  /** Read the Seller Central link, its onboarding steps and its timeline (the Settings page). */
  READ_LINK = 'READ_LINK',
  /** Start, complete and re-verify a link; later, request an unlink. */
  MANAGE_LINK = 'MANAGE_LINK',
}

/**
 * Who may do what. STAFF has no access to the Prime and Settings pages, which hold the link, so it
 * cannot even read it; CUSTOMER_SERVICE and DEVELOPER can see whether the merchant is linked but
 * not change it.
 */
const grants: Readonly<Record<Role, readonly Permission[]>> = {
  [Role.OWNER]: [Permission.READ_LINK, Permission.MANAGE_LINK],
  [Role.ADMIN]: [Permission.READ_LINK, Permission.MANAGE_LINK],
  [Role.STAFF]: [],
  [Role.CUSTOMER_SERVICE]: [Permission.READ_LINK],
  [Role.DEVELOPER]: [Permission.READ_LINK],
};

export function can(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission);
}
