import { compensationProblems, correctiveActionProblems } from '../complaint-compensation';
import type { Compensation } from '../complaint-rules';

const TODAY = '2026-03-02';
const fields = (list: Compensation[]) => compensationProblems(list, TODAY).map((p) => p.field);

describe('compensationProblems', () => {
  it('accepts the standard remedy and every kind used as meant', () => {
    expect(
      compensationProblems([
        { kind: 'apology' }, { kind: 'refund', amount: 128000 }, { kind: 'voucher', percent: 20, expiresOn: '2027-03-02' }, { kind: 'gift', note: '景区门票两张' },
        { kind: 'upgrade', note: '下次行程升级海景房' }, { kind: 'dedicated_advisor', note: '下两次出行' }, { kind: 'priority_booking' }, { kind: 'alternative_arrangement' },
      ], TODAY),
    ).toEqual([]);
  });

  it('accepts no compensation at all (the customer was at fault)', () => expect(compensationProblems([], TODAY)).toEqual([]));

  it.each<[string, Compensation, string[]]>([
    ['a refund without an amount', { kind: 'refund' }, ['compensations.0.amount']],
    ['a refund of nothing', { kind: 'refund', amount: 0 }, ['compensations.0.amount']],
    ['a refund with a percent and an expiry', { kind: 'refund', amount: 100, percent: 10, expiresOn: '2027-01-01' }, ['compensations.0.percent', 'compensations.0.expiresOn']],
    ['a voucher without percent or expiry', { kind: 'voucher' }, ['compensations.0.percent', 'compensations.0.expiresOn']],
    ['a voucher with an amount', { kind: 'voucher', percent: 20, expiresOn: '2027-01-01', amount: 5 }, ['compensations.0.amount']],
    ['a voucher expiring on a day that does not exist', { kind: 'voucher', percent: 20, expiresOn: '2027-02-30' }, ['compensations.0.expiresOn']],
    ['a voucher expiring today', { kind: 'voucher', percent: 20, expiresOn: TODAY }, ['compensations.0.expiresOn']],
    ['a voucher expired yesterday', { kind: 'voucher', percent: 20, expiresOn: '2026-03-01' }, ['compensations.0.expiresOn']],
    ['a gift without saying which', { kind: 'gift' }, ['compensations.0.note']],
    ['an upgrade with a blank note', { kind: 'upgrade', note: '   ' }, ['compensations.0.note']],
    ['an apology with an amount', { kind: 'apology', amount: 1 }, ['compensations.0.amount']],
    ['priority booking with a percent', { kind: 'priority_booking', percent: 5 }, ['compensations.0.percent']],
    ['a dedicated advisor with an expiry', { kind: 'dedicated_advisor', expiresOn: '2027-01-01' }, ['compensations.0.expiresOn']],
  ])('flags %s', (_, c, want) => expect(fields([c])).toEqual(want));

  it('names the position of each faulty item', () => {
    expect(fields([{ kind: 'apology' }, { kind: 'refund' }, { kind: 'voucher', percent: 10, expiresOn: '2027-01-01' }, { kind: 'gift' }])).toEqual([
      'compensations.1.amount', 'compensations.3.note',
    ]);
  });

  it('says what is wrong in words', () => {
    expect(compensationProblems([{ kind: 'voucher', percent: 20, expiresOn: '2026-01-01' }], TODAY)).toEqual([
      { field: 'compensations.0.expiresOn', message: 'a voucher must expire after today (2026-03-02)' },
    ]);
  });
});

describe('correctiveActionProblems', () => {
  it.each([
    [null, []], [undefined, []], [{ dueOn: null }, []], [{}, []], [{ dueOn: '2026-03-20' }, []], [{ dueOn: '2024-02-29' }, []],
    [{ dueOn: '2026-02-29' }, ['correctiveAction.dueOn']], [{ dueOn: '2026-13-01' }, ['correctiveAction.dueOn']],
  ])('%j → %j', (action, want) => expect(correctiveActionProblems(action).map((p) => p.field)).toEqual(want));
});
