import { followUpDueAt } from '../complaint-follow-up';

describe('followUpDueAt', () => {
  it.each([
    ['closed in the afternoon', '2026-03-02T15:30:00+08:00', 'Asia/Shanghai', '2026-03-09T09:00:00+08:00'],
    ['closed just before midnight', '2026-03-02T23:59:00+08:00', 'Asia/Shanghai', '2026-03-09T09:00:00+08:00'],
    ['closed just after midnight (the UTC date is the day before)', '2026-03-03T00:30:00+08:00', 'Asia/Shanghai', '2026-03-10T09:00:00+08:00'],
    ['closed early in the morning, before nine', '2026-03-02T07:00:00+08:00', 'Asia/Shanghai', '2026-03-09T09:00:00+08:00'],
    ['across the end of a month', '2026-01-28T10:00:00+08:00', 'Asia/Shanghai', '2026-02-04T09:00:00+08:00'],
    ['across the end of February in a leap year', '2028-02-25T10:00:00+08:00', 'Asia/Shanghai', '2028-03-03T09:00:00+08:00'],
    ['across the end of the year', '2026-12-28T18:00:00+08:00', 'Asia/Shanghai', '2027-01-04T09:00:00+08:00'],
    ['across the spring daylight-saving change', '2026-03-25T12:00:00+01:00', 'Europe/Berlin', '2026-04-01T09:00:00+02:00'],
    ['across the autumn daylight-saving change', '2026-10-22T12:00:00+02:00', 'Europe/Berlin', '2026-10-29T09:00:00+01:00'],
    ['in a zone behind UTC', '2026-03-02T22:00:00-05:00', 'America/New_York', '2026-03-09T09:00:00-04:00'],
  ])('%s', (_, closedAt, tz, want) => expect(followUpDueAt(new Date(closedAt), tz).toISOString()).toBe(new Date(want).toISOString()));

  it('is always seven agency days later at nine, whatever the hour of closing', () => {
    for (let h = 0; h < 24; h++) {
      const closed = new Date(Date.UTC(2026, 5, 10, h - 8, 17)); // 10 June, h:17 in Shanghai
      expect(followUpDueAt(closed, 'Asia/Shanghai').toISOString()).toBe('2026-06-17T01:00:00.000Z');
    }
  });
});
