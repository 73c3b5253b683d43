import { AccessRule, Principal, decideAccess, seesAll } from '../access-rules';

const user = (role: 'admin' | 'manager' | 'account_manager' | 'agent'): Principal => ({ kind: 'user', id: 'u1', email: 'a@b.c', name: 'A', role });
const key = (...scopes: ('bookings:write' | 'customers:read' | 'complaints:write')[]): Principal => ({ kind: 'api_key', id: 'k1', name: 'erp', scopes });

describe('decideAccess', () => {
  const staffOnly: AccessRule = { roles: ['admin', 'manager'] };
  const staffOrReader: AccessRule = { roles: ['admin', 'manager', 'account_manager', 'agent'], scopes: ['customers:read'] };

  it('closes a route that declares no rule, for everyone', () => {
    expect(decideAccess(undefined, null)).toBe('unauthenticated');
    expect(decideAccess(undefined, user('admin'))).toBe('forbidden');
    expect(decideAccess(undefined, key('customers:read'))).toBe('forbidden');
  });

  it('opens a public route to anyone', () => {
    expect(decideAccess({ public: true }, null)).toBe('allow');
  });

  it('asks an anonymous caller to authenticate', () => {
    expect(decideAccess(staffOnly, null)).toBe('unauthenticated');
  });

  it.each([
    ['admin', 'allow'],
    ['manager', 'allow'],
    ['account_manager', 'forbidden'],
    ['agent', 'forbidden'],
  ] as const)('lets %s through a manager-only route: %s', (role, expected) => {
    expect(decideAccess(staffOnly, user(role))).toBe(expected);
  });

  it('lets an API key in only with a listed scope', () => {
    expect(decideAccess(staffOrReader, key('customers:read'))).toBe('allow');
    expect(decideAccess(staffOrReader, key('bookings:write'))).toBe('forbidden');
    expect(decideAccess(staffOrReader, key())).toBe('forbidden');
  });

  it('keeps API keys off staff-only routes whatever their scopes', () => {
    expect(decideAccess(staffOnly, key('customers:read', 'bookings:write', 'complaints:write'))).toBe('forbidden');
  });
});

describe('seesAll', () => {
  it('is true for admins, managers and keys; false for account managers and agents', () => {
    expect(seesAll(user('admin'))).toBe(true);
    expect(seesAll(user('manager'))).toBe(true);
    expect(seesAll(key('customers:read'))).toBe(true);
    expect(seesAll(user('account_manager'))).toBe(false);
    expect(seesAll(user('agent'))).toBe(false);
  });
});
