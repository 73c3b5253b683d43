import { Bucket, takeToken } from '../rate-limit';

/** Sends `n` requests at `now` and returns how many were allowed and the last bucket. */
function burstAt(state: Bucket | undefined, now: number, n: number, rate: number, burst: number) {
  let allowed = 0;
  let retry = 0;
  for (let i = 0; i < n; i++) {
    const d = takeToken(state, now, rate, burst);
    state = d.state;
    if (d.allowed) allowed++;
    else retry = d.retryAfterSeconds;
  }
  return { allowed, retry, state: state! };
}

describe('takeToken (token bucket)', () => {
  it('starts full: a new key may send a whole burst at once, and no more', () => {
    const r = burstAt(undefined, 0, 150, 50, 100);
    expect(r.allowed).toBe(100);
    expect(r.retry).toBe(1);
  });

  it('allows a request and takes one token', () => {
    expect(takeToken(undefined, 1000, 50, 100)).toEqual({ allowed: true, retryAfterSeconds: 0, state: { tokens: 99, at: 1000 } });
  });

  it('refills at the rate: after half a second at 50/s, 25 more requests pass', () => {
    const empty = burstAt(undefined, 0, 100, 50, 100).state;
    expect(burstAt(empty, 500, 30, 50, 100).allowed).toBe(25);
  });

  it('never refills beyond the burst, however long the key was idle', () => {
    const empty = burstAt(undefined, 0, 3, 2, 3).state;
    expect(burstAt(empty, 3_600_000, 10, 2, 3).allowed).toBe(3);
  });

  it('sustains the rate: one request every 1/rate seconds is always allowed', () => {
    let state = burstAt(undefined, 0, 3, 2, 3).state;
    for (let t = 500; t <= 10_000; t += 500) {
      const d = takeToken(state, t, 2, 3);
      expect(d.allowed).toBe(true);
      state = d.state;
    }
  });

  it('does not let denied requests drain the bucket below what time has refilled', () => {
    const empty = burstAt(undefined, 0, 3, 2, 3).state;
    const flooded = burstAt(empty, 100, 1000, 2, 3).state;
    expect(flooded.tokens).toBeCloseTo(0.2);
    expect(takeToken(flooded, 500, 2, 3).allowed).toBe(true);
  });

  it.each([
    // [tokens left, rate, expected Retry-After]
    [0, 2, 1], // half a second away: rounded up to a whole second
    [0.9, 50, 1], // a few milliseconds away: still at least 1
    [0, 1, 1],
    [0, 0.25, 4], // a slow bucket: four seconds for one token
    [0.5, 0.25, 2],
  ])('with %d tokens at %d/s says retry after %d s', (tokens, rate, expected) => {
    const d = takeToken({ tokens, at: 0 }, 0, rate, 10);
    expect(d.allowed).toBe(false);
    expect(d.retryAfterSeconds).toBe(expected);
  });

  it('treats a clock stepping backwards as no time passed', () => {
    const d = takeToken({ tokens: 0.5, at: 10_000 }, 5_000, 2, 3);
    expect(d).toEqual({ allowed: false, retryAfterSeconds: 1, state: { tokens: 0.5, at: 5_000 } });
  });

  it('with a burst of 1 allows exactly one request per 1/rate', () => {
    const first = takeToken(undefined, 0, 1, 1);
    expect(first.allowed).toBe(true);
    expect(takeToken(first.state, 999, 1, 1).allowed).toBe(false);
    expect(takeToken(first.state, 1000, 1, 1).allowed).toBe(true);
  });
});
