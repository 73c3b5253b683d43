import { Role, Scope } from './roles';

/** Who may call a route. A route without a rule is closed. */
export type AccessRule = { public: true } | { roles: readonly Role[]; scopes?: readonly Scope[] };

export type Principal =
  | { kind: 'user'; id: string; email: string; name: string; role: Role }
  | { kind: 'api_key'; id: string; name: string; scopes: readonly Scope[] };

export type AccessDecision = 'allow' | 'unauthenticated' | 'forbidden';

/** Pure decision: staff pass by role, API keys by scope; no rule at all denies. */
export function decideAccess(rule: AccessRule | undefined, principal: Principal | null): AccessDecision {
  if (!rule) return principal ? 'forbidden' : 'unauthenticated';
  if ('public' in rule) return 'allow';
  if (!principal) return 'unauthenticated';
  if (principal.kind === 'user') return rule.roles.includes(principal.role) ? 'allow' : 'forbidden';
  const scopes = rule.scopes ?? [];
  return scopes.some((s) => principal.scopes.includes(s)) ? 'allow' : 'forbidden';
}

/** Whether a user may see every record, or only their own. */
export function seesAll(principal: Principal): boolean {
  return principal.kind === 'api_key' || principal.role === 'admin' || principal.role === 'manager';
}
