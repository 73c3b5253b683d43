import { describe, expect, it } from '@jest/globals';
import { translate } from '../i18n/translate';
import type { Translate } from '../i18n/i18n';
import { notificationText } from '../tier-view';
import { formatNps, formatYearMonth, npsBar, npsTone, shiftMonth, surveyLang, touchpointNotificationText } from '../touchpoint-view';

const zh: Translate = (key, vars) => translate('zh-CN', key, vars);
const en: Translate = (key, vars) => translate('en-US', key, vars);

describe('touch-point notifications', () => {
  const n = (task: string) => ({ kind: 'touchpoint.task', params: { task, customerName: '王芳', dueOn: '2026-05-10' } });
  it('names the task in each language', () => {
    expect(touchpointNotificationText(zh, n('return_call'))).toBe('回程回访电话：王芳（2026-05-10 前）');
    expect(touchpointNotificationText(en, n('birthday_gift'))).toBe('Birthday gift: 王芳 (by 2026-05-10)');
    expect(notificationText(en, n('return_call'))).toBe('Call after the trip: 王芳 (by 2026-05-10)');
  });
  it('leaves other kinds to others', () => expect(touchpointNotificationText(en, { kind: 'visit.overdue', params: {} })).toBeNull());
});

describe('NPS figures', () => {
  it.each([
    [null, 'none'], [-0.1, 'poor'], [-100, 'poor'], [0, 'fair'], [29.9, 'fair'], [30, 'good'], [100, 'good'],
  ] as const)('%s is %s', (nps, tone) => expect(npsTone(nps)).toBe(tone));

  it('shows the sign', () => {
    expect(formatNps(42.5, 'en-US')).toBe('+42.5');
    expect(formatNps(-10, 'zh-CN')).toBe('−10');
    expect(formatNps(0, 'en-US')).toBe('0');
    expect(formatNps(null, 'en-US')).toBe('—');
  });

  it('draws bars above and below the zero line', () => {
    expect(npsBar(50)).toEqual({ up: 0.5, down: 0 });
    expect(npsBar(-25)).toEqual({ up: 0, down: 0.25 });
    expect(npsBar(0)).toEqual({ up: 0, down: 0 });
    expect(npsBar(null)).toEqual({ up: 0, down: 0 });
  });

  it('names months and moves across years', () => {
    expect(formatYearMonth('2026-05', 'en-US')).toBe('May 2026');
    expect(formatYearMonth('2026-05', 'zh-CN')).toBe('2026年5月');
    expect(shiftMonth('2026-03', -11)).toBe('2025-04');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
  });

  it('speaks the survey’s language', () => {
    expect(surveyLang('en')).toBe('en-US');
    expect(surveyLang('zh-CN')).toBe('zh-CN');
  });
});
