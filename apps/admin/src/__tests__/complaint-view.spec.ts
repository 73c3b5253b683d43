import { describe, expect, it } from '@jest/globals';
import type { ComplaintSlaClock } from '@crm/contracts';
import {
  allowedSteps, clockCountdown, complaintFiltersFromParams, complaintNotificationText, countdownText, currentClock, durationText, standardRemedy,
} from '../complaint-view';
import { translate, type Lang, type MessageKey } from '../i18n/translate';
import { notificationText } from '../tier-view';

const NOW = Date.parse('2026-03-02T12:00:00Z');
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();
/** The default targets in minutes: a running clock as the API sends it warns 80 % into its target, on calendar time. */
const TARGETS: Record<ComplaintSlaClock['metric'], number> = { emergency_team: 30, customer_update: 120, initial_solution: 120, resolution: 72 * 60 };
const clock = (metric: ComplaintSlaClock['metric'], dueIn: number | null, state: ComplaintSlaClock['state'] = 'running', metAt: string | null = null): ComplaintSlaClock => ({
  metric,
  dueAt: dueIn === null ? null : at(dueIn),
  warnAt: dueIn === null || metAt ? null : at(dueIn - TARGETS[metric] * 0.2),
  state,
  metAt,
});
const tr = (lang: Lang) => (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars);
const zh = tr('zh-CN');
const en = tr('en-US');

describe('currentClock', () => {
  it('is the unmet clock due soonest, breached ones included', () => {
    const sla = [clock('emergency_team', 25), clock('customer_update', 115), clock('resolution', 1435)];
    expect(currentClock(sla)?.metric).toBe('emergency_team');
    expect(currentClock([clock('emergency_team', -10, 'breached'), clock('resolution', 100)])?.metric).toBe('emergency_team');
  });
  it('skips met clocks, then falls back to a paused one, then a met one', () => {
    expect(currentClock([clock('emergency_team', 25, 'met', at(-5)), clock('resolution', 1000)])?.metric).toBe('resolution');
    expect(currentClock([clock('initial_solution', 10, 'met', at(-5)), clock('resolution', null, 'paused')])?.state).toBe('paused');
    expect(currentClock([clock('initial_solution', 10, 'met', at(-5))])?.state).toBe('met');
    expect(currentClock([])).toBeNull();
  });
});

describe('clockCountdown and countdownText', () => {
  it('counts whole minutes left, and amber once 80 % of the target is used', () => {
    // Major emergency team: 30 minutes, warning from minute 24 (6 left).
    const fresh = clockCountdown(clock('emergency_team', 25), NOW);
    expect(fresh).toEqual({ state: 'ok', metric: 'emergency_team', minutes: 25 });
    expect(countdownText(zh, fresh)).toBe('剩余 25 分钟');
    expect(countdownText(en, fresh)).toBe('25 min left');
    expect(clockCountdown(clock('emergency_team', 6), NOW).state).toBe('warning');
    expect(clockCountdown(clock('emergency_team', 7), NOW).state).toBe('ok');
    // Ordinary initial solution: 120 minutes, warning at 24 left.
    expect(clockCountdown(clock('initial_solution', 24), NOW).state).toBe('warning');
    expect(clockCountdown(clock('initial_solution', 25), NOW).state).toBe('ok');
  });
  it('warns at the warnAt the API computed: on business hours, long before the last fifth of the wall-clock time', () => {
    // Due tomorrow 10:00 after a night the desk is closed; 80 % of the two open hours was used up yesterday evening.
    const overnight = { ...clock('initial_solution', 14 * 60), warnAt: at(-30) };
    expect(clockCountdown(overnight, NOW)).toEqual({ state: 'warning', metric: 'initial_solution', minutes: 14 * 60 });
    expect(clockCountdown({ ...overnight, warnAt: at(1) }, NOW).state).toBe('ok');
  });
  it('rounds a part-minute up while running and counts overdue minutes once past due', () => {
    const almost = clockCountdown({ ...clock('emergency_team', 0), dueAt: new Date(NOW + 30_000).toISOString() }, NOW);
    expect(almost.minutes).toBe(1);
    const late = clockCountdown(clock('emergency_team', -10, 'breached'), NOW);
    expect(late).toEqual({ state: 'breached', metric: 'emergency_team', minutes: -10 });
    expect(countdownText(zh, late)).toBe('超时 10 分钟');
    expect(countdownText(en, late)).toBe('overdue 10 min');
    // Past due but the job has not marked it yet: still red.
    expect(clockCountdown(clock('resolution', -1), NOW).state).toBe('breached');
  });
  it('says paused, met, met late and nothing', () => {
    expect(countdownText(zh, clockCountdown(clock('resolution', null, 'paused'), NOW))).toBe('已暂停');
    expect(countdownText(en, clockCountdown(clock('initial_solution', 10, 'met', at(-3)), NOW))).toBe('met');
    expect(countdownText(en, clockCountdown(clock('initial_solution', -10, 'breached', at(-3)), NOW))).toBe('met late');
    expect(countdownText(en, clockCountdown(null, NOW))).toBe('—');
  });
});

