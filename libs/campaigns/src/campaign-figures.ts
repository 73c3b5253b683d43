import type { RecipientGroup } from './campaign.entity';

/**
 * A campaign's measured effect: the treated group (messaged) against the hold-out control group (not messaged),
 * from per-group counts and revenue the database adds up. Pure arithmetic; no figure is invented for an empty group.
 */
export const CONVERSION_DAYS = 90;

export interface GroupCounts {
  group: RecipientGroup;
  customers: number;
  sent: number;
  converted: number;
}

export interface GroupRevenue {
  group: RecipientGroup;
  currency: string;
  /** Minor units. */
  value: number;
}

export interface GroupFigures {
  customers: number;
  /** Messages delivered (treated); 0 for control. */
  sent: number;
  converted: number;
  /** converted / customers; null for an empty group. */
  conversionRate: number | null;
  revenue: { currency: string; value: number; perCustomer: number | null }[];
}

export interface Lift {
  /** Treated rate minus control rate (a share, 0.05 = 5 points); null without both groups. */
  conversionRate: number | null;
  /** Treated rate over control rate, minus one; null when control converted nobody. */
  relative: number | null;
  /** Conversions the messages brought beyond what the treated would have done anyway. */
  incrementalConversions: number | null;
  /** Per currency: (treated − control revenue per customer) × treated customers, minor units, rounded. */
  incrementalRevenue: { currency: string; value: number }[];
}

export interface CampaignFigures {
  treated: GroupFigures;
  control: GroupFigures;
  lift: Lift;
}

function group(name: RecipientGroup, counts: GroupCounts[], revenue: GroupRevenue[], currencies: string[]): GroupFigures {
  const c = counts.find((x) => x.group === name) ?? { customers: 0, sent: 0, converted: 0 };
  const rate = c.customers ? c.converted / c.customers : null;
  return {
    customers: c.customers, sent: c.sent, converted: c.converted, conversionRate: rate,
    revenue: currencies.map((currency) => {
      const value = revenue.find((r) => r.group === name && r.currency === currency)?.value ?? 0;
      return { currency, value, perCustomer: c.customers ? value / c.customers : null };
    }),
  };
}

export function campaignFigures(counts: GroupCounts[], revenue: GroupRevenue[]): CampaignFigures {
  const currencies = [...new Set(revenue.map((r) => r.currency))].sort();
  const treated = group('treated', counts, revenue, currencies);
  const control = group('control', counts, revenue, currencies);
  const both = treated.conversionRate !== null && control.conversionRate !== null;
  const diff = both ? treated.conversionRate! - control.conversionRate! : null;
  return {
    treated, control,
    lift: {
      conversionRate: diff,
      relative: both && control.conversionRate! > 0 ? treated.conversionRate! / control.conversionRate! - 1 : null,
      incrementalConversions: diff === null ? null : diff * treated.customers,
      incrementalRevenue: both
        ? currencies.map((currency, i) => ({ currency, value: Math.round((treated.revenue[i].perCustomer! - control.revenue[i].perCustomer!) * treated.customers) }))
        : [],
    },
  };
}
