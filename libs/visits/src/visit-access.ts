import { Principal } from '@crm/identity';

/**
 * Who sees and plans which visits. Account managers: those of the customers they own (anything else answers
 * 404, as the customers domain does); managers and admins: all, and they alone plan executive visits and see
 * the team's figures.
 */
export function ownerOnly(p: Principal): string | null {
  return p.kind === 'user' && p.role === 'account_manager' ? p.id : null;
}

export function leads(p: Principal): boolean {
  return p.kind === 'user' && (p.role === 'admin' || p.role === 'manager');
}

/** Roles that may hold visits (be a plan's manager, a next step's owner). */
export const VISITOR_ROLES = ['account_manager', 'manager', 'admin'];

/** Routes of the visits feature: service agents handle complaints, not visits. */
export const VISIT_ROLES = ['admin', 'manager', 'account_manager'] as const;
export const LEAD_ROLES = ['admin', 'manager'] as const;