describe('durationText', () => {
  it('uses minutes, hours and minutes, then days and hours', () => {
    expect(durationText(zh, 59)).toBe('59 分钟');
    expect(durationText(zh, 120)).toBe('2 小时');
    expect(durationText(zh, 125)).toBe('2 小时 5 分钟');
    expect(durationText(en, -125)).toBe('2 h 5 min');
    expect(durationText(en, 47 * 60 + 59)).toBe('47 h 59 min');
    expect(durationText(en, 72 * 60)).toBe('3 d');
    expect(durationText(zh, 50 * 60 + 30)).toBe('2 天 2 小时');
  });
});

describe('allowedSteps', () => {
  it('offers only what the state machine allows', () => {
    expect(allowedSteps('received', 'major')).toEqual(['team_assembled', 'acknowledged', 'solution_proposed', 'customer_update']);
    expect(allowedSteps('received', 'ordinary')).not.toContain('team_assembled');
    expect(allowedSteps('solution_proposed', 'ordinary')).toEqual(['waiting_on_customer', 'customer_update']);
    expect(allowedSteps('waiting_on_customer', 'major')).toContain('customer_replied');
    expect(allowedSteps('resolved', 'major')).toEqual(['closed', 'reopened']);
    expect(allowedSteps('closed', 'ordinary')).toEqual(['reopened']);
    for (const s of ['received', 'acknowledged', 'solution_proposed', 'waiting_on_customer'] as const) expect(allowedSteps(s, 'major')).not.toContain('closed');
  });
});

describe('complaintFiltersFromParams', () => {
  it('keeps known values and drops the rest', () => {
    const id = '3f1e5a9c-2b7d-4c8e-9a1f-0123456789ab';
    expect(complaintFiltersFromParams(new URLSearchParams(`open=true&priority=P1&severity=major&category=guide&status=received&ownerId=${id}&teamId=${id}`))).toEqual({
      open: 'true', priority: 'P1', severity: 'major', category: 'guide', status: 'received', ownerId: id, teamId: id,
    });
    expect(complaintFiltersFromParams(new URLSearchParams('open=yes&priority=P9&category=spa&ownerId=me&teamId=mine'))).toEqual({
      open: undefined, priority: undefined, severity: undefined, category: undefined, status: undefined, ownerId: undefined, teamId: undefined,
    });
  });
});

describe('standardRemedy', () => {
  it('proposes apology, 10 % back (when the booking is known) and a 20 % voucher for a year on a service failure', () => {
    expect(standardRemedy('service_failure', true, '2026-03-02').map((r) => r.kind)).toEqual(['apology', 'refund', 'voucher']);
    const [, voucher] = standardRemedy('service_failure', false, '2026-03-02');
    expect(translate('zh-CN', voucher.key, voucher.vars)).toBe('下次出行 20% 折扣券（2027-03-02 前有效）');
    const [, , leap] = standardRemedy('service_failure', true, '2028-02-29');
    expect(leap.vars).toEqual({ percent: 20, expiresOn: '2029-02-28' });
  });
  it('proposes empathy and an alternative for force majeure, an apology otherwise', () => {
    expect(standardRemedy('force_majeure', true, '2026-03-02').map((r) => r.kind)).toEqual(['apology', 'alternative_arrangement']);
    expect(standardRemedy('customer', true, '2026-03-02').map((r) => r.kind)).toEqual(['apology']);
  });
});

describe('complaint notifications', () => {
  const n = (kind: string) => ({ kind, params: { metric: 'emergency_team', priority: 'P1', customerName: '王芳' } });
  it('renders the sla-watch kinds in both languages, in the bell too', () => {
    expect(complaintNotificationText(zh, n('complaint.sla_breach'))).toBe('P1 投诉（王芳）的「应急小组」已超时');
    expect(complaintNotificationText(en, n('complaint.sla_warning'))).toBe('P1 complaint (王芳): Emergency team is nearly due');
    expect(notificationText(en, n('complaint.sla_escalation'))).toBe('P1 complaint (王芳): Emergency team still overdue, escalated');
    expect(complaintNotificationText(en, n('complaint.other'))).toBeNull();
    expect(notificationText(en, n('something.else'))).toBe('New notification');
  });
});
