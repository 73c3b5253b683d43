import { isQuiet, nextAllowedTime, quietHoursErrors } from '../quiet-hours';

const TZ = 'Asia/Shanghai';
const at = (s: string) => new Date(s);
const night = { start: '21:00', end: '09:00' };
const noon = { start: '12:00', end: '14:00' };

describe('quiet hours', () => {
  it.each([
    // [instant, window, quiet?] — Shanghai is UTC+8
    ['2030-01-01T12:59:00Z', night, false], // 20:59
    ['2030-01-01T13:00:00Z', night, true], // 21:00: the start is inside
    ['2030-01-01T15:59:00Z', night, true], // 23:59
    ['2030-01-01T16:00:00Z', night, true], // 00:00
    ['2030-01-02T00:59:59Z', night, true], // 08:59:59
    ['2030-01-02T01:00:00Z', night, false], // 09:00: the end is outside
    ['2030-01-01T03:59:00Z', noon, false], // 11:59
    ['2030-01-01T04:00:00Z', noon, true], // 12:00
    ['2030-01-01T05:59:00Z', noon, true], // 13:59
    ['2030-01-01T06:00:00Z', noon, false], // 14:00
  ] as const)('%s in %j: %s', (instant, window, quiet) => {
    expect(isQuiet(at(instant), window, TZ)).toBe(quiet);
  });

  it('no window is never quiet', () => {
    expect(isQuiet(at('2030-01-01T15:00:00Z'), null, TZ)).toBe(false);
    expect(nextAllowedTime(at('2030-01-01T15:00:00Z'), null, TZ)).toEqual(at('2030-01-01T15:00:00Z'));
  });

  it('outside the window: the same moment', () => {
    expect(nextAllowedTime(at('2030-01-01T02:00:00Z'), night, TZ)).toEqual(at('2030-01-01T02:00:00Z'));
  });

  it('in the evening part of a window over midnight: the end, tomorrow', () => {
    expect(nextAllowedTime(at('2030-01-01T13:00:00Z'), night, TZ)).toEqual(at('2030-01-02T01:00:00Z'));
    expect(nextAllowedTime(at('2030-01-01T15:59:00Z'), night, TZ)).toEqual(at('2030-01-02T01:00:00Z'));
  });

  it('in the morning part: the end, the same day', () => {
    expect(nextAllowedTime(at('2030-01-01T16:00:00Z'), night, TZ)).toEqual(at('2030-01-02T01:00:00Z'));
    expect(nextAllowedTime(at('2030-01-02T00:30:00Z'), night, TZ)).toEqual(at('2030-01-02T01:00:00Z'));
  });

  it('a window inside a day ends the same day; across the year end too', () => {
    expect(nextAllowedTime(at('2030-01-01T05:00:00Z'), noon, TZ)).toEqual(at('2030-01-01T06:00:00Z'));
    expect(nextAllowedTime(at('2030-12-31T14:00:00Z'), night, TZ)).toEqual(at('2031-01-01T01:00:00Z'));
  });

  it('honours a zone with summer time', () => {
    // New York 2030-03-10 is the spring-forward day: 22:00 EDT on the 9th is still EST (UTC-5).
    expect(nextAllowedTime(at('2030-03-10T03:00:00Z'), night, 'America/New_York')).toEqual(at('2030-03-10T13:00:00Z')); // 09:00 EDT
  });

  it('validation: both or neither, and not equal', () => {
    expect(quietHoursErrors(null, null)).toEqual([]);
    expect(quietHoursErrors('21:00', '09:00')).toEqual([]);
    expect(quietHoursErrors('21:00', null)).toEqual([{ field: 'quietEnd', message: expect.any(String) }]);
    expect(quietHoursErrors(null, '09:00')).toEqual([{ field: 'quietStart', message: expect.any(String) }]);
    expect(quietHoursErrors('09:00', '09:00')).toEqual([{ field: 'quietEnd', message: expect.any(String) }]);
  });
});
