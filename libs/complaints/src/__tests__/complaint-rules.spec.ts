import { EVENT_TYPES, STATUSES, aYearAfter, nextStatus, priorityOf, proposedRemedy } from '../complaint-rules';

describe('priorityOf', () => {
  it.each([
    ['major', 'A', 'P1'], ['major', null, 'P1'], ['major', 'D', 'P1'],
    ['ordinary', 'A', 'P2'], ['ordinary', 'B', 'P3'], ['ordinary', 'C', 'P4'], ['ordinary', 'D', 'P4'], ['ordinary', null, 'P4'],
  ] as const)('%s from tier %s is %s', (severity, tier, want) => expect(priorityOf(severity, tier)).toBe(want));
});

describe('nextStatus', () => {
  it('walks the happy path received → acknowledged → solution proposed ⇄ waiting → resolved → closed', () => {
    const path = ['acknowledged', 'solution_proposed', 'waiting_on_customer', 'customer_replied', 'resolved', 'closed'] as const;
    const seen = path.reduce<string[]>((acc, e) => [...acc, nextStatus(acc[acc.length - 1] as never, e)!], ['received']);
    expect(seen).toEqual(['received', 'acknowledged', 'solution_proposed', 'waiting_on_customer', 'solution_proposed', 'resolved', 'closed']);
  });
  it('reopening returns to acknowledged from resolved or closed, and nowhere else', () => {
    expect(nextStatus('resolved', 'reopened')).toBe('acknowledged');
    expect(nextStatus('closed', 'reopened')).toBe('acknowledged');
    expect(nextStatus('acknowledged', 'reopened')).toBeNull();
  });
  it('assembling the team acknowledges a new complaint; updates keep the status', () => {
    expect(nextStatus('received', 'team_assembled')).toBe('acknowledged');
    expect(nextStatus('solution_proposed', 'customer_update')).toBe('solution_proposed');
  });
  it('nothing happens to a closed complaint but reopening, and intake is never an event', () => {
    for (const e of EVENT_TYPES) expect(nextStatus('closed', e)).toBe(e === 'reopened' ? 'acknowledged' : null);
    for (const s of STATUSES) expect(nextStatus(s, 'received')).toBeNull();
  });
  it('closing needs a resolution first', () => {
    expect(nextStatus('solution_proposed', 'closed')).toBeNull();
    expect(nextStatus('waiting_on_customer', 'resolved')).toBe('resolved');
  });
});

describe('proposedRemedy', () => {
  it('a service failure: apology, 10 % of the booking back, 20 % off the next trip for a year', () => {
    expect(proposedRemedy('service_failure', 1280000, '2026-03-01')).toEqual([
      { kind: 'apology' }, { kind: 'refund', amount: 128000 }, { kind: 'voucher', percent: 20, expiresOn: '2027-03-01' },
    ]);
  });
  it('no booking, no refund', () => {
    expect(proposedRemedy('service_failure', null, '2026-03-01').map((c) => c.kind)).toEqual(['apology', 'voucher']);
  });
  it('force majeure: empathy and an alternative, no refund', () => {
    expect(proposedRemedy('force_majeure', 1280000, '2026-03-01')).toEqual([{ kind: 'apology' }, { kind: 'alternative_arrangement' }]);
  });
  it('third parties and the customer: an apology only', () => {
    expect(proposedRemedy('third_party', 1000, '2026-03-01')).toEqual([{ kind: 'apology' }]);
    expect(proposedRemedy('customer', 1000, '2026-03-01')).toEqual([{ kind: 'apology' }]);
  });
});

describe('aYearAfter', () => {
  it.each([
    ['2026-03-02', '2027-03-02'],
    ['2028-02-29', '2029-02-28'],
    ['2027-02-28', '2028-02-28'],
    ['2026-12-31', '2027-12-31'],
  ])('%s → %s', (day, next) => expect(aYearAfter(day)).toBe(next));
});
