import { BgNbdParams, pAlive, pNoPurchase } from '../bg-nbd';
import { MODEL_WINDOW_MIN_PROBABILITY, modelTripWindow, nextTripWindow } from '../next-trip';
import { dayString } from '../purchase-history';

const PAPER: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const trip = (departure: string, ret: string | null = null) => ({ departure, return: ret });

describe('modelTripWindow', () => {
  const frequent = { x: 20, tx: 50, T: 52 };
  it('is the quartiles of the next purchase time, given one within the horizon', () => {
    const w = modelTripWindow(PAPER, frequent)!;
    expect(w.fromDays).toBeGreaterThanOrEqual(1);
    expect(w.toDays).toBeGreaterThan(w.fromDays);
    // P(purchase by t) / P(purchase within 52 weeks) is ¼ and ¾ at the window's ends (to the day).
    const bought = (weeks: number) => 1 - pNoPurchase(PAPER, frequent, weeks);
    const share = (days: number) => bought(days / 7) / bought(52);
    expect(share(w.fromDays - 0.5)).toBeLessThan(0.25);
    expect(share(w.fromDays + 0.5)).toBeGreaterThan(0.25);
    expect(share(w.toDays - 0.5)).toBeLessThan(0.75);
    expect(share(w.toDays + 0.5)).toBeGreaterThan(0.75);
  });
  it('is null where a purchase within the horizon is less likely than not', () => {
    const gone = { x: 20, tx: 10, T: 52 };
    expect(pAlive(PAPER, gone)).toBeLessThan(0.01);
    expect(modelTripWindow(PAPER, gone)).toBeNull();
    const once = { x: 0, tx: 0, T: 30 }; // CDNOW's one-time buyers rarely come back
    expect(1 - pNoPurchase(PAPER, once, 52)).toBeLessThan(MODEL_WINDOW_MIN_PROBABILITY);
    expect(modelTripWindow(PAPER, once)).toBeNull();
  });
  it('moves later for a slower buyer', () => {
    const slow = { r: 2, alpha: 40, a: 0.5, b: 5 }; // about one purchase in 20 weeks
    const fast = { r: 2, alpha: 10, a: 0.5, b: 5 }; // one in 5
    const h = { x: 4, tx: 40, T: 41 };
    expect(modelTripWindow(slow, h)!.toDays).toBeGreaterThan(modelTripWindow(fast, h)!.toDays);
  });
});

describe('nextTripWindow', () => {
  const model = { fromDays: 10, toDays: 40 };
  it('a trip already booked for later comes first, from departure to return', () => {
    const trips = [trip('2025-11-03', '2025-11-09'), trip('2024-11-04'), trip('2027-03-01', '2027-03-05'), trip('2027-02-01', '2027-02-03')];
    expect(nextTripWindow('2026-06-30', trips, model)).toEqual({ from: '2027-02-01', to: '2027-02-03', basis: 'booked' });
    expect(nextTripWindow('2026-06-30', [trip('2026-07-01')], null)).toEqual({ from: '2026-07-01', to: '2026-07-01', basis: 'booked' });
  });
  it('someone who went every November is expected next November', () => {
    const trips = [trip('2024-11-12', '2024-11-20'), trip('2025-11-03', '2025-11-09'), trip('2025-04-01')];
    expect(nextTripWindow('2026-06-30', trips, model)).toEqual({ from: '2026-11-01', to: '2026-11-30', basis: 'seasonal' });
  });
  it('in the month itself, from tomorrow to its end — unless this year’s trip is already made', () => {
    const trips = [trip('2024-11-12'), trip('2025-11-03')];
    expect(nextTripWindow('2026-11-10', trips, model)).toEqual({ from: '2026-11-11', to: '2026-11-30', basis: 'seasonal' });
    expect(nextTripWindow('2026-11-10', [...trips, trip('2026-11-02')], model)).toEqual({ from: '2027-11-01', to: '2027-11-30', basis: 'seasonal' });
    expect(nextTripWindow('2026-11-30', trips, model)).toEqual({ from: '2027-11-01', to: '2027-11-30', basis: 'seasonal' });
  });
  it('takes the soonest of several seasons, across the new year', () => {
    const trips = [trip('2024-02-10'), trip('2025-02-11'), trip('2023-08-01'), trip('2025-08-02')];
    expect(nextTripWindow('2025-09-15', trips, model)).toEqual({ from: '2026-02-01', to: '2026-02-28', basis: 'seasonal' });
    expect(nextTripWindow('2026-03-01', trips, model)).toEqual({ from: '2026-08-01', to: '2026-08-31', basis: 'seasonal' });
  });
  it('two trips in one month of one year are no season; then the model decides', () => {
    const trips = [trip('2025-05-01'), trip('2025-05-20')];
    expect(nextTripWindow('2026-01-10', trips, model)).toEqual({ from: '2026-01-20', to: '2026-02-19', basis: 'model' });
    expect(nextTripWindow('2026-01-10', trips, null)).toBeNull();
    expect(nextTripWindow('2026-01-10', [], null)).toBeNull();
  });
});

describe('nextTripWindow on random histories', () => {
  /** The definition spelled out month by month: the first day from tomorrow on that starts a season's month not yet travelled. */
  function seasonal(asOf: string, departures: string[]): { from: string; to: string } | null {
    const past = departures.filter((d) => d <= asOf);
    const months = new Set(past.map((d) => d.slice(5, 7)).filter((m) => new Set(past.filter((d) => d.slice(5, 7) === m).map((d) => d.slice(0, 4))).size >= 2));
    const last = past.reduce((a, d) => (d > a ? d : a), '');
    for (let day = Date.parse(asOf) / 86_400_000 + 1; ; day++) {
      const d = dayString(day);
      const first = `${d.slice(0, 8)}01`;
      if (months.has(d.slice(5, 7)) && first > last) return { from: d, to: dayString(Date.UTC(+d.slice(0, 4), +d.slice(5, 7), 0) / 86_400_000) };
      if (d > `${+asOf.slice(0, 4) + 1}-12-31`) return null;
    }
  }
  it('agrees with the definition', () => {
    let seed = 7;
    let seasons = 0;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let i = 0; i < 500; i++) {
      const asOf = dayString(20_000 + Math.floor(random() * 1000));
      const departures = Array.from({ length: Math.floor(random() * 12) }, () => dayString(18_500 + Math.floor(random() * 2600)));
      const got = nextTripWindow(asOf, departures.map((d) => trip(d)).filter((t) => t.departure <= asOf), null);
      const want = seasonal(asOf, departures);
      if (want) seasons++;
      expect([asOf, departures, got]).toEqual([asOf, departures, want && { ...want, basis: 'seasonal' }]);
    }
    expect(seasons).toBeGreaterThan(100); // not only nulls compared
  });
});
