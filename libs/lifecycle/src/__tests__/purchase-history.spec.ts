import { dayNumber, groupHistories, purchaseHistory } from '../purchase-history';

describe('purchaseHistory', () => {
  it('one purchase: x = 0, tₓ = 0, T = weeks since it', () => {
    expect(purchaseHistory(['2026-01-01'], '2026-01-15')).toEqual({ x: 0, tx: 0, T: 2 });
  });
  it('counts repeat purchase days, several purchases on one day being one', () => {
    expect(purchaseHistory(['2026-01-01', '2026-01-08', '2026-01-08', '2026-01-22', '2026-01-01'], '2026-01-29')).toEqual({ x: 2, tx: 3, T: 4 });
  });
  it('takes the days in any order', () => {
    expect(purchaseHistory(['2026-01-22', '2026-01-01', '2026-01-08'], '2026-01-29')).toEqual({ x: 2, tx: 3, T: 4 });
  });
  it('ignores purchases after asOf, and a purchase on asOf counts (T = tₓ)', () => {
    expect(purchaseHistory(['2026-01-01', '2026-01-15', '2026-02-01'], '2026-01-15')).toEqual({ x: 1, tx: 2, T: 2 });
  });
  it('is null without a purchase by asOf', () => {
    expect(purchaseHistory([], '2026-01-15')).toBeNull();
    expect(purchaseHistory(['2026-01-16'], '2026-01-15')).toBeNull();
  });
  it('measures in fractional weeks across month, year and leap-day boundaries', () => {
    expect(purchaseHistory(['2023-12-31', '2024-02-29'], '2024-03-01')).toEqual({ x: 1, tx: 60 / 7, T: 61 / 7 });
  });
  it('refuses what is not a calendar day', () => {
    expect(() => purchaseHistory(['2026-02-30'], '2026-03-01')).toThrow(RangeError);
    expect(() => purchaseHistory(['2026-1-5'], '2026-03-01')).toThrow(RangeError);
    expect(() => purchaseHistory(['2026-01-05'], '2026-03-01T00:00:00Z')).toThrow(RangeError);
  });
});

describe('dayNumber', () => {
  it('counts days since 1970-01-01', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('1969-12-31')).toBe(-1);
  });
});

describe('groupHistories', () => {
  it('counts identical histories and keeps different ones apart', () => {
    const groups = groupHistories([
      { x: 0, tx: 0, T: 5 },
      { x: 1, tx: 2, T: 5 },
      { x: 0, tx: 0, T: 5 },
      { x: 1, tx: 2, T: 6 },
    ]);
    expect(groups).toEqual([
      { x: 0, tx: 0, T: 5, count: 2 },
      { x: 1, tx: 2, T: 5, count: 1 },
      { x: 1, tx: 2, T: 6, count: 1 },
    ]);
  });
});
