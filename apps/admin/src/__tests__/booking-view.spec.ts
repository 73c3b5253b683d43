import { describe, expect, it } from '@jest/globals';
import { bookingFiltersFromParams, monthBars } from '../booking-view';
import { formatDate, formatMonth, formatPercent } from '../format';

describe('bookingFiltersFromParams', () => {
  it('reads the filters of a shared link', () => {
    const params = new URLSearchParams('source=erp&status=confirmed&destination=%E4%B8%89%E4%BA%9A&departureFrom=2026-04-01&departureTo=2026-04-30');
    expect(bookingFiltersFromParams(params)).toEqual({ source: 'erp', status: 'confirmed', destination: '三亚', departureFrom: '2026-04-01', departureTo: '2026-04-30' });
  });

  it('leaves out what is empty or malformed instead of sending it to be refused', () => {
    const params = new URLSearchParams('source=%20&status=shipped&departureFrom=April&departureTo=2026-4-1');
    expect(bookingFiltersFromParams(params)).toEqual({ source: undefined, status: undefined, destination: undefined, departureFrom: undefined, departureTo: undefined });
  });
});

describe('monthBars', () => {
  it('gives all twelve months, sized against the busiest one', () => {
    const bars = monthBars([
      { month: 7, trips: 4 },
      { month: 2, trips: 1 },
    ]);
    expect(bars).toHaveLength(12);
    expect(bars.map((b) => b.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(bars[6]).toEqual({ month: 7, trips: 4, height: 1 });
    expect(bars[1]).toEqual({ month: 2, trips: 1, height: 0.25 });
    expect(bars[0]).toEqual({ month: 1, trips: 0, height: 0 });
  });

  it('is flat without trips', () => {
    expect(monthBars([]).every((b) => b.height === 0 && b.trips === 0)).toBe(true);
  });
});

describe('formatDate, formatPercent, formatMonth', () => {
  it('shows a calendar date as that day in every time zone', () => {
    expect(formatDate('2026-04-01', 'zh-CN')).toBe('2026年4月1日');
    expect(formatDate('2026-04-01', 'en-US')).toBe('Apr 1, 2026');
  });

  it('shows shares as percentages and months by name', () => {
    expect(formatPercent(0.125, 'zh-CN')).toBe('12.5%');
    expect(formatPercent(0, 'en-US')).toBe('0%');
    expect(formatMonth(1, 'zh-CN')).toBe('1月');
    expect(formatMonth(12, 'en-US')).toBe('Dec');
  });
});
