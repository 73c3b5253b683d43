/**
 * When an outgoing message is tried again, and when it is given up: pure, with time as an argument.
 *
 * Delivery is at most once. A sender claims a message (attempts + 1, claimed_at) in a committed write before it
 * hands the message to the server and marks it sent after; a sender that dies in between leaves a claim that
 * outlives CLAIM_LEASE_MS, and such a message is marked failed ("may have been delivered"), never sent again on
 * its own: a staff alert that might arrive twice is worse than one an admin re-sends from the console after a
 * look. A refusal by the server (an SMTP reply) or a connection that could not be made is not an unknown
 * outcome, so those are retried with backoff. One gap remains: nodemailer reports a connection lost while waiting
 * for the server's reply to the message like one that was never made, so that rare case is retried and may repeat
 * the message (with the same Message-ID, which mail systems use to drop duplicates).
 */
export const MAX_ATTEMPTS = 6;
export const CLAIM_LEASE_MS = 10 * 60_000;
const FIRST_RETRY_MS = 60_000;
const MAX_RETRY_MS = 60 * 60_000;

/** What a sender reports of a failed send (nodemailer's error fields). */
export interface SendFailure {
  message: string;
  code?: string;
  responseCode?: number;
}

export type AfterFailure = { status: 'pending'; nextAttemptAt: Date } | { status: 'failed' };

/** The wait before attempt n + 1 after n attempts: 1, 2, 4, 8 … minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

/** A permanent refusal (5xx but 503, or an address the client itself rejects) is not worth another try. */
export function isPermanent(f: SendFailure): boolean {
  if (f.responseCode) return f.responseCode >= 500 && f.responseCode !== 503;
  return f.code === 'EENVELOPE';
}

/** After the `attempts`-th attempt failed at `now`: try again later, or give up. */
export function afterFailure(attempts: number, f: SendFailure, now: Date): AfterFailure {
  if (isPermanent(f) || attempts >= MAX_ATTEMPTS) return { status: 'failed' };
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) };
}

/** Claims taken before this moment are stale: their sender is gone. */
export const staleClaimsBefore = (now: Date) => new Date(now.getTime() - CLAIM_LEASE_MS);
