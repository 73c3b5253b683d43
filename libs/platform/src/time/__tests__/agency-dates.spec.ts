import { addDays, agencyDate, agencyInstant, dateOfDay, dayNumber, isCalendarDate, weekdayOf } from '../agency-dates';

describe('agency dates', () => {
  it('knows the ISO weekday of a date', () => {
    expect(weekdayOf('1970-01-01')).toBe(4);
    expect(weekdayOf('2026-03-02')).toBe(1);
    expect(weekdayOf('2026-03-08')).toBe(7);
    expect(weekdayOf('1969-12-29')).toBe(1);
    expect(weekdayOf('2024-02-29')).toBe(4);
  });

  it('adds days across month and year ends and leap days', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-01', 0)).toBe('2026-03-01');
  });

  it('numbers days from 1970-01-01 and back', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(dateOfDay(dayNumber('2026-11-23'))).toBe('2026-11-23');
  });

  it('takes real days only', () => {
    expect(['2026-02-28', '2024-02-29', '2026-12-31'].every(isCalendarDate)).toBe(true);
    expect(['2026-02-29', '2026-02-30', '2026-13-01', '2026-3-1', '20260301', '', null, 20260301].some(isCalendarDate)).toBe(false);
  });

  it('tells the agency date of an instant, which is not the UTC date around midnight', () => {
    expect(agencyDate(new Date('2026-03-01T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-03-01');
    expect(agencyDate(new Date('2026-03-01T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-03-02');
    expect(agencyDate(new Date('2026-03-01T03:00:00Z'), 'America/New_York')).toBe('2026-02-28');
  });

  it('finds the instant a day starts, or a time into it, in the agency zone (DST included)', () => {
    expect(agencyInstant('2026-03-02', 'Asia/Shanghai').toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(agencyInstant('2026-03-02', 'Asia/Shanghai', 9 * 3_600_000).toISOString()).toBe('2026-03-02T01:00:00.000Z');
    expect(agencyInstant('2026-03-07', 'America/New_York').toISOString()).toBe('2026-03-07T05:00:00.000Z');
    expect(agencyInstant('2026-03-09', 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
  });
});
