import { describe, expect, it } from '@jest/globals';
import { channelList, conversionBars, quietHoursText } from '../campaign-view';
import { translate } from '../i18n/translate';
import type { MessageKey } from '../i18n/i18n';

const zh = (key: MessageKey, vars?: Record<string, string | number>) => translate('zh-CN', key, vars);
const en = (key: MessageKey, vars?: Record<string, string | number>) => translate('en-US', key, vars);
const group = (conversionRate: number | null) => ({ customers: 10, sent: 0, converted: 0, conversionRate, revenue: [] });

describe('campaign view', () => {
  it('lists the channels in the order they are tried', () => {
    expect(channelList({ channels: ['sms', 'email'] }, zh)).toBe('短信 → 邮件');
    expect(channelList({ channels: ['email', 'sms'] }, en)).toBe('E-mail → SMS');
  });

  it('shows quiet hours, or none', () => {
    expect(quietHoursText({ quietStart: '21:00', quietEnd: '09:00' }, zh)).toBe('21:00–09:00');
    expect(quietHoursText({ quietStart: null, quietEnd: null }, zh)).toBe('不限');
    expect(quietHoursText({ quietStart: null, quietEnd: null }, en)).toBe('None');
  });

  it('scales the two bars against the larger rate', () => {
    expect(conversionBars(group(0.2), group(0.1))).toEqual({ treated: 1, control: 0.5 });
    expect(conversionBars(group(0.05), group(0.1))).toEqual({ treated: 0.5, control: 1 });
    expect(conversionBars(group(0), group(0))).toEqual({ treated: 0, control: 0 });
    expect(conversionBars(group(0.1), group(null))).toEqual({ treated: 1, control: 0 });
  });
});
