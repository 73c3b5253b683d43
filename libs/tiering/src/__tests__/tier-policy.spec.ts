import { BookingFact, CustomerFact, DEFAULT_RULES, TierRules, computeTiers, windowsFor } from '../tier-policy';

const TZ = 'Asia/Shanghai';
const asOf = new Date('2026-06-30T18:00:00Z'); // 2026-07-01 02:00 in Shanghai: the nightly run
const w = windowsFor(DEFAULT_RULES, asOf, TZ);
const daysAgo = (d: number) => new Date(asOf.getTime() - d * 86_400_000);
let n = 0;
const customer = (id: string, createdDaysAgo = 1000): CustomerFact => ({ id, createdAt: daysAgo(createdDaysAgo + n++ / 1000) });
const sale = (customerId: string, amount: number, bookedDaysAgo = 30, extra: Partial<BookingFact> = {}): BookingFact => ({
  customerId, status: 'completed', bookedAt: daysAgo(bookedDaysAgo), amount, paymentDueAt: null, paidAt: null, ...extra,
});
const run = (customers: CustomerFact[], bookings: BookingFact[], rules: Partial<TierRules> = {}) =>
  Object.fromEntries(computeTiers(customers, bookings, { ...DEFAULT_RULES, ...rules }, windowsFor({ ...DEFAULT_RULES, ...rules }, asOf, TZ)).map((r) => [r.customerId, r]));
const tiers = (r: ReturnType<typeof run>) => Object.fromEntries(Object.entries(r).map(([id, x]) => [id, x.tier]));

describe('windowsFor', () => {
  it('counts months on the agency calendar', () => {
    expect(w.salesFrom.toISOString()).toBe('2025-06-30T18:00:00.000Z');
    expect(w.signalFrom.toISOString()).toBe('2025-12-31T18:00:00.000Z');
    expect(w.loyaltyFrom.toISOString()).toBe('2024-06-30T18:00:00.000Z');
  });
  it('clamps the day at the end of a shorter month', () => {
    const end = windowsFor({ ...DEFAULT_RULES, salesWindowMonths: 1 }, new Date('2026-03-30T16:00:00Z'), TZ); // 31 March, 00:00 Shanghai
    expect(end.salesFrom.toISOString()).toBe('2026-02-27T16:00:00.000Z'); // 28 February, 00:00 Shanghai
  });
});

