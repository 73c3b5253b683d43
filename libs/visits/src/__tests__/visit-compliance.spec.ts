import { DEFAULT_SERVICE } from '@crm/tiering';
import { ComplianceFacts, cadence, complianceOf, countsAsVisit, executiveDue, quarterOf } from '../visit-compliance';

const d = (s: string) => new Date(s);
const none = { any: null, inPerson: null, executive: null };
const facts = (over: Partial<ComplianceFacts>): ComplianceFacts => ({
  tier: 'A', quadrant: 'large_loyal', createdAt: d('2025-01-01T00:00:00Z'), tierChangedAt: d('2026-01-01T00:00:00Z'),
  lastDone: none, nextPlanned: none, lastInteractionAt: null, ...over,
});

describe('cadence', () => {
  const now = d('2026-03-15T00:00:00Z');

  it('nothing required: never overdue', () => {
    expect(cadence(null, null, d('2020-01-01'), null, now)).toMatchObject({ everyDays: null, dueBy: null, overdue: false, daysOverdue: 0 });
  });

  it('due a cadence after the last one', () => {
    const c = cadence(30, d('2026-03-01T00:00:00Z'), d('2025-01-01'), null, now);
    expect(c).toMatchObject({ dueBy: d('2026-03-31T00:00:00Z'), overdue: false, daysOverdue: 0, coveredByPlan: false });
  });

  it('overdue past dueBy, with whole days', () => {
    const c = cadence(30, d('2026-02-01T00:00:00Z'), d('2025-01-01'), null, now);
    expect(c).toMatchObject({ dueBy: d('2026-03-03T00:00:00Z'), overdue: true, daysOverdue: 12 });
  });

  it('exactly at dueBy is not yet overdue', () => {
    expect(cadence(30, d('2026-02-13T00:00:00Z'), d('2025-01-01'), null, now).overdue).toBe(false);
    expect(cadence(30, d('2026-02-12T23:59:59Z'), d('2025-01-01'), null, now).overdue).toBe(true);
  });

  it('never visited: counted from when the requirement started', () => {
    expect(cadence(30, null, d('2026-03-01T00:00:00Z'), null, now)).toMatchObject({ dueBy: d('2026-03-31T00:00:00Z'), overdue: false });
    expect(cadence(30, null, d('2026-01-01T00:00:00Z'), null, now)).toMatchObject({ overdue: true, daysOverdue: 43 });
  });

  it('a plan covers the requirement when it comes by dueBy', () => {
    expect(cadence(30, d('2026-03-01T00:00:00Z'), d('2025-01-01'), d('2026-03-31T00:00:00Z'), now).coveredByPlan).toBe(true);
    expect(cadence(30, d('2026-03-01T00:00:00Z'), d('2025-01-01'), d('2026-03-31T00:00:01Z'), now).coveredByPlan).toBe(false);
  });
});

describe('countsAsVisit', () => {
  it('an in-person tier needs someone there; a phone tier takes any visit; none takes nothing', () => {
    expect(['in_person', 'phone', 'video', 'executive'].filter((k) => countsAsVisit('in_person', k as never))).toEqual(['in_person', 'executive']);
    expect(['in_person', 'phone', 'video', 'executive'].filter((k) => countsAsVisit('phone', k as never))).toEqual(['in_person', 'phone', 'video', 'executive']);
    expect(countsAsVisit('none', 'in_person')).toBe(false);
  });
});

