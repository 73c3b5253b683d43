import { addDays, agencyDate, agencyInstant } from '@crm/platform';

/** A week after closing, the customer is asked whether they are satisfied. */
export const FOLLOW_UP_AFTER_DAYS = 7;
/** The follow-up falls due at the start of that agency day, so it is on the morning's list rather than due at midnight. */
export const FOLLOW_UP_HOUR = 9;

export const FOLLOW_UP_STATUSES = ['pending', 'answered', 'cancelled'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** 09:00 agency time on the seventh agency day after the complaint was closed (daylight-saving changes honoured). */
export function followUpDueAt(closedAt: Date, timeZone: string): Date {
  return agencyInstant(addDays(agencyDate(closedAt, timeZone), FOLLOW_UP_AFTER_DAYS), timeZone, FOLLOW_UP_HOUR * 3_600_000);
}
