/** A token bucket: `tokens` left as of `at` (epoch milliseconds). */
export interface Bucket {
  tokens: number;
  at: number;
}

export interface RateDecision {
  allowed: boolean;
  /** When denied: whole seconds until one token is back (at least 1); 0 when allowed. */
  retryAfterSeconds: number;
  /** The bucket to keep for the next request. */
  state: Bucket;
}

/**
 * Pure token-bucket decision: the bucket refills at `rate` tokens per second up to `burst`, and each
 * request takes one token. A caller without a bucket yet starts full. Time is an argument; a clock that
 * steps backwards refills nothing rather than draining the bucket.
 */
export function takeToken(state: Bucket | undefined, now: number, rate: number, burst: number): RateDecision {
  const tokens = state ? Math.min(burst, state.tokens + (Math.max(0, now - state.at) / 1000) * rate) : burst;
  if (tokens >= 1) return { allowed: true, retryAfterSeconds: 0, state: { tokens: tokens - 1, at: now } };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / rate)), state: { tokens, at: now } };
}
