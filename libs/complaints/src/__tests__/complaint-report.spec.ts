import type { Principal } from '@crm/identity';
import { reportRangeProblems, reportScope, reportWindow, shareMet, weekOf, weekStarts } from '../complaint-report';
import { toCompensationTotals, toComplaintReport } from '../complaint-report.mapper';
import type { CompensationRow, SlaFigureRow } from '../complaint-report.repository';

describe('reportRangeProblems', () => {
  it.each([
    ['2026-01-01', '2026-03-31', []],
    ['2026-03-02', '2026-03-02', []],
    ['2025-01-01', '2025-12-31', []],
    ['2024-01-01', '2024-12-31', []], // a leap year: 366 days, the most allowed
    ['2025-01-01', '2026-01-01', []], // 366 days
    ['2025-01-01', '2026-01-02', ['to']],
    ['2026-03-02', '2026-03-01', ['to']],
    ['2026-02-30', '2026-03-01', ['from']],
    ['yesterday', 'today', ['from', 'to']],
    ['2026-03-01', '2026-3-31', ['to']],
  ])('%s … %s → %j', (from, to, want) => expect(reportRangeProblems(from, to).map((p) => p.field)).toEqual(want));
});

describe('reportWindow', () => {
  it('runs from the start of `from` to the start of the day after `to`, agency time', () => {
    const w = reportWindow('2026-03-01', '2026-03-31', 'Asia/Shanghai');
    expect([w.start.toISOString(), w.end.toISOString()]).toEqual(['2026-02-28T16:00:00.000Z', '2026-03-31T16:00:00.000Z']);
  });
  it('honours a daylight-saving change inside the range', () => {
    const w = reportWindow('2026-03-28', '2026-03-29', 'Europe/Berlin');
    expect([w.start.toISOString(), w.end.toISOString()]).toEqual(['2026-03-27T23:00:00.000Z', '2026-03-29T22:00:00.000Z']);
  });
});

describe('weeks', () => {
  it.each([
    ['2026-03-02', '2026-03-02'], ['2026-03-04', '2026-03-02'], ['2026-03-08', '2026-03-02'], ['2026-03-09', '2026-03-09'], ['2026-01-01', '2025-12-29'],
  ])('%s is in the week of Monday %s', (day, monday) => expect(weekOf(day)).toBe(monday));

  it('lists every week the range touches, the partial first and last ones too', () => {
    expect(weekStarts('2026-03-04', '2026-03-23')).toEqual(['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23']);
    expect(weekStarts('2026-03-02', '2026-03-08')).toEqual(['2026-03-02']);
    expect(weekStarts('2025-12-31', '2026-01-05')).toEqual(['2025-12-29', '2026-01-05']);
  });
});

describe('shareMet', () => {
  it.each([[0, 0, null], [0, 4, 0], [3, 4, 0.75], [4, 4, 1]])('%i of %i → %s', (met, decided, want) => expect(shareMet(met, decided)).toBe(want));
});

describe('reportScope', () => {
  const user = (role: string) => ({ kind: 'user', id: 'u1', email: 'x@y', name: 'x', role }) as Principal;
  it('managers and admins see the whole desk, account managers their customers, agents their own complaints', () => {
    expect(reportScope(user('admin'))).toEqual({ all: true });
    expect(reportScope(user('manager'))).toEqual({ all: true });
    expect(reportScope(user('account_manager'))).toEqual({ customerOwnerId: 'u1' });
    expect(reportScope(user('agent'))).toEqual({ complaintOwnerId: 'u1' });
  });
});

const row = (by: SlaFigureRow['by'], key: string | null, targets: number, met: number, extra: Partial<SlaFigureRow> = {}): SlaFigureRow => ({
  by, key, agentName: null, complaints: 1, targets, met, missed: targets - met, pending: 0, medianMinutes: null, p90Minutes: null, ...extra,
});
const comp = (by: CompensationRow['by'], key: string | null, refunds: number, vouchers = 0, others = 0, customerName: string | null = null): CompensationRow => ({
  by, key, customerName, complaints: 1, refunds, vouchers, others,
});

