/**
 * Who owns a customer that a booking system created. The admin chooses the rule: round robin among the
 * active account managers, or one default owner. When the rule cannot be followed (no account manager,
 * or the default owner has left), the next fallback applies, ending at the longest-serving active admin,
 * so a new customer always has an owner.
 */
export const OWNER_RULE_MODES = ['round_robin', 'default_owner'] as const;
export type OwnerRuleMode = (typeof OWNER_RULE_MODES)[number];

export interface OwnerRule {
  mode: OwnerRuleMode;
  defaultOwnerId: string | null;
}

export interface OwnerCandidates {
  /** Active account managers, in a stable order (by id). */
  accountManagers: readonly string[];
  /** Whether the rule's default owner is an active account manager, manager or admin. */
  defaultOwnerActive: boolean;
  /** The longest-serving active admin: the last resort. */
  fallbackAdmin: string | null;
}

/**
 * Owners for `tickets.length` new customers; `tickets` are round-robin counters from a database sequence
 * (so concurrent batches share one rotation without locking each other). Null when nobody can own them.
 */
export function pickOwners(rule: OwnerRule, candidates: OwnerCandidates, tickets: readonly number[]): (string | null)[] {
  const { accountManagers, defaultOwnerActive, fallbackAdmin } = candidates;
  const defaultOwner = rule.defaultOwnerId && defaultOwnerActive ? rule.defaultOwnerId : null;
  return tickets.map((ticket) => {
    if (rule.mode === 'default_owner' && defaultOwner) return defaultOwner;
    if (accountManagers.length) return accountManagers[ticket % accountManagers.length];
    return defaultOwner ?? fallbackAdmin;
  });
}
