/** Failed sign-ins of one account or one IP address, as of epoch milliseconds. */
export interface FailureRecord {
  failures: number;
  /** When the first failure still counted happened. */
  since: number;
  /** Locked until then (epoch ms), or 0. */
  lockedUntil: number;
}

export interface LockoutPolicy {
  /** Failures within `windowMs` that lock the account or address. */
  maxFailures: number;
  windowMs: number;
  lockoutMs: number;
}

/** Whole seconds until a locked record opens again (at least 1); 0 when it is not locked at `now`. */
export function lockedFor(record: FailureRecord | undefined, now: number): number {
  return record && record.lockedUntil > now ? Math.max(1, Math.ceil((record.lockedUntil - now) / 1000)) : 0;
}

/**
 * Pure: the record after one more failure at `now`. Failures older than the window are forgotten; the failure that
 * reaches `maxFailures` locks for `lockoutMs` and starts a fresh count, so the next lock needs as many failures again.
 */
export function afterFailure(record: FailureRecord | undefined, now: number, policy: LockoutPolicy): FailureRecord {
  const fresh = !record || now - record.since >= policy.windowMs || now < record.since;
  const failures = (fresh ? 0 : record.failures) + 1;
  const since = fresh ? now : record.since;
  if (failures >= policy.maxFailures) return { failures: 0, since: now, lockedUntil: now + policy.lockoutMs };
  return { failures, since, lockedUntil: record?.lockedUntil ?? 0 };
}

/** Whether a record can be dropped at `now`: neither locked nor holding failures that still count. */
export function isSpent(record: FailureRecord, now: number, policy: LockoutPolicy): boolean {
  return record.lockedUntil <= now && (record.failures === 0 || now - record.since >= policy.windowMs);
}
