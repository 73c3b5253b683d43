import { Tag } from 'antd';
import type { Customer } from '../data/customers';

const COLORS: Record<NonNullable<Customer['tier']>, string> = { A: 'gold', B: 'blue', C: 'default', D: 'red' };

/** The ABCD tier as a coloured tag, or a dash while the customer has not been tiered yet. */
export function TierTag({ tier }: { tier: Customer['tier'] }) {
  return tier ? <Tag color={COLORS[tier]}>{tier}</Tag> : <span aria-hidden>—</span>;
}
