import { monthsBefore } from '@crm/platform';

/**
 * ABCD tiering, the scale × loyalty matrix and the signals, as one pure function over bookings. It is the
 * reference the nightly set-based SQL (tiering.repository.ts) is tested against, and the place to read
 * what the rules are.
 */
export type Tier = 'A' | 'B' | 'C' | 'D';
export type Quadrant = 'large_loyal' | 'large_disloyal' | 'small_loyal' | 'small_disloyal';
export type TierFlag = 'creditRisk' | 'declining' | 'risingStar';
export const TIER_FLAGS: readonly TierFlag[] = ['creditRisk', 'declining', 'risingStar'];

/** Every number of the policy. Shares are percentages (two decimals at most). */
export interface TierRules {
  salesWindowMonths: number;
  aSharePercent: number;
  bSharePercent: number;
  /** D (and creditRisk for A): at least this many bookings paid late… */
  lateMinCount: number;
  /** …and at least this share of the bookings with a due date. */
  lateMinSharePercent: number;
  loyaltyMinBookings: number;
  loyaltyWindowMonths: number;
  loyaltyRecentMonths: number;
  signalWindowMonths: number;
  /** B is `declining` when recent sales or trips fell by at least this share against the window before. */
  decliningDropPercent: number;
  /** C is a `risingStar` when recent sales are at least this many times the window before. */
  risingFactor: number;
}

export const DEFAULT_RULES: TierRules = {
  salesWindowMonths: 12,
  aSharePercent: 50,
  bSharePercent: 80,
  lateMinCount: 2,
  lateMinSharePercent: 50,
  loyaltyMinBookings: 2,
  loyaltyWindowMonths: 24,
  loyaltyRecentMonths: 12,
  signalWindowMonths: 6,
  decliningDropPercent: 33.33, // a third, to the two decimals a share is kept in
  risingFactor: 2,
};

/** The instants the rules' windows start at, computed once in the agency's time zone; both implementations use them. */
export interface Windows {
  asOf: Date;
  salesFrom: Date;
  loyaltyFrom: Date;
  loyaltyRecentFrom: Date;
  signalFrom: Date;
  signalPriorFrom: Date;
}

export function windowsFor(rules: TierRules, asOf: Date, timeZone: string): Windows {
  return {
    asOf,
    salesFrom: monthsBefore(asOf, rules.salesWindowMonths, timeZone),
    loyaltyFrom: monthsBefore(asOf, rules.loyaltyWindowMonths, timeZone),
    loyaltyRecentFrom: monthsBefore(asOf, rules.loyaltyRecentMonths, timeZone),
    signalFrom: monthsBefore(asOf, rules.signalWindowMonths, timeZone),
    signalPriorFrom: monthsBefore(asOf, rules.signalWindowMonths * 2, timeZone),
  };
}

export interface BookingFact {
  customerId: string;
  status: 'inquiry' | 'confirmed' | 'cancelled' | 'completed';
  bookedAt: Date;
  /** Minor units. */
  amount: number;
  paymentDueAt: Date | null;
  paidAt: Date | null;
}

export interface CustomerFact {
  id: string;
  createdAt: Date;
}

/** The figures that decided, kept with the tier so staff can see why. */
export interface TierReason {
  sales: number;
  rank: number | null;
  /** Cumulative share of all sales held by the customers ranked before this one, in percent. */
  shareBeforePercent: number | null;
  dueBookings: number;
  lateBookings: number;
  salesBookingsForLoyalty: number;
  /** The latest sale in the loyalty window. */
  lastSaleAt: string | null;
  recentSales: number;
  priorSales: number;
  recentTrips: number;
  priorTrips: number;
}

export interface TierResult {
  customerId: string;
  tier: Tier | null;
  quadrant: Quadrant | null;
  flags: TierFlag[];
  reason: TierReason;
}

const isSale = (b: BookingFact) => b.status === 'confirmed' || b.status === 'completed';
const within = (at: Date, from: Date, to: Date) => at > from && at <= to;
/** Exact percent comparisons on integer sums: `part / whole < percent %` without floating point. */
const hundredths = (percent: number) => BigInt(Math.round(percent * 100));

