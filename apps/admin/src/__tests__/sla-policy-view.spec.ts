import { describe, expect, it } from '@jest/globals';
import type { SlaPolicy } from '@crm/contracts';
import { translate, type Lang, type MessageKey } from '../i18n/translate';
import { datesBetween, slaFormValues, slaPolicyChanges, withDates } from '../sla-policy-view';

const tr = (lang: Lang) => (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars);
const zh = tr('zh-CN');
const en = tr('en-US');

const DEFAULTS: SlaPolicy = {
  version: 0,
  targets: { ordinary: { initial_solution: 120, resolution: 4320 }, major: { emergency_team: 30, customer_update: 120, resolution: 1440 } },
  tierTargets: {},
  businessHours: { initial_solution: false, emergency_team: false, customer_update: false, resolution: false },
  calendar: { workingDays: [1, 2, 3, 4, 5], opensAt: '09:00', closesAt: '18:00', holidays: [], extraWorkingDays: [] },
  timeZone: 'Asia/Shanghai',
  createdBy: null,
  createdAt: null,
  note: null,
};

describe('slaFormValues', () => {
  it('fills every cell, null where the policy sets no target', () => {
    const form = slaFormValues({ ...DEFAULTS, tierTargets: { A: { ordinary: { initial_solution: 60 } } } });
    expect(form.targets.ordinary).toEqual({ initial_solution: 120, emergency_team: null, customer_update: null, resolution: 4320 });
    expect(form.tierTargets.A.ordinary.initial_solution).toBe(60);
    expect(form.tierTargets.A.major).toEqual({ initial_solution: null, emergency_team: null, customer_update: null, resolution: null });
    expect(Object.keys(form.tierTargets)).toEqual(['A', 'B', 'C', 'D']);
    expect(form.calendar).toEqual(DEFAULTS.calendar);
  });
});

describe('dates', () => {
  it('a range is every day of it, across a month end; a single day is itself; a backwards range is nothing', () => {
    expect(datesBetween('2026-09-29', '2026-10-02')).toEqual(['2026-09-29', '2026-09-30', '2026-10-01', '2026-10-02']);
    expect(datesBetween('2028-02-28', '2028-03-01')).toEqual(['2028-02-28', '2028-02-29', '2028-03-01']);
    expect(datesBetween('2026-10-01', '2026-10-01')).toEqual(['2026-10-01']);
    expect(datesBetween('2026-10-02', '2026-10-01')).toEqual([]);
  });
  it('adding keeps the list sorted with each date once', () => {
    expect(withDates(['2026-10-03', '2026-05-01'], ['2026-10-01', '2026-10-03'])).toEqual(['2026-05-01', '2026-10-01', '2026-10-03']);
  });
});

describe('slaPolicyChanges', () => {
  const after: SlaPolicy = {
    ...DEFAULTS,
    targets: { ...DEFAULTS.targets, ordinary: { initial_solution: 90, resolution: 4320 } },
    tierTargets: { A: { major: { emergency_team: 15 } } },
    businessHours: { ...DEFAULTS.businessHours, initial_solution: true },
    calendar: { workingDays: [1, 2, 3, 4, 5, 6], opensAt: '08:30', closesAt: '18:00', holidays: ['2026-10-01', '2026-10-02'], extraWorkingDays: [] },
  };
  it('says what a version changed, line by line, in Chinese', () => {
    expect(slaPolicyChanges(zh, DEFAULTS, after)).toEqual([
      '所有客户 · 一般 · 初步方案：2 小时 → 1 小时 30 分钟',
      'A 类客户 · 重大 · 应急小组：沿用 → 15 分钟',
      '初步方案：全天 → 营业时间',
      '工作日：周一、周二、周三、周四、周五 → 周一、周二、周三、周四、周五、周六',
      '营业时段：09:00–18:00 → 08:30–18:00',
      '节假日（不上班）：新增 2 天，移除 0 天',
    ]);
  });
  it('and in English; the same policy twice changes nothing', () => {
    expect(slaPolicyChanges(en, after, DEFAULTS)).toContain('Tier A · Major · Emergency team: 15 min → default');
    expect(slaPolicyChanges(en, after, after)).toEqual([]);
  });
});
