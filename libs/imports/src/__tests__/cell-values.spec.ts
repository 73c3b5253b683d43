import { enumValue, toDay, toInstant, toWholeNumber, yuanToFen, zoneOffset, BOOKING_STATUS_WORDS, CUSTOMER_TYPE_WORDS } from '../cell-values';

describe('yuanToFen', () => {
  it.each([
    ['12800', 1_280_000],
    ['12800.00', 1_280_000],
    ['12,800.50', 1_280_050],
    ['¥12,800.5', 1_280_050],
    ['￥99.9', 9_990],
    ['12800元', 1_280_000],
    ['CNY 128', 12_800],
    ['128 RMB', 12_800],
    ['0.29', 29],
    ['0.57', 57],
    ['1.10', 110],
    ['1.005000', null],
    ['0', 0],
    ['0.1', 10],
    ['19.99', 1_999],
    ['4.35', 435],
    ['１２８．５', 12_850],
    ['12800.', 1_280_000],
    ['12.345', null],
    ['-5', null],
    ['abc', null],
    ['', null],
    ['1e3', null],
    ['12 800', 1_280_000],
    ['90071992547409.91', 9_007_199_254_740_991],
    ['90071992547409.92', null],
  ])('%s → %s', (text, fen) => {
    expect(yuanToFen(text)).toBe(fen);
  });

  it('never drifts where float multiplication would', () => {
    // 0.29 * 100 = 28.999999999999996 and 4.35 * 100 = 434.99999999999994 in binary floating point.
    for (let fen = 0; fen < 100_000; fen += 7) {
      const text = `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
      expect(yuanToFen(text)).toBe(fen);
    }
  });
});

describe('toDay', () => {
  it.each([
    ['2026-04-01', '2026-04-01'],
    ['2026/4/1', '2026-04-01'],
    ['2026.04.01', '2026-04-01'],
    ['2026年4月1日', '2026-04-01'],
    [' 2026-4-1 ', '2026-04-01'],
    ['2024-02-29', '2024-02-29'],
    ['2026-02-29', null],
    ['2026-13-01', null],
    ['01/04/2026', null],
    ['tomorrow', null],
    ['2026-04-01 10:00', null],
  ])('%s → %s', (text, day) => {
    expect(toDay(text)).toBe(day);
  });
});

describe('toInstant', () => {
  const SH = 'Asia/Shanghai';
  it.each([
    ['2026-03-01 10:00', '2026-03-01T10:00:00+08:00'],
    ['2026-03-01 10:00:30', '2026-03-01T10:00:30+08:00'],
    ['2026/3/1 9:05', '2026-03-01T09:05:00+08:00'],
    ['2026-03-01T10:00', '2026-03-01T10:00:00+08:00'],
    ['2026-03-01', '2026-03-01T00:00:00+08:00'],
    ['2026年3月1日', '2026-03-01T00:00:00+08:00'],
    ['2026-03-01T10:00:00Z', '2026-03-01T10:00:00Z'],
    ['2026-03-01T10:00:00+09:00', '2026-03-01T10:00:00+09:00'],
    ['2026-03-01 24:00', null],
    ['2026-03-01 10:60', null],
    ['2026-02-30 10:00', null],
    ['soon', null],
  ])('%s → %s', (text, iso) => {
    expect(toInstant(text, SH)).toBe(iso);
  });

  it('reads wall times in zones with daylight saving', () => {
    expect(toInstant('2026-07-01 12:00', 'Europe/Berlin')).toBe('2026-07-01T12:00:00+02:00');
    expect(toInstant('2026-01-15 12:00', 'Europe/Berlin')).toBe('2026-01-15T12:00:00+01:00');
    expect(toInstant('2026-07-01 12:00', 'America/New_York')).toBe('2026-07-01T12:00:00-04:00');
  });
});

describe('zoneOffset', () => {
  it.each([
    ['2026-03-01T10:00:00', 'Asia/Shanghai', '+08:00'],
    ['2026-03-01T10:00:00', 'UTC', '+00:00'],
    ['2026-03-01T10:00:00', 'Asia/Kolkata', '+05:30'],
    ['2026-03-01T10:00:00', 'America/Los_Angeles', '-08:00'],
    ['2026-06-01T10:00:00', 'America/Los_Angeles', '-07:00'],
  ])('%s in %s is %s', (wall, zone, offset) => {
    expect(zoneOffset(wall, zone)).toBe(offset);
  });
});

describe('toWholeNumber', () => {
  it.each([
    ['3', 3],
    ['3.0', 3],
    ['3人', 3],
    ['３', 3],
    ['2.5', null],
    ['-1', null],
    ['three', null],
  ])('%s → %s', (text, n) => {
    expect(toWholeNumber(text)).toBe(n);
  });
});

describe('enumValue', () => {
  it('reads Chinese and English words, in any case', () => {
    expect(enumValue('已确认', BOOKING_STATUS_WORDS)).toBe('confirmed');
    expect(enumValue('Confirmed', BOOKING_STATUS_WORDS)).toBe('confirmed');
    expect(enumValue(' canceled ', BOOKING_STATUS_WORDS)).toBe('cancelled');
    expect(enumValue('机构', CUSTOMER_TYPE_WORDS)).toBe('organization');
    expect(enumValue('同业', CUSTOMER_TYPE_WORDS)).toBe('partner');
  });

  it('returns unknown words as given, for the validator to name', () => {
    expect(enumValue('待定', BOOKING_STATUS_WORDS)).toBe('待定');
  });
});
