import fc from 'fast-check';
import { FailureRecord, LockoutPolicy, afterFailure, isSpent, lockedFor } from '../login-throttle';

const MIN = 60_000;
const policy: LockoutPolicy = { maxFailures: 5, windowMs: 15 * MIN, lockoutMs: 15 * MIN };
const failures = (times: number[], p = policy) => times.reduce<FailureRecord | undefined>((r, at) => afterFailure(r, at, p), undefined);

describe('login lockout', () => {
  it('locks at the fifth failure within the window, for the lockout, with Retry-After in whole seconds', () => {
    expect(lockedFor(failures([0, 1, 2, 3]), 4)).toBe(0);
    const locked = failures([0, 1000, 2000, 3000, 4000])!;
    expect(locked.lockedUntil).toBe(4000 + 15 * MIN);
    expect(lockedFor(locked, 4000)).toBe(900);
    expect(lockedFor(locked, 4000 + 15 * MIN - 1)).toBe(1);
    expect(lockedFor(locked, 4000 + 15 * MIN)).toBe(0);
  });

  it('forgets failures older than the window', () => {
    const r = failures([0, 1, 2, 3, 15 * MIN + 10]);
    expect(r).toEqual({ failures: 1, since: 15 * MIN + 10, lockedUntil: 0 });
  });

  it('needs as many failures again after a lock ends', () => {
    const afterLock = 20 * MIN;
    expect(lockedFor(failures([0, 1, 2, 3, 4, afterLock, afterLock + 1, afterLock + 2, afterLock + 3]), afterLock + 4)).toBe(0);
    expect(lockedFor(failures([0, 1, 2, 3, 4, afterLock, afterLock + 1, afterLock + 2, afterLock + 3, afterLock + 4]), afterLock + 5)).toBe(900);
  });

  it('a clock stepping backwards starts a fresh count rather than locking', () => {
    expect(failures([10 * MIN, 10 * MIN, 10 * MIN, 10 * MIN, 0])).toEqual({ failures: 1, since: 0, lockedUntil: 0 });
  });

  it('bounds guessing: fewer than 2 × maxFailures attempts in any window, the count being per fixed window (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 * MIN }), { maxLength: 60 }).map((a) => a.sort((x, y) => x - y)), fc.integer({ min: 1, max: 8 }), (times, max) => {
        const p = { ...policy, maxFailures: max };
        let r: FailureRecord | undefined;
        const tried: number[] = [];
        for (const at of times) {
          if (lockedFor(r, at) > 0) continue; // refused before the password is checked
          tried.push(at);
          r = afterFailure(r, at, p);
        }
        // Counting restarts with each fixed window, so a window straddling two holds at most max − 1 + max attempts.
        return tried.every((start) => tried.filter((t) => t >= start && t < start + p.windowMs).length <= 2 * max - 1);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('a record is spent once unlocked and its failures are out of the window', () => {
    expect(isSpent(failures([0])!, 1, policy)).toBe(false);
    expect(isSpent(failures([0])!, 15 * MIN, policy)).toBe(true);
    expect(isSpent(failures([0, 1, 2, 3, 4])!, 15 * MIN, policy)).toBe(false);
    expect(isSpent(failures([0, 1, 2, 3, 4])!, 15 * MIN + 4, policy)).toBe(true);
  });
});