describe('complianceOf', () => {
  const now = d('2026-03-15T00:00:00Z');

  it('an A customer visited by phone only is still overdue for an in-person visit', () => {
    const c = complianceOf(facts({ lastDone: { any: d('2026-03-10T00:00:00Z'), inPerson: d('2026-01-20T00:00:00Z'), executive: null } }), DEFAULT_SERVICE, now);
    expect(c.visitMode).toBe('in_person');
    expect(c.visit).toMatchObject({ everyDays: 30, lastAt: d('2026-01-20T00:00:00Z'), overdue: true, daysOverdue: 24 });
    expect(c.contact).toMatchObject({ everyDays: 14, lastAt: d('2026-03-10T00:00:00Z'), overdue: false });
  });

  it('a C customer (phone mode) is served by a phone visit', () => {
    const c = complianceOf(facts({ tier: 'C', quadrant: 'small_loyal', lastDone: { any: d('2026-03-10T00:00:00Z'), inPerson: null, executive: null } }), DEFAULT_SERVICE, now);
    expect(c.visit).toMatchObject({ everyDays: 90, overdue: false });
    expect(c.executive.everyDays).toBeNull();
  });

  it('D and untiered customers need nothing', () => {
    for (const tier of ['D', null]) {
      const c = complianceOf(facts({ tier }), DEFAULT_SERVICE, now);
      expect([c.visit.overdue, c.contact.overdue, c.executive.overdue]).toEqual([false, false, false]);
      expect(c.visitMode).toBe('none');
    }
  });

  it('the requirement starts at the later of creation and the last tier change', () => {
    const c = complianceOf(facts({ tierChangedAt: d('2026-03-01T00:00:00Z') }), DEFAULT_SERVICE, now);
    expect(c.visit.dueBy).toEqual(d('2026-03-31T00:00:00Z'));
    const untouched = complianceOf(facts({ tierChangedAt: null, createdAt: d('2026-03-10T00:00:00Z') }), DEFAULT_SERVICE, now);
    expect(untouched.visit.dueBy).toEqual(d('2026-04-09T00:00:00Z'));
  });

  it('a logged interaction counts as contact, not as a visit', () => {
    const c = complianceOf(facts({ tierChangedAt: d('2026-01-01T00:00:00Z'), lastInteractionAt: d('2026-03-14T00:00:00Z') }), DEFAULT_SERVICE, now);
    expect(c.contact.overdue).toBe(false);
    expect(c.visit.overdue).toBe(true);
  });

  it('executive visits only for large loyal accounts of a tier that has them', () => {
    expect(complianceOf(facts({}), DEFAULT_SERVICE, now).executive.everyDays).toBe(90);
    expect(complianceOf(facts({ quadrant: 'large_disloyal' }), DEFAULT_SERVICE, now).executive.everyDays).toBeNull();
    expect(complianceOf(facts({ tier: 'B' }), DEFAULT_SERVICE, now).executive.everyDays).toBeNull();
  });

  it('the policy in force decides (an edited cadence)', () => {
    const policy = { ...DEFAULT_SERVICE, A: { ...DEFAULT_SERVICE.A, visitEveryDays: 7 } };
    const c = complianceOf(facts({ lastDone: { any: null, inPerson: d('2026-03-01T00:00:00Z'), executive: null } }), policy, now);
    expect(c.visit).toMatchObject({ everyDays: 7, overdue: true, daysOverdue: 7 });
  });
});

describe('quarters and executive visits', () => {
  it('quarters are local: 1 April 00:30 in Shanghai is already Q2', () => {
    const q = quarterOf(d('2026-03-31T16:30:00Z'), 'Asia/Shanghai');
    expect(q).toEqual({ label: '2026-Q2', from: d('2026-03-31T16:00:00Z'), to: d('2026-06-30T16:00:00Z') });
    expect(quarterOf(d('2026-12-15T00:00:00Z'), 'Asia/Shanghai')).toEqual({ label: '2026-Q4', from: d('2026-09-30T16:00:00Z'), to: d('2026-12-31T16:00:00Z') });
  });

  it('due this quarter when needed before it ends and nothing is planned in time', () => {
    const q = quarterOf(d('2026-02-01T00:00:00Z'), 'Asia/Shanghai');
    const c = (last: string | null, next: string | null) => cadence(90, last ? d(last) : null, d('2025-01-01T00:00:00Z'), next ? d(next) : null, d('2026-02-01T00:00:00Z'));
    expect(executiveDue(c('2025-12-01T00:00:00Z', null), q)).toBe(true); // due 1 March
    expect(executiveDue(c('2026-01-15T00:00:00Z', null), q)).toBe(false); // due mid-April: next quarter
    expect(executiveDue(c('2025-12-01T00:00:00Z', '2026-02-20T00:00:00Z'), q)).toBe(false); // planned in time
    expect(executiveDue(c(null, null), q)).toBe(true); // never: long overdue
    expect(executiveDue(cadence(null, null, d('2025-01-01'), null, d('2026-02-01')), q)).toBe(false);
  });
});
