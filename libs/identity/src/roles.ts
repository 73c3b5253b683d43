export const ROLES = ['admin', 'manager', 'account_manager', 'agent'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that see every customer; the others see only what they own or are assigned. */
export const SEES_ALL: readonly Role[] = ['admin', 'manager'];

export const SCOPES = ['bookings:write', 'customers:read', 'complaints:write'] as const;
export type Scope = (typeof SCOPES)[number];