export function computeTiers(customers: readonly CustomerFact[], bookings: readonly BookingFact[], rules: TierRules, w: Windows): TierResult[] {
  const facts = new Map(customers.map((c) => [c.id, { customer: c, sales: 0n, due: 0, late: 0, loyal: 0, lastSale: null as Date | null, recentSales: 0n, priorSales: 0n, recentTrips: 0, priorTrips: 0 }]));
  for (const b of bookings) {
    const f = facts.get(b.customerId);
    if (!f || b.bookedAt > w.asOf || !isSale(b)) continue;
    const amount = BigInt(b.amount);
    if (within(b.bookedAt, w.salesFrom, w.asOf)) {
      f.sales += amount;
      if (b.paymentDueAt) {
        f.due++;
        const paidInTime = b.paidAt !== null && b.paidAt <= w.asOf && b.paidAt <= b.paymentDueAt;
        const stillOpen = (b.paidAt === null || b.paidAt > w.asOf) && b.paymentDueAt >= w.asOf;
        if (!paidInTime && !stillOpen) f.late++;
      }
    }
    if (within(b.bookedAt, w.loyaltyFrom, w.asOf)) {
      f.loyal++;
      if (!f.lastSale || b.bookedAt > f.lastSale) f.lastSale = b.bookedAt;
    }
    if (within(b.bookedAt, w.signalFrom, w.asOf)) (f.recentSales += amount), f.recentTrips++;
    else if (within(b.bookedAt, w.signalPriorFrom, w.signalFrom)) (f.priorSales += amount), f.priorTrips++;
  }

  const ranked = [...facts.values()].sort(
    (a, b) => (a.sales === b.sales ? 0 : a.sales > b.sales ? -1 : 1) || a.customer.createdAt.getTime() - b.customer.createdAt.getTime() || (a.customer.id < b.customer.id ? -1 : a.customer.id > b.customer.id ? 1 : 0),
  );
  const total = ranked.reduce((s, f) => s + f.sales, 0n);
  let before = 0n;
  return ranked.map((f, i) => {
    const shareBefore = before;
    before += f.sales;
    const paysLate = f.late >= rules.lateMinCount && BigInt(f.late) * 10000n >= hundredths(rules.lateMinSharePercent) * BigInt(f.due);
    let tier: Tier | null = null;
    if (f.sales > 0n) tier = shareBefore * 10000n < hundredths(rules.aSharePercent) * total ? 'A' : shareBefore * 10000n < hundredths(rules.bSharePercent) * total ? 'B' : 'C';
    const flags: TierFlag[] = [];
    if (tier === 'A' && paysLate) flags.push('creditRisk');
    if ((tier === 'B' || tier === 'C') && paysLate) tier = 'D';
    const drop = hundredths(rules.decliningDropPercent);
    const fell = (recent: bigint, prior: bigint) => prior > 0n && (prior - recent) * 10000n >= drop * prior;
    if (tier === 'B' && (fell(f.recentSales, f.priorSales) || fell(BigInt(f.recentTrips), BigInt(f.priorTrips)))) flags.push('declining');
    if (tier === 'C' && f.recentSales > 0n && f.recentSales * 100n >= hundredths(rules.risingFactor) * f.priorSales) flags.push('risingStar');
    const loyal = f.loyal >= rules.loyaltyMinBookings && f.lastSale !== null && f.lastSale > w.loyaltyRecentFrom;
    const quadrant: Quadrant | null = tier === null ? null : `${tier === 'A' || tier === 'B' ? 'large' : 'small'}_${loyal ? 'loyal' : 'disloyal'}`;
    return {
      customerId: f.customer.id,
      tier,
      quadrant,
      flags,
      reason: {
        sales: Number(f.sales),
        rank: f.sales > 0n ? i + 1 : null,
        shareBeforePercent: f.sales > 0n && total > 0n ? Number((shareBefore * 10000n) / total) / 100 : null,
        dueBookings: f.due,
        lateBookings: f.late,
        salesBookingsForLoyalty: f.loyal,
        lastSaleAt: f.lastSale?.toISOString() ?? null,
        recentSales: Number(f.recentSales),
        priorSales: Number(f.priorSales),
        recentTrips: f.recentTrips,
        priorTrips: f.priorTrips,
      },
    };
  });
}
