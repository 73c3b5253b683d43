import { Principal } from '@crm/identity';
import { canManage, canSee, ownerRestriction } from '../customer-access';

const user = (id: string, role: 'admin' | 'manager' | 'account_manager' | 'agent'): Principal => ({ kind: 'user', id, email: `${id}@x`, name: id, role });

describe('customer permission rules', () => {
  it('restricts account managers to their own customers', () => {
    expect(ownerRestriction(user('am1', 'account_manager'))).toBe('am1');
    expect(canSee(user('am1', 'account_manager'), { ownerId: 'am1' })).toBe(true);
    expect(canSee(user('am1', 'account_manager'), { ownerId: 'am2' })).toBe(false);
  });

  it.each(['admin', 'manager', 'agent'] as const)('lets %s see every customer', (role) => {
    expect(ownerRestriction(user('x', role))).toBeNull();
    expect(canSee(user('x', role), { ownerId: 'someone-else' })).toBe(true);
  });

  it('lets API keys read every customer', () => {
    expect(canSee({ kind: 'api_key', id: 'k', name: 'erp', scopes: ['customers:read'] }, { ownerId: 'am1' })).toBe(true);
  });

  it('keeps reassignment, deletion and restore for admins and managers', () => {
    expect(canManage(user('a', 'admin'))).toBe(true);
    expect(canManage(user('m', 'manager'))).toBe(true);
    expect(canManage(user('am', 'account_manager'))).toBe(false);
    expect(canManage(user('ag', 'agent'))).toBe(false);
    expect(canManage({ kind: 'api_key', id: 'k', name: 'erp', scopes: ['customers:read'] })).toBe(false);
  });
});
