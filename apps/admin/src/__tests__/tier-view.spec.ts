import { describe, expect, it } from '@jest/globals';
import { translate, type Lang } from '../i18n/translate';
import { changedRules, changePercent, formatDuration, moveMatrix, notificationText, paretoCrossing, paretoPoints, runDuration, tierFiltersFromParams, tierShares } from '../tier-view';

const RULES = {
  salesWindowMonths: 12,
  aSharePercent: 50,
  bSharePercent: 80,
  lateMinCount: 2,
  lateMinSharePercent: 50,
  loyaltyMinBookings: 2,
  loyaltyWindowMonths: 24,
  loyaltyRecentMonths: 12,
  signalWindowMonths: 6,
  decliningDropPercent: 33.33,
  risingFactor: 2,
};

describe('tierFiltersFromParams', () => {
  it('keeps known tiers, quadrants and flags and drops the rest', () => {
    expect(tierFiltersFromParams(new URLSearchParams('tier=B&quadrant=large_loyal&tierFlag=declining'))).toEqual({ tier: 'B', quadrant: 'large_loyal', tierFlag: 'declining' });
    expect(tierFiltersFromParams(new URLSearchParams('tier=E&quadrant=huge&tierFlag='))).toEqual({ tier: undefined, quadrant: undefined, tierFlag: undefined });
  });
});

describe('tierShares', () => {
  it('lists A to D and the untiered, with each share of all sales', () => {
    const shares = tierShares([
      { tier: 'A', customers: 2, sales: 600 },
      { tier: 'C', customers: 5, sales: 400 },
      { tier: null, customers: 9, sales: 0 },
    ]);
    expect(shares.map((s) => [s.tier, s.customers, s.share])).toEqual([
      ['A', 2, 0.6],
      ['B', 0, 0],
      ['C', 5, 0.4],
      ['D', 0, 0],
      [null, 9, 0],
    ]);
  });

  it('has no shares without sales', () => {
    expect(tierShares([]).every((s) => s.share === 0 && s.customers === 0)).toBe(true);
  });
});

describe('paretoPoints and paretoCrossing', () => {
  it('starts at the origin and scales the buckets to percent of customers', () => {
    // Four customers with sales: ntile gives buckets 1..4.
    const points = paretoPoints([
      { percentile: 1, cumulativeSharePercent: 55 },
      { percentile: 2, cumulativeSharePercent: 80 },
      { percentile: 3, cumulativeSharePercent: 95 },
      { percentile: 4, cumulativeSharePercent: 100 },
    ]);
    expect(points).toEqual([
      { x: 0, y: 0 },
      { x: 25, y: 55 },
      { x: 50, y: 80 },
      { x: 75, y: 95 },
      { x: 100, y: 100 },
    ]);
    expect(paretoCrossing(points, 50)).toBe(25);
    expect(paretoCrossing(points, 80)).toBe(50);
    expect(paretoCrossing([{ x: 0, y: 0 }], 50)).toBeNull();
  });

  it('is empty before the first run', () => {
    expect(paretoPoints([])).toEqual([]);
  });
});

describe('moveMatrix', () => {
  it('tabulates the moves and counts only the customers that change tier', () => {
    const m = moveMatrix([
      { from: 'A', to: 'A', customers: 10 },
      { from: 'A', to: 'B', customers: 3 },
      { from: 'B', to: 'B', customers: 20 },
      { from: null, to: null, customers: 7 },
    ]);
    expect(m.tiers).toEqual(['A', 'B', null]);
    expect(m.count('A', 'B')).toBe(3);
    expect(m.count('B', 'A')).toBe(0);
    expect(m.count(null, null)).toBe(7);
    expect(m.moved).toBe(3);
  });
});

describe('runs', () => {
  it('knows a run’s duration only once it finished', () => {
    expect(runDuration({ startedAt: '2026-01-01T02:00:00.000Z', finishedAt: '2026-01-01T02:00:01.500Z' })).toBe(1500);
    expect(runDuration({ startedAt: '2026-01-01T02:00:00.000Z', finishedAt: null })).toBeNull();
  });

  it('formats durations from milliseconds to minutes', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(12_440)).toBe('12.4 s');
    expect(formatDuration(185_000)).toBe('3 min 5 s');
  });
});

describe('changedRules and changePercent', () => {
  it('names the rules a version changed', () => {
    expect(changedRules(RULES, { ...RULES, aSharePercent: 45 })).toEqual(['aSharePercent']);
    expect(changedRules(undefined, RULES)).toEqual([]);
  });

  it('gives the change of recent against prior in percent, or nothing without a prior', () => {
    expect(changePercent(60, 100)).toBe(-40);
    expect(changePercent(300, 100)).toBe(200);
    expect(changePercent(5, 0)).toBeNull();
  });
});

describe('notificationText', () => {
  const text = (lang: Lang, params: Record<string, unknown>) => notificationText((k, v) => translate(lang, k, v), { kind: 'tier.changed', params });

  it('says who moved where, in both languages', () => {
    expect(text('zh-CN', { customerName: '张伟', fromTier: 'B', toTier: 'A', addedFlags: [] })).toBe('张伟 从 B 升到 A');
    expect(text('en-US', { customerName: 'Zhang Wei', fromTier: 'B', toTier: 'A', addedFlags: [] })).toBe('Zhang Wei moved B → A');
    expect(text('zh-CN', { customerName: '张伟', fromTier: 'A', toTier: 'D', addedFlags: [] })).toBe('张伟 从 A 降到 D');
    expect(text('zh-CN', { customerName: '王芳', fromTier: null, toTier: 'C', addedFlags: [] })).toBe('王芳 被评为 C');
    expect(text('en-US', { customerName: 'Wang Fang', fromTier: 'C', toTier: null, addedFlags: [] })).toBe('Wang Fang has no tier any more (was C)');
  });

  it('says which flags were added, alone or with a move', () => {
    expect(text('zh-CN', { customerName: '李娜', fromTier: 'B', toTier: 'B', addedFlags: ['declining'] })).toBe('李娜 被标记为 下滑');
    expect(text('en-US', { customerName: 'Li Na', fromTier: 'B', toTier: 'B', addedFlags: ['declining'] })).toBe('Li Na flagged declining');
    expect(text('zh-CN', { customerName: '张伟', fromTier: 'C', toTier: 'A', addedFlags: ['creditRisk', 'unknown'] })).toBe('张伟 从 C 升到 A，被标记为 信用风险');
  });

  it('still says something for a change of quadrant only, and for other kinds', () => {
    expect(text('en-US', { customerName: 'Li Na', fromTier: 'B', toTier: 'B', addedFlags: [] })).toBe("Li Na's tiering changed");
    expect(notificationText((k, v) => translate('zh-CN', k, v), { kind: 'other', params: {} })).toBe('新通知');
  });
});
