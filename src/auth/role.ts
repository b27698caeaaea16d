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
  /** Read the catalog with its Offer Prime toggles (the Prime page). */
  READ_CATALOG = 'READ_CATALOG',
  /** Toggle Offer Prime and re-sync the catalog from Seller Central. */
  MANAGE_CATALOG = 'MANAGE_CATALOG',
  /** Read the orders page. */
  READ_ORDERS = 'READ_ORDERS',
  /** Invite and remove users, change roles, create and revoke API tokens, rotate the webhook secret. */
  MANAGE_ACCESS = 'MANAGE_ACCESS',
}

/**
 * Who may do what. STAFF has no access to the Prime and Settings pages, which hold the link and the
 * Offer Prime toggles, so it reads neither, but it sees the orders; CUSTOMER_SERVICE and DEVELOPER
 * read everything but change nothing; OWNER and ADMIN do everything, unlinking and access included
 * (an ADMIN manages every role but OWNER: see access.rules.ts).
 */
const grants: Readonly<Record<Role, readonly Permission[]>> = {
  [Role.OWNER]: Object.values(Permission),
  [Role.ADMIN]: Object.values(Permission),
  [Role.STAFF]: [Permission.READ_ORDERS],
  [Role.CUSTOMER_SERVICE]: [Permission.READ_LINK, Permission.READ_CATALOG, Permission.READ_ORDERS],
  [Role.DEVELOPER]: [Permission.READ_LINK, Permission.READ_CATALOG, Permission.READ_ORDERS],
};

export function can(role: Role, permission: Permission): boolean {
  return grants[role].includes(permission);
}
