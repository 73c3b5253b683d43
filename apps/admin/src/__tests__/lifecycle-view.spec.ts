import { describe, expect, it } from '@jest/globals';
import { funnelBars, lifecycleNotificationText, pullingReasons, reasonText } from '../lifecycle-view';
import { notificationText } from '../tier-view';
import { translate } from '../i18n/translate';
import type { HealthReason } from '@crm/contracts';

const reason = (component: HealthReason['component'], facts: Record<string, number>, impact = 10): HealthReason => ({ component, score: 50, weight: 0.2, impact, facts });

describe('reasonText', () => {
  const zh = (r: HealthReason) => reasonText(r, (k, v) => translate('zh-CN', k, v), 'zh-CN');
  const en = (r: HealthReason) => reasonText(r, (k, v) => translate('en-US', k, v), 'en-US');
  it.each([
    [reason('pAlive', { pAlive: 0.42 }), '模型估计仍活跃的概率为 42%', 'The model puts the chance they are still active at 42%'],
    [reason('recency', { daysSinceLastPurchase: 250, usualGapDays: 85, ratio: 2.94 }), '距上次出行 250 天，通常间隔 85 天（2.94 倍）', '250 days since the last trip; they usually travel every 85 days (2.94×)'],
    [reason('interactions', { last90d: 1, expected: 6.4 }), '近 90 天联系 1 次，所在等级应联系 6.4 次', '1 contacts in 90 days; their tier calls for 6.4'],
    [reason('nps', { average: 6.5, answers: 2 }), 'NPS 平均 6.5 分（2 份回答）', 'NPS average 6.5 from 2 answers'],
  ])('phrases %j', (r, zhText, enText) => {
    expect(zh(r)).toBe(zhText);
    expect(en(r)).toBe(enText);
  });
  it('phrases the trend with money and the complaints with every count', () => {
    expect(zh(reason('trend', { tripsLast12m: 1, tripsPrior12m: 2, valueLast12m: 80000, valuePrior12m: 160000 }))).toMatch(/^近 12 个月出行 1 次、销售额 .*800.*；之前 12 个月 2 次、.*1,600/);
    const c = reason('complaints', { total: 2, open: 1, breached: 1, severe: 1, recent: 2, unsatisfied: 1, satisfied: 0 });
    expect(en(c)).toBe('2 complaints in 24 months: 1 open, 1 past SLA, 1 severe, 2 in 90 days, follow-ups 1 unhappy and 0 happy');
    expect(zh(c)).not.toMatch(/\{/);
  });
});

describe('pullingReasons', () => {
  it('keeps the ones that took points off, in order, up to n', () => {
    const rs = [reason('recency', {}, 30), reason('trend', {}, 5), reason('pAlive', {}, 0)];
    expect(pullingReasons(rs, 5).map((r) => r.component)).toEqual(['recency', 'trend']);
    expect(pullingReasons(rs, 1).map((r) => r.component)).toEqual(['recency']);
  });
});

describe('funnelBars', () => {
  it('scales every stage to the largest', () => {
    const bars = funnelBars({ stages: [{ stage: 'prospect', customers: 10 }, { stage: 'new', customers: 5 }, { stage: 'lost', customers: 0 }], unscored: 0 });
    expect(bars.map((b) => b.share)).toEqual([1, 0.5, 0]);
  });
  it('is all zero before any run', () => {
    expect(funnelBars({ stages: [{ stage: 'new', customers: 0 }], unscored: 3 })[0].share).toBe(0);
  });
});

describe('the bell line of a play', () => {
  const n = { kind: 'lifecycle.play', params: { customerName: '王芳', tier: 'A', score: 31, dueOn: '2026-07-04' } };
  it('tells whom to call by when, in both languages', () => {
    expect(notificationText((k, v) => translate('zh-CN', k, v), n)).toBe('A 类客户 王芳 健康度转红（31）：请在 2026-07-04 前致电');
    expect(notificationText((k, v) => translate('en-US', k, v), n)).toBe('A customer 王芳 turned red (31): call by 2026-07-04');
  });
  it('leaves other kinds to the others', () => {
    expect(lifecycleNotificationText((k) => k, { kind: 'touchpoint.task', params: {} })).toBeNull();
  });
});