describe('toComplaintReport', () => {
  const report = toComplaintReport(
    [
      row('metric', 'resolution', 2, 1, { medianMinutes: 600, p90Minutes: 1200 }), row('metric', 'initial_solution', 4, 3, { medianMinutes: 45, p90Minutes: 110.5 }),
      row('severity', 'major', 1, 0), row('severity', 'ordinary', 5, 4),
      row('tier', null, 1, 1), row('tier', 'B', 2, 1), row('tier', 'A', 3, 2),
      row('agent', 'a1', 2, 2, { agentName: '张伟' }), row('agent', 'a2', 4, 2, { agentName: '李娜' }),
      row('week', '2026-03-09', 6, 4), row('overall', null, 6, 4, { complaints: 3, pending: 2 }),
    ],
    [comp('overall', null, 0)],
    { from: '2026-03-02', to: '2026-03-22', timeZone: 'Asia/Shanghai', scope: 'all' },
  );

  it('orders metrics and severities as the product does, tiers A to D then none, agents by targets', () => {
    expect(report.byMetric.map((m) => [m.metric, m.share, m.medianMinutes, m.p90Minutes])).toEqual([['initial_solution', 0.75, 45, 110.5], ['resolution', 0.5, 600, 1200]]);
    expect(report.bySeverity.map((s) => s.severity)).toEqual(['ordinary', 'major']);
    expect(report.byTier.map((t) => t.tier)).toEqual(['A', 'B', null]);
    expect(report.byAgent.map((a) => a.agentName)).toEqual(['李娜', '张伟']);
  });

  it('shows every week of the range, those without decided targets empty', () => {
    expect(report.byWeek.map((w) => [w.week, w.targets, w.share])).toEqual([['2026-03-02', 0, null], ['2026-03-09', 6, 4 / 6], ['2026-03-16', 0, null]]);
  });

  it('carries the overall figures and the number of complaints', () => {
    expect(report.complaints).toBe(3);
    expect(report.overall).toEqual({ targets: 6, met: 4, missed: 2, pending: 2, share: 4 / 6 });
  });

  it('is all zeros when nothing was received', () => {
    const empty = toComplaintReport([], [], { from: '2026-03-02', to: '2026-03-08', timeZone: 'Asia/Shanghai', scope: 'own' });
    expect(empty).toMatchObject({ complaints: 0, overall: { targets: 0, share: null }, byMetric: [], byAgent: [], byWeek: [{ week: '2026-03-02', targets: 0 }] });
    expect(empty.compensation.total).toEqual({ complaints: 0, refunds: 0, vouchers: 0, others: 0 });
  });
});

describe('toCompensationTotals', () => {
  it('lists months oldest first and the customers given the most, refunds before vouchers before other kinds', () => {
    const totals = toCompensationTotals([
      comp('month', '2026-03', 5000, 1), comp('month', '2026-01', 0, 2),
      comp('customer', 'c1', 0, 3, 0, '王芳'), comp('customer', 'c2', 5000, 0, 0, '李雷'), comp('customer', 'c3', 0, 3, 1, '赵敏'),
      comp('overall', null, 5000, 3, 1),
    ]);
    expect(totals.months.map((m) => m.month)).toEqual(['2026-01', '2026-03']);
    expect(totals.customers.map((c) => c.customerName)).toEqual(['李雷', '赵敏', '王芳']);
    expect(totals.total).toEqual({ complaints: 1, refunds: 5000, vouchers: 3, others: 1 });
    expect(totals.currency).toBe('CNY');
  });

  it('names at most ten customers', () => {
    const many = Array.from({ length: 14 }, (_, i) => comp('customer', `c${i}`, i * 100, 0, 0, `客户${i}`));
    expect(toCompensationTotals(many).customers.map((c) => c.customerId)).toEqual(['c13', 'c12', 'c11', 'c10', 'c9', 'c8', 'c7', 'c6', 'c5', 'c4']);
  });
});
