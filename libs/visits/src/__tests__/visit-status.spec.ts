import { VISIT_STATUSES } from '../visit.entity';
import { VisitAction, nextStatus } from '../visit-status';

describe('nextStatus', () => {
  const table = (action: VisitAction, started: boolean) => Object.fromEntries(VISIT_STATUSES.map((s) => [s, nextStatus(s, action, started)]));

  it('moves and cancels planned visits only, started or not', () => {
    for (const started of [true, false]) {
      expect(table('move', started)).toEqual({ planned: 'planned', done: null, missed: null, cancelled: null });
      expect(table('cancel', started)).toEqual({ planned: 'cancelled', done: null, missed: null, cancelled: null });
    }
  });

  it('a visit is missed only once it has started', () => {
    expect(table('miss', true)).toEqual({ planned: 'missed', done: null, missed: null, cancelled: null });
    expect(table('miss', false)).toEqual({ planned: null, done: null, missed: null, cancelled: null });
  });

  it('a record marks it done (also after a miss, or corrected), never a cancelled or future one', () => {
    expect(table('record', true)).toEqual({ planned: 'done', done: 'done', missed: 'done', cancelled: null });
    expect(table('record', false)).toEqual({ planned: null, done: null, missed: null, cancelled: null });
  });
});
