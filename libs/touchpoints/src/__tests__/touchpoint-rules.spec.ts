import { agencyDate } from '@crm/platform';
import {
  TripFacts, birthdayIn, birthdayMonthDays, birthdayTouchpoints, followUpKind, messageChannel, messageLanguage, nextBirthday, sendTime, tripTouchpoints,
} from '../touchpoint-rules';

const trip = (over: Partial<TripFacts> = {}): TripFacts => ({
  bookingId: 'b1', status: 'confirmed', category: 'independent', departureDate: '2026-05-10', returnDate: '2026-05-15', tier: 'B', ...over,
});
const kinds = (t: TripFacts, today: string) => tripTouchpoints(t, today).map((d) => d.kind);

describe('pre-trip handbook', () => {
  it.each([
    ['2026-05-06', []],
    ['2026-05-07', ['pre_trip_handbook']], // 3 days before
    ['2026-05-08', ['pre_trip_handbook']],
    ['2026-05-09', ['pre_trip_handbook']], // the day before: still useful
    ['2026-05-10', []], // departure day: too late
    ['2026-05-12', []], // travelling
  ])('on %s: %j', (today, want) => expect(kinds(trip(), today)).toEqual(want));

  it('is about the booking and the departure day', () => {
    expect(tripTouchpoints(trip(), '2026-05-07')).toEqual([{ kind: 'pre_trip_handbook', occasion: 'b1/before', dueOn: '2026-05-10' }]);
  });

  it.each(['cancelled', 'inquiry'])('never for a %s booking', (status) => {
    expect(kinds(trip({ status }), '2026-05-08')).toEqual([]);
    expect(kinds(trip({ status }), '2026-05-16')).toEqual([]);
  });

  it('needs a departure date', () => expect(kinds(trip({ departureDate: null }), '2026-05-08')).toEqual([]));

  it('counts across a month and a year end', () => {
    expect(kinds(trip({ departureDate: '2027-01-01', returnDate: '2027-01-04' }), '2026-12-29')).toEqual(['pre_trip_handbook']);
    expect(kinds(trip({ departureDate: '2026-03-01', returnDate: '2026-03-04' }), '2026-02-26')).toEqual(['pre_trip_handbook']);
    expect(kinds(trip({ departureDate: '2026-03-01', returnDate: '2026-03-04' }), '2026-02-25')).toEqual([]);
  });
});

describe('follow-up after return', () => {
  it.each([
    ['2026-05-15', []], // the return day itself
    ['2026-05-16', ['nps_survey']], // the day after
    ['2026-05-29', ['nps_survey']], // 14 days after
    ['2026-05-30', []], // stale
  ])('on %s: %j', (today, want) => expect(kinds(trip(), today)).toEqual(want));

  it.each([
    [{ tier: 'A', category: 'group' }, 'return_call'],
    [{ tier: 'A', category: 'independent' }, 'return_call'],
    [{ tier: 'B', category: 'custom' }, 'return_call'],
    [{ tier: null, category: 'custom' }, 'return_call'],
    [{ tier: 'B', category: 'group' }, 'where_next_vote'],
    [{ tier: 'C', category: 'independent' }, 'nps_survey'],
    [{ tier: 'D', category: 'family' }, 'nps_survey'],
    [{ tier: null, category: null }, 'nps_survey'],
  ] as const)('%j gets %s', (facts, want) => expect(followUpKind(facts)).toBe(want));

  it('gives the owner 3 days for the call', () => {
    expect(tripTouchpoints(trip({ tier: 'A' }), '2026-05-17')).toEqual([{ kind: 'return_call', occasion: 'b1/after', dueOn: '2026-05-20' }]);
  });

  it('counts a trip without a return date from its departure', () => {
    expect(kinds(trip({ returnDate: null }), '2026-05-11')).toEqual(['nps_survey']);
    expect(kinds(trip({ returnDate: null }), '2026-05-10')).toEqual([]);
  });

  it('fills one follow-up slot per trip, whichever kind fills it, so a tier change between runs adds no second one', () => {
    const [asB] = tripTouchpoints(trip({ tier: 'B' }), '2026-05-16');
    const [asA] = tripTouchpoints(trip({ tier: 'A' }), '2026-05-17');
    expect([asB.kind, asA.kind]).toEqual(['nps_survey', 'return_call']);
    expect(asA.occasion).toBe(asB.occasion);
    expect(tripTouchpoints(trip(), '2026-05-08')[0].occasion).not.toBe(asB.occasion);
  });

  it('follows up a completed trip, not a cancelled one', () => {
    expect(kinds(trip({ status: 'completed' }), '2026-05-16')).toEqual(['nps_survey']);
    expect(kinds(trip({ status: 'cancelled' }), '2026-05-16')).toEqual([]);
  });

  it('can owe a handbook for the next trip and a follow-up of the last on one day only when they are two bookings', () => {
    // a one-day trip: the handbook window has closed before the follow-up opens
    const day = trip({ departureDate: '2026-05-10', returnDate: '2026-05-10' });
    for (const today of ['2026-05-07', '2026-05-08', '2026-05-09', '2026-05-10', '2026-05-11']) expect(kinds(day, today).length).toBeLessThanOrEqual(1);
  });
});

