import { Principal } from '@crm/identity';

/**
 * Pure permission rules for customers. Account managers see and change only the customers they own;
 * everyone else on the staff (and API keys with customers:read) sees all. A record outside one's
 * view is answered as "not found", never "forbidden", so ids cannot be probed.
 */
export function ownerRestriction(p: Principal): string | null {
  return p.kind === 'user' && p.role === 'account_manager' ? p.id : null;
}

export function canSee(p: Principal, customer: { ownerId: string }): boolean {
  const only = ownerRestriction(p);
  return only === null || customer.ownerId === only;
}

/** Reassigning owners, deleting and restoring are for admins and managers. */
export function canManage(p: Principal): boolean {
  return p.kind === 'user' && (p.role === 'admin' || p.role === 'manager');
}
