import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The customer's survey link carries `<surveyId>.<expiry in unix seconds>.<HMAC-SHA256 of both>` (base64url): it
 * needs no login and cannot be made up or altered without the secret. Pure: the secret and the moment are arguments.
 */
export type TokenCheck = { ok: true; surveyId: string; expiresAt: Date } | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const mac = (payload: string, secret: string) => createHmac('sha256', secret).update(payload).digest('base64url');

export function signSurveyToken(surveyId: string, expiresAt: Date, secret: string): string {
  const payload = `${surveyId}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${payload}.${mac(payload, secret)}`;
}

export function verifySurveyToken(token: string, secret: string, now: Date): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3 || !UUID.test(parts[0]) || !/^\d{1,12}$/.test(parts[1]) || !/^[\w-]{43}$/.test(parts[2])) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(mac(`${parts[0]}.${parts[1]}`, secret));
  const given = Buffer.from(parts[2]);
  if (!timingSafeEqual(expected, given)) return { ok: false, reason: 'bad_signature' };
  const expiresAt = new Date(Number(parts[1]) * 1000);
  if (now >= expiresAt) return { ok: false, reason: 'expired' };
  return { ok: true, surveyId: parts[0], expiresAt };
}