describe('agency time zone and day edges', () => {
  const shanghai = 'Asia/Shanghai';
  it.each([
    // 2026-05-06 23:59:59 in Shanghai is still 3+1 days before departure
    ['2026-05-06T15:59:59Z', shanghai, []],
    // one second later it is 2026-05-07 in Shanghai, while UTC still says 05-06
    ['2026-05-06T16:00:00Z', shanghai, ['pre_trip_handbook']],
    // in New York the same instant is still 2026-05-06
    ['2026-05-06T16:00:00Z', 'America/New_York', []],
    ['2026-05-07T04:00:00Z', 'America/New_York', ['pre_trip_handbook']],
    // the departure day starts at 16:00 UTC the day before in Shanghai
    ['2026-05-09T15:59:59Z', shanghai, ['pre_trip_handbook']],
    ['2026-05-09T16:00:00Z', shanghai, []],
  ])('at %s in %s: %j', (instant, zone, want) => expect(kinds(trip(), agencyDate(new Date(instant), zone))).toEqual(want));
});

describe('birthdays', () => {
  it('greets on the day, and not the day before or after', () => {
    expect(birthdayTouchpoints({ birthday: '1985-04-12', tier: 'B' }, '2026-04-12')).toEqual([{ kind: 'birthday_greeting', occasion: 'greeting/2026', dueOn: '2026-04-12' }]);
    expect(birthdayTouchpoints({ birthday: '1985-04-12', tier: 'B' }, '2026-04-11')).toEqual([]);
    expect(birthdayTouchpoints({ birthday: '1985-04-12', tier: 'B' }, '2026-04-13')).toEqual([]);
  });

  it('asks the owner of an A customer for a gift from a week ahead until the day', () => {
    const a = (today: string) => birthdayTouchpoints({ birthday: '1985-04-12', tier: 'A' }, today).map((d) => d.kind);
    expect(a('2026-04-04')).toEqual([]);
    expect(a('2026-04-05')).toEqual(['birthday_gift']);
    expect(a('2026-04-11')).toEqual(['birthday_gift']);
    expect(a('2026-04-12')).toEqual(['birthday_gift', 'birthday_greeting']);
    expect(birthdayTouchpoints({ birthday: '1985-04-12', tier: 'A' }, '2026-04-05')[0]).toEqual({ kind: 'birthday_gift', occasion: 'gift/2026', dueOn: '2026-04-12' });
  });

  it('gives no gift task to other tiers', () => {
    expect(birthdayTouchpoints({ birthday: '1985-04-12', tier: 'B' }, '2026-04-06')).toEqual([]);
    expect(birthdayTouchpoints({ birthday: '1985-04-12', tier: null }, '2026-04-06')).toEqual([]);
  });

  it('counts the gift of an early-January birthday in the next year', () => {
    expect(birthdayTouchpoints({ birthday: '1990-01-03', tier: 'A' }, '2026-12-28')).toEqual([{ kind: 'birthday_gift', occasion: 'gift/2027', dueOn: '2027-01-03' }]);
  });

  it('keeps a leap-day birthday on 28 February in common years and on the 29th in leap years', () => {
    expect(birthdayIn('1992-02-29', 2026)).toBe('2026-02-28');
    expect(birthdayIn('1992-02-29', 2028)).toBe('2028-02-29');
    expect(birthdayIn('1992-02-29', 2100)).toBe('2100-02-28');
    expect(birthdayIn('1992-02-29', 2000)).toBe('2000-02-29');
    expect(birthdayTouchpoints({ birthday: '1992-02-29', tier: 'B' }, '2026-02-28').map((d) => d.kind)).toEqual(['birthday_greeting']);
    expect(birthdayTouchpoints({ birthday: '1992-02-29', tier: 'B' }, '2026-03-01')).toEqual([]);
    expect(birthdayTouchpoints({ birthday: '1992-02-29', tier: 'B' }, '2028-02-28')).toEqual([]);
    expect(birthdayTouchpoints({ birthday: '1992-02-29', tier: 'B' }, '2028-02-29').map((d) => d.kind)).toEqual(['birthday_greeting']);
  });

  it('finds the next birthday on or after today', () => {
    expect(nextBirthday('1985-04-12', '2026-04-12')).toBe('2026-04-12');
    expect(nextBirthday('1985-04-12', '2026-04-13')).toBe('2027-04-12');
    expect(nextBirthday('1985-12-31', '2026-12-31')).toBe('2026-12-31');
  });

  it('has no touch-point without a birthday', () => expect(birthdayTouchpoints({ birthday: null, tier: 'A' }, '2026-04-12')).toEqual([]));

  it('narrows the customers to look at to the month-days of the window, with 29 February beside the 28th', () => {
    expect(birthdayMonthDays('2026-04-05')).toEqual(['04-05', '04-06', '04-07', '04-08', '04-09', '04-10', '04-11', '04-12']);
    expect(birthdayMonthDays('2026-02-25')).toEqual(expect.arrayContaining(['02-28', '02-29', '03-01', '03-04']));
    expect(birthdayMonthDays('2026-12-30')).toEqual(expect.arrayContaining(['12-31', '01-01', '01-06']));
  });
});

