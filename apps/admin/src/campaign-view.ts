import type { Campaign, GroupFigures } from './data/campaigns';
import type { Translate } from './i18n/i18n';

/** "短信 → 邮件": the channels in the order they are tried. */
export const channelList = (c: Pick<Campaign, 'channels'>, t: Translate): string => c.channels.map((ch) => t(`messageChannel.${ch}`)).join(' → ');

export const quietHoursText = (c: Pick<Campaign, 'quietStart' | 'quietEnd'>, t: Translate): string =>
  c.quietStart && c.quietEnd ? `${c.quietStart}–${c.quietEnd}` : t('campaigns.noQuiet');

/** Bar heights 0..1 for the treated and control conversion rates, against the larger of the two. */
export function conversionBars(treated: GroupFigures, control: GroupFigures): { treated: number; control: number } {
  const max = Math.max(treated.conversionRate ?? 0, control.conversionRate ?? 0);
  return max > 0 ? { treated: (treated.conversionRate ?? 0) / max, control: (control.conversionRate ?? 0) / max } : { treated: 0, control: 0 };
}