describe('computeTiers: the A and B lines', () => {
  const five = () => ['a', 'b', 'c', 'd', 'e'].map((id) => customer(id));
  it('A is the smallest leading group reaching 50 %, the crossing customer included; B up to 80 %; C the rest', () => {
    // 40, 30, 15, 10, 5 (% of 100): a=40 (<50 before), b crosses 50 → A; c starts at 70 → B; d starts at 85 → C.
    const r = run(five(), [sale('a', 40), sale('b', 30), sale('c', 15), sale('d', 10), sale('e', 5)]);
    expect(tiers(r)).toEqual({ a: 'A', b: 'A', c: 'B', d: 'C', e: 'C' });
    expect(r.c.reason).toMatchObject({ sales: 15, rank: 3, shareBeforePercent: 70 });
  });
  it('a customer starting exactly at the line is beyond it', () => {
    // a = 50 exactly: b starts at 50 → not A; b ends at 80; c starts at exactly 80 → C.
    const r = run(five(), [sale('a', 50), sale('b', 30), sale('c', 10), sale('d', 5), sale('e', 5)]);
    expect(tiers(r)).toEqual({ a: 'A', b: 'B', c: 'C', d: 'C', e: 'C' });
  });
  it('one customer with all the sales is A, the others have no tier', () => {
    expect(tiers(run(five(), [sale('a', 999)]))).toEqual({ a: 'A', b: null, c: null, d: null, e: null });
  });
  it('nothing to tier without customers or sales', () => {
    expect(run([], [])).toEqual({});
    expect(tiers(run(five(), []))).toEqual({ a: null, b: null, c: null, d: null, e: null });
  });
  it('breaks ties by the older customer first, then by id', () => {
    const cs = [customer('young', 10), customer('old', 2000), customer('x', 500), customer('w', 500)];
    cs[3].createdAt = cs[2].createdAt;
    const r = run(cs, [sale('young', 10), sale('old', 10), sale('x', 10), sale('w', 10)]);
    expect([r.old.reason.rank, r.w.reason.rank, r.x.reason.rank, r.young.reason.rank]).toEqual([1, 2, 3, 4]);
    expect(tiers(r)).toEqual({ old: 'A', w: 'A', x: 'B', young: 'B' }); // young starts at 75 %, before the B line
  });
  it('moves with the policy: an A line at 45 % makes a smaller A group', () => {
    const bookings = [sale('a', 45), sale('b', 30), sale('c', 15), sale('d', 10)];
    expect(tiers(run(five(), bookings)).b).toBe('A');
    expect(tiers(run(five(), bookings, { aSharePercent: 45 })).b).toBe('B');
  });
  it('counts only confirmed and completed sales booked in the window, up to asOf', () => {
    const r = run(five(), [
      sale('a', 100, 30, { status: 'cancelled' }),
      sale('a', 100, 30, { status: 'inquiry' }),
      sale('b', 100, 400), // older than 12 months
      sale('c', 100, -1), // booked after asOf: does not exist yet
      sale('d', 7, 364, { status: 'confirmed' }),
    ]);
    expect(tiers(r)).toEqual({ a: null, b: null, c: null, d: 'A', e: null });
    expect(r.d.reason.sales).toBe(7);
  });
  it('is exact with very large sums', () => {
    // a holds a hair under 50 %: b crosses the line. With c one fen smaller, a holds exactly 50 % and b starts at the line.
    expect(tiers(run(five(), [sale('a', 3_999_999_999_999_999), sale('b', 3_000_000_000_000_000), sale('c', 1_000_000_000_000_001)]))).toMatchObject({ a: 'A', b: 'A' });
    expect(tiers(run(five(), [sale('a', 3_999_999_999_999_999), sale('b', 3_000_000_000_000_000), sale('c', 999_999_999_999_999)]))).toMatchObject({ a: 'A', b: 'B' });
  });
});

describe('computeTiers: paying late', () => {
  const late = (id: string, amount: number) => sale(id, amount, 60, { paymentDueAt: daysAgo(50), paidAt: daysAgo(40) });
  const onTime = (id: string, amount: number) => sale(id, amount, 60, { paymentDueAt: daysAgo(50), paidAt: daysAgo(55) });
  const cs = () => ['a', 'b', 'c', 'd'].map((id) => customer(id));
  it('a B or C customer with two or more late payments, half or more of those due, is D', () => {
    const r = run(cs(), [sale('a', 60), late('b', 10), late('b', 10), onTime('b', 5), late('c', 5), late('c', 5), onTime('c', 1), onTime('c', 1), onTime('c', 1)]);
    expect(tiers(r)).toMatchObject({ a: 'A', b: 'D', c: 'C' });
    expect(r.b.reason).toMatchObject({ dueBookings: 3, lateBookings: 2 });
    expect(r.b.quadrant).toBe('small_loyal'); // D is small; three recent sales make it loyal
  });
  it('one late payment is not enough, even if it is the only one', () => {
    expect(tiers(run(cs(), [sale('a', 60), late('b', 30)])).b).toBe('B');
  });
  it('an A customer who pays late stays A, flagged creditRisk', () => {
    const r = run(cs(), [late('a', 50), late('a', 50), sale('b', 30)]);
    expect(r.a).toMatchObject({ tier: 'A', flags: ['creditRisk'] });
  });
  it('unpaid past due is late; unpaid and not yet due is not', () => {
    const r = run(cs(), [
      sale('a', 100),
      sale('b', 20, 60, { paymentDueAt: daysAgo(5) }),
      sale('b', 20, 60, { paymentDueAt: daysAgo(4) }),
      sale('c', 20, 60, { paymentDueAt: daysAgo(-5) }),
      sale('c', 20, 60, { paymentDueAt: daysAgo(-4) }),
    ]);
    expect(tiers(r)).toMatchObject({ b: 'D', c: 'B' });
    expect(r.c.reason).toMatchObject({ dueBookings: 2, lateBookings: 0 });
  });
  it('a payment made after asOf was still unpaid at asOf', () => {
    const r = run(cs(), [sale('a', 100), sale('b', 20, 60, { paymentDueAt: daysAgo(5), paidAt: daysAgo(-1) }), sale('b', 20, 60, { paymentDueAt: daysAgo(5), paidAt: daysAgo(-2) })]);
    expect(r.b.reason.lateBookings).toBe(2);
  });
});