describe('send time', () => {
  const tz = 'Asia/Shanghai';
  it.each([
    ['2026-05-07T00:30:00Z', '2026-05-07T01:00:00.000Z'], // 08:30 → 09:00
    ['2026-05-07T01:00:00Z', '2026-05-07T01:00:00.000Z'], // 09:00 sharp
    ['2026-05-07T05:15:00Z', '2026-05-07T05:15:00.000Z'], // 13:15: at once
    ['2026-05-07T12:59:59Z', '2026-05-07T12:59:59.000Z'], // 20:59:59
    ['2026-05-07T13:00:00Z', '2026-05-08T01:00:00.000Z'], // 21:00 → tomorrow 09:00
    ['2026-05-06T16:05:00Z', '2026-05-07T01:00:00.000Z'], // 00:05 → 09:00 the same (local) day
  ])('composed at %s goes at %s', (asOf, want) => expect(sendTime(new Date(asOf), tz).toISOString()).toBe(want));
});

describe('language and channel', () => {
  it.each([
    [{ name: '张伟', phone: null }, 'zh-CN'],
    [{ name: 'Wei Zhang', phone: '+8613800138000' }, 'zh-CN'],
    [{ name: 'Chan Tai Man', phone: '+85291234567' }, 'zh-CN'],
    [{ name: 'Anna Smith', phone: '+4915112345678' }, 'en'],
    [{ name: 'Anna Smith', phone: null }, 'en'],
  ] as const)('%j speaks %s', (c, want) => expect(messageLanguage(c)).toBe(want));

  const c = { doNotContact: false, consentEmail: true, email: 'a@x.cn', consentSms: true, phone: '+8613800138000' };
  it('prefers e-mail with consent, then SMS with consent, and nothing against do-not-contact', () => {
    expect(messageChannel(c)).toEqual({ channel: 'email', recipient: 'a@x.cn' });
    expect(messageChannel({ ...c, consentEmail: false })).toEqual({ channel: 'sms', recipient: '+8613800138000' });
    expect(messageChannel({ ...c, email: null })).toEqual({ channel: 'sms', recipient: '+8613800138000' });
    expect(messageChannel({ ...c, consentEmail: false, consentSms: false })).toBeNull();
    expect(messageChannel({ ...c, consentEmail: false, phone: null })).toBeNull();
    expect(messageChannel({ ...c, doNotContact: true })).toBeNull();
  });
});
