import { CALENDAR_TIME, DEFAULT_WORK_CALENDAR, WorkCalendar, businessTime, calendarErrors } from '../business-time';

const SH = 'Asia/Shanghai';
const NY = 'America/New_York';
const MIN = 60_000;
/** Shanghai wall time (no DST: always +08:00). */
const sh = (wall: string) => new Date(`${wall}:00+08:00`);
/** Spring Festival 2026 as announced: 15–23 February off, Saturdays 14 and 28 February worked (调休). */
const SPRING_FESTIVAL: WorkCalendar = {
  ...DEFAULT_WORK_CALENDAR,
  holidays: ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-23'],
  extraWorkingDays: ['2026-02-14', '2026-02-28'],
};
const office = businessTime(DEFAULT_WORK_CALENDAR, SH); // Monday to Friday, 09:00–18:00
const festive = businessTime(SPRING_FESTIVAL, SH);
const add = (m: typeof office, wall: string, minutes: number) => m.add(sh(wall), minutes * MIN);
const between = (m: typeof office, from: string, to: string) => m.between(sh(from), sh(to)) / MIN;

describe('adding business minutes (Monday to Friday, 09:00–18:00, Shanghai)', () => {
  it.each([
    ['within the day', '2026-03-02T10:00', 120, '2026-03-02T12:00'],
    ['across closing into the next morning', '2026-03-02T17:00', 120, '2026-03-03T10:00'],
    ['a deadline at closing time stays at closing time', '2026-03-02T16:00', 120, '2026-03-02T18:00'],
    ['received before opening: counts from opening', '2026-03-02T07:00', 60, '2026-03-02T10:00'],
    ['received after closing: counts from the next opening', '2026-03-02T20:00', 60, '2026-03-03T10:00'],
    ['received at midnight', '2026-03-03T00:00', 30, '2026-03-03T09:30'],
    ['received on a Saturday: Monday morning', '2026-03-07T10:00', 60, '2026-03-09T10:00'],
    ['over a weekend', '2026-03-06T17:00', 120, '2026-03-09T10:00'],
    ['a whole working day', '2026-03-02T09:00', 540, '2026-03-02T18:00'],
    ['72 hours are eight working days', '2026-03-02T09:00', 72 * 60, '2026-03-11T18:00'],
    ['one minute', '2026-03-02T17:59', 1, '2026-03-02T18:00'],
    ['two minutes over closing', '2026-03-02T17:59', 2, '2026-03-03T09:01'],
  ])('%s', (_, from, minutes, due) => {
    expect(add(office, from, minutes)).toEqual(sh(due));
  });

  it('adding nothing is the next open instant', () => {
    expect(add(office, '2026-03-02T10:00', 0)).toEqual(sh('2026-03-02T10:00'));
    expect(add(office, '2026-03-07T10:00', 0)).toEqual(sh('2026-03-09T09:00'));
  });

  it('skips holidays and works the make-up Saturdays', () => {
    // Friday before the festival: the make-up Saturday is worked.
    expect(add(festive, '2026-02-13T17:00', 120)).toEqual(sh('2026-02-14T10:00'));
    // From the make-up Saturday: Sunday, the weekday holidays, the weekend and holiday Monday are all closed.
    expect(add(festive, '2026-02-14T17:00', 120)).toEqual(sh('2026-02-24T10:00'));
    // Received during the festival: the first working day after it.
    expect(add(festive, '2026-02-18T11:00', 30)).toEqual(sh('2026-02-24T09:30'));
    // The second make-up Saturday.
    expect(add(festive, '2026-02-27T17:30', 60)).toEqual(sh('2026-02-28T09:30'));
    // Without the holidays the same minutes fall in the festival week.
    expect(add(office, '2026-02-14T17:00', 120)).toEqual(sh('2026-02-16T11:00'));
  });

  it('a holiday on a weekend changes nothing; an extra working day on a weekday changes nothing', () => {
    const cal = businessTime({ ...DEFAULT_WORK_CALENDAR, holidays: ['2026-03-07'], extraWorkingDays: ['2026-03-09'] }, SH);
    expect(add(cal, '2026-03-06T17:00', 120)).toEqual(sh('2026-03-09T10:00'));
  });

  it('other opening hours and working days: a Saturday desk open 08:30 to midnight', () => {
    const late = businessTime({ ...DEFAULT_WORK_CALENDAR, workingDays: [2, 3, 4, 5, 6], opensAt: '08:30', closesAt: '24:00' }, SH);
    expect(add(late, '2026-03-07T23:00', 90)).toEqual(sh('2026-03-10T09:00')); // Saturday night → Tuesday (Sunday and Monday closed)
    expect(add(late, '2026-03-02T12:00', 60)).toEqual(sh('2026-03-03T09:30'));
  });

  it('open around the clock every day is calendar time', () => {
    const always = businessTime({ ...DEFAULT_WORK_CALENDAR, workingDays: [1, 2, 3, 4, 5, 6, 7], opensAt: '00:00', closesAt: '24:00' }, SH);
    const from = sh('2026-02-27T23:59');
    for (const minutes of [1, 59, 600, 1440, 10_000]) {
      const due = CALENDAR_TIME.add(from, minutes * MIN);
      expect(always.add(from, minutes * MIN)).toEqual(due);
      expect(always.between(from, due)).toBe(minutes * MIN);
    }
  });
});

