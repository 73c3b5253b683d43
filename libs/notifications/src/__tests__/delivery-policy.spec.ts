import { CLAIM_LEASE_MS, MAX_ATTEMPTS, afterFailure, isPermanent, retryDelayMs, staleClaimsBefore } from '../delivery-policy';

const now = new Date('2026-03-02T10:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);
const min = 60_000;

describe('retryDelayMs', () => {
  it.each([
    [1, 1 * min],
    [2, 2 * min],
    [3, 4 * min],
    [4, 8 * min],
    [5, 16 * min],
    [6, 32 * min],
    [7, 60 * min],
    [20, 60 * min],
    [0, 1 * min],
  ])('after %i attempts waits %i ms', (attempts, ms) => {
    expect(retryDelayMs(attempts)).toBe(ms);
  });
});

describe('isPermanent', () => {
  it.each([
    [{ message: 'mailbox unavailable', responseCode: 550 }, true],
    [{ message: 'user unknown', code: 'EENVELOPE', responseCode: 553 }, true],
    [{ message: 'bad address', code: 'EENVELOPE' }, true],
    [{ message: 'bad sequence', responseCode: 503 }, false],
    [{ message: 'try later', responseCode: 421 }, false],
    [{ message: 'greylisted', code: 'EENVELOPE', responseCode: 451 }, false],
    [{ message: 'refused', code: 'ESOCKET' }, false],
    [{ message: 'timeout', code: 'ETIMEDOUT' }, false],
    [{ message: 'closed', code: 'ECONNECTION' }, false],
    [{ message: 'auth', code: 'EAUTH', responseCode: 535 }, true],
    [{ message: 'weird' }, false],
  ])('%j → %s', (failure, permanent) => {
    expect(isPermanent(failure)).toBe(permanent);
  });
});

describe('afterFailure', () => {
  it('retries a transient failure after the backoff', () => {
    expect(afterFailure(1, { message: 'x', responseCode: 451 }, now)).toEqual({ status: 'pending', nextAttemptAt: later(min) });
    expect(afterFailure(3, { message: 'x', code: 'ECONNECTION' }, now)).toEqual({ status: 'pending', nextAttemptAt: later(4 * min) });
  });
  it('gives up on a permanent refusal at once', () => {
    expect(afterFailure(1, { message: 'x', responseCode: 550 }, now)).toEqual({ status: 'failed' });
  });
  it(`gives up after ${MAX_ATTEMPTS} attempts, and not before`, () => {
    expect(afterFailure(MAX_ATTEMPTS - 1, { message: 'x', code: 'ETIMEDOUT' }, now).status).toBe('pending');
    expect(afterFailure(MAX_ATTEMPTS, { message: 'x', code: 'ETIMEDOUT' }, now)).toEqual({ status: 'failed' });
    expect(afterFailure(MAX_ATTEMPTS + 3, { message: 'x', code: 'ETIMEDOUT' }, now)).toEqual({ status: 'failed' });
  });
});

describe('staleClaimsBefore', () => {
  it('is the lease before now', () => {
    expect(staleClaimsBefore(now)).toEqual(later(-CLAIM_LEASE_MS));
  });
});