describe('computeTiers: loyalty and the matrix', () => {
  const cs = () => ['a', 'b', 'c', 'd'].map((id) => customer(id));
  it('loyal with two sales in 24 months, the latest within 12', () => {
    const r = run(cs(), [sale('a', 50), sale('a', 10, 500), sale('b', 30), sale('c', 5, 20), sale('c', 5, 700), sale('d', 1)]);
    expect(r.a.quadrant).toBe('large_loyal');
    expect(r.b.quadrant).toBe('large_disloyal'); // one sale only
    expect(r.c.quadrant).toBe('small_loyal');
    expect(r.d.quadrant).toBe('small_disloyal');
  });
  it('two sales long ago are not loyal: the latest must be within 12 months', () => {
    const r = run(cs(), [sale('a', 10, 380), sale('a', 10, 500), sale('b', 5)]);
    expect(r.a.tier).toBeNull(); // no sales in the window at all
    expect(r.b.quadrant).toBe('large_disloyal');
  });
  it('a sale exactly 24 months back is outside the loyalty window', () => {
    const exactly = new Date(w.loyaltyFrom);
    const r = run(cs(), [sale('a', 10), { ...sale('a', 10), bookedAt: exactly }]);
    expect(r.a.reason.salesBookingsForLoyalty).toBe(1);
  });
  it('no tier, no quadrant', () => {
    expect(run(cs(), [sale('a', 1)]).b).toMatchObject({ tier: null, quadrant: null, flags: [] });
  });
});

describe('computeTiers: signals', () => {
  const cs = () => ['a', 'b', 'c', 'd', 'e'].map((id) => customer(id));
  const base = () => [sale('a', 1000)];
  it('a B customer whose sales fell by a third or more is declining', () => {
    const r = run(cs(), [...base(), sale('b', 300, 250), sale('b', 200, 60), sale('c', 100)]);
    expect(r.b).toMatchObject({ tier: 'B', flags: ['declining'] });
  });
  it('a fall of less than a third is not declining', () => {
    const r = run(cs(), [...base(), sale('b', 300, 250), sale('b', 250, 60), sale('c', 100)]);
    expect(r.b.flags).toEqual([]);
  });
  it('fewer trips by a third is declining even at the same sales', () => {
    const r = run(cs(), [...base(), sale('b', 100, 250), sale('b', 100, 240), sale('b', 100, 230), sale('b', 300, 60), sale('c', 100)]);
    expect(r.b.flags).toEqual(['declining']);
  });
  it('a C customer whose recent sales doubled is a rising star; never bought before counts', () => {
    const r = run(cs(), [sale('a', 1000), sale('b', 400), sale('c', 10, 250), sale('c', 20, 30), sale('d', 15, 30), sale('e', 10, 250), sale('e', 19, 30)]);
    expect(r.c).toMatchObject({ tier: 'C', flags: ['risingStar'] });
    expect(r.d.flags).toEqual(['risingStar']);
    expect(r.e.flags).toEqual([]);
  });
  it('A customers get no signal but creditRisk', () => {
    expect(run(cs(), [sale('a', 300, 250), sale('a', 10, 30)]).a.flags).toEqual([]);
  });
});