describe('business minutes between two instants', () => {
  it.each([
    ['within the day', '2026-03-02T10:00', '2026-03-02T12:30', 150],
    ['across a night', '2026-03-02T17:00', '2026-03-03T10:00', 120],
    ['over a weekend', '2026-03-06T17:00', '2026-03-09T10:00', 120],
    ['both outside hours on the same night', '2026-03-02T19:00', '2026-03-03T08:00', 0],
    ['a whole weekend', '2026-03-07T00:00', '2026-03-09T00:00', 0],
    ['a whole week', '2026-03-02T00:00', '2026-03-09T00:00', 5 * 540],
    ['backwards', '2026-03-02T12:00', '2026-03-02T10:00', 0],
  ])('%s', (_, from, to, minutes) => {
    expect(between(office, from, to)).toBe(minutes);
  });

  it('leaves out holidays and counts make-up days', () => {
    // Worked: Friday 13, make-up Saturday 14, Tuesday 24 to Friday 27, make-up Saturday 28.
    expect(between(festive, '2026-02-13T09:00', '2026-02-28T18:00')).toBe(7 * 540);
    expect(between(office, '2026-02-13T09:00', '2026-02-28T18:00')).toBe(11 * 540);
  });

  it('is the inverse of adding, from any instant, by any amount', () => {
    // A fixed pseudo-random walk over a month around the festival, so the test is the same every run.
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 300; i++) {
      const from = new Date(sh('2026-02-10T00:00').getTime() + Math.floor(next() * 25 * 1440) * MIN);
      const minutes = 1 + Math.floor(next() * 3000);
      const due = festive.add(from, minutes * MIN);
      expect(festive.between(from, due)).toBe(minutes * MIN);
      // One minute earlier is short of it: the deadline is the first instant the time is used up.
      expect(festive.between(from, new Date(due.getTime() - MIN))).toBeLessThan(minutes * MIN);
    }
  });
});

describe('a zone with daylight saving time (New York, 09:00–17:00)', () => {
  const ny = businessTime({ ...DEFAULT_WORK_CALENDAR, closesAt: '17:00' }, NY);
  it('opening hours follow the wall clock across the spring change', () => {
    // Friday 6 March 16:00 EST (21:00Z) + 2 h → Monday 9 March 10:00 EDT, which is 14:00Z, not 15:00Z.
    expect(ny.add(new Date('2026-03-06T21:00:00Z'), 120 * MIN)).toEqual(new Date('2026-03-09T14:00:00Z'));
    expect(ny.between(new Date('2026-03-06T14:00:00Z'), new Date('2026-03-09T21:00:00Z')) / MIN).toBe(2 * 480);
  });
  it('a day open around the clock has 23 hours in spring and 25 in autumn', () => {
    const always = businessTime({ ...DEFAULT_WORK_CALENDAR, workingDays: [7], opensAt: '00:00', closesAt: '24:00' }, NY);
    expect(always.between(new Date('2026-03-07T00:00:00Z'), new Date('2026-03-10T00:00:00Z')) / MIN).toBe(23 * 60);
    expect(always.between(new Date('2026-10-31T00:00:00Z'), new Date('2026-11-03T00:00:00Z')) / MIN).toBe(25 * 60);
    // Sunday 8 March from its midnight (05:00Z): 23 hours later is the next midnight (04:00Z), in EDT.
    expect(always.add(new Date('2026-03-08T05:00:00Z'), 23 * 60 * MIN)).toEqual(new Date('2026-03-09T04:00:00Z'));
  });
});

describe('calendar checks', () => {
  it('accepts the default calendar and the festival', () => {
    expect(calendarErrors(DEFAULT_WORK_CALENDAR)).toEqual([]);
    expect(calendarErrors(SPRING_FESTIVAL)).toEqual([]);
    expect(calendarErrors({ ...DEFAULT_WORK_CALENDAR, opensAt: '00:00', closesAt: '24:00' })).toEqual([]);
  });
  it('the desk must close after it opens', () => {
    expect(calendarErrors({ ...DEFAULT_WORK_CALENDAR, opensAt: '18:00', closesAt: '09:00' })).toEqual([{ field: 'calendar.closesAt', message: expect.stringContaining('close after it opens') }]);
    expect(calendarErrors({ ...DEFAULT_WORK_CALENDAR, opensAt: '09:00', closesAt: '09:00' }).map((e) => e.field)).toEqual(['calendar.closesAt']);
  });
  it('names each impossible date and each date that is both off and worked', () => {
    const errors = calendarErrors({ ...DEFAULT_WORK_CALENDAR, holidays: ['2026-10-01', '2026-02-30'], extraWorkingDays: ['2026-13-01', '2026-10-01'] });
    expect(errors.map((e) => e.field)).toEqual(['calendar.holidays.1', 'calendar.extraWorkingDays.0', 'calendar.extraWorkingDays.1']);
  });
});
