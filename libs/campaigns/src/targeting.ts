import { createHash } from 'node:crypto';
import type { CampaignChannel } from './campaign.entity';

/**
 * Who of the eligible customers is held out, and which channel a message takes. Pure and deterministic: the
 * same customer lands in the same group of a campaign on every run and every worker.
 */

/** A uniform number in [0, 1) from the pair: the first 32 bits of their SHA-256. */
export function holdoutDraw(campaignId: string, customerId: string): number {
  return createHash('sha256').update(`${campaignId}:${customerId}`).digest().readUInt32BE(0) / 2 ** 32;
}

export const inControlGroup = (campaignId: string, customerId: string, holdoutPercent: number): boolean =>
  holdoutDraw(campaignId, customerId) < holdoutPercent / 100;

export interface Reachability {
  email: string | null;
  phone: string | null;
  consentEmail: boolean;
  consentSms: boolean;
  doNotContact: boolean;
}

/** The campaign's first channel the customer consents to and has an address for; null when none (or do-not-contact). */
export function chooseChannel(preference: readonly CampaignChannel[], c: Reachability): { channel: CampaignChannel; recipient: string } | null {
  if (c.doNotContact) return null;
  for (const channel of preference) {
    if (channel === 'email' && c.consentEmail && c.email) return { channel, recipient: c.email };
    if (channel === 'sms' && c.consentSms && c.phone) return { channel, recipient: c.phone };
  }
  return null;
}
