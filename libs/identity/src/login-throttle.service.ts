import { Inject, Injectable } from '@nestjs/common';
import { CONFIG, Config } from '@crm/platform';
import { FailureRecord, LockoutPolicy, afterFailure, isSpent, lockedFor } from './login-throttle';

/** Beyond this many records, spent ones are dropped before a new one is added (a flood of made-up emails). */
const MAX_RECORDS = 100_000;

export type LockScope = 'account' | 'ip';

/**
 * Failed sign-ins per account (the typed email, known or not, so a lock says nothing about whether it exists) and per
 * IP address. Like the API key buckets it lives in this process's memory: N replicas allow up to N times the failures,
 * and a restart forgets them. A shared store (Redis) is future work.
 */
@Injectable()
export class LoginThrottleService {
  private readonly records = new Map<string, FailureRecord>();
  private readonly policies: Record<LockScope, LockoutPolicy>;

  constructor(@Inject(CONFIG) config: Config) {
    const lockoutMs = config.loginLockoutMinutes * 60_000;
    this.policies = {
      account: { maxFailures: config.loginMaxFailures, windowMs: lockoutMs, lockoutMs },
      ip: { maxFailures: config.loginMaxFailuresPerIp, windowMs: lockoutMs, lockoutMs },
    };
  }

  /** Seconds before this email or address may try again; 0 when both may. */
  retryAfter(email: string, ip: string | null, now: number): number {
    return Math.max(lockedFor(this.records.get(accountKey(email)), now), ip ? lockedFor(this.records.get(`ip:${ip}`), now) : 0);
  }

  /** Counts a failure; returns the scopes this failure locked. */
  failed(email: string, ip: string | null, now: number): LockScope[] {
    const locked: LockScope[] = [];
    for (const [scope, key] of [['account', accountKey(email)], ...(ip ? [['ip', `ip:${ip}`]] : [])] as [LockScope, string][]) {
      const next = afterFailure(this.records.get(key), now, this.policies[scope]);
      if (next.lockedUntil > now && lockedFor(this.records.get(key), now) === 0) locked.push(scope);
      if (!this.records.has(key) && this.records.size >= MAX_RECORDS) this.prune(now);
      this.records.set(key, next);
    }
    return locked;
  }

  /** A successful sign-in clears the account's failures (not the address's: one good account must not reset a guesser). */
  succeeded(email: string): void {
    this.records.delete(accountKey(email));
  }

  private prune(now: number) {
    for (const [key, record] of this.records) {
      if (isSpent(record, now, this.policies[key.startsWith('ip:') ? 'ip' : 'account'])) this.records.delete(key);
    }
    // Still full of live records: forget the oldest (Map keeps insertion order) rather than grow without bound.
    for (const key of this.records.keys()) {
      if (this.records.size < MAX_RECORDS) break;
      this.records.delete(key);
    }
  }
}

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
