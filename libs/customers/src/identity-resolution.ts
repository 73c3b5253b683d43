/**
 * Who a booking system's customer is, decided without a database: the caller loads what already exists
 * for the batch's keys (under locks on those keys) and this function decides, in order, for every named
 * person: (source, externalId) → normalised phone → lower-cased email → a new customer. People named
 * twice in one batch (same reference, phone or email) become one new customer, not two.
 */
export interface NamedPerson {
  source: string;
  externalId: string;
  /** E.164, already normalised; null when not given. */
  phone: string | null;
  /** Lower-cased; null when not given. */
  email: string | null;
}

export interface KnownCustomers {
  /** `refKey(source, externalId)` → customer id. */
  byRef: ReadonlyMap<string, string>;
  /** Phone → the customer that phone resolves to (the oldest holder). */
  byPhone: ReadonlyMap<string, string>;
  byEmail: ReadonlyMap<string, string>;
}

/** An existing customer's id, or the index of a customer to create (into `Resolution.created`). */
export type CustomerTarget = { existing: string } | { created: number };

export interface Resolution {
  /** Per named person, in input order. */
  targets: CustomerTarget[];
  /** Indexes into the input of the people whose new customers to create, one each. */
  created: number[];
  /** References to add: the first system that names a person adds its reference. */
  newRefs: { source: string; externalId: string; target: CustomerTarget }[];
  /** How each person was matched, for the caller's records. */
  matchedBy: ('ref' | 'phone' | 'email' | 'new')[];
}

/** Unambiguous: a source is lower-case letters, digits, - and _ only. */
export const refKey = (source: string, externalId: string) => `${source}/${externalId}`;

export function resolveIdentities(people: readonly NamedPerson[], known: KnownCustomers): Resolution {
  const byRef = new Map<string, CustomerTarget>([...known.byRef].map(([k, id]) => [k, { existing: id }]));
  const byPhone = new Map<string, CustomerTarget>([...known.byPhone].map(([k, id]) => [k, { existing: id }]));
  const byEmail = new Map<string, CustomerTarget>([...known.byEmail].map(([k, id]) => [k, { existing: id }]));
  const result: Resolution = { targets: [], created: [], newRefs: [], matchedBy: [] };

  people.forEach((person, index) => {
    const key = refKey(person.source, person.externalId);
    let target = byRef.get(key);
    let how: Resolution['matchedBy'][number] = 'ref';
    if (!target && person.phone) [target, how] = [byPhone.get(person.phone), 'phone'];
    if (!target && person.email) [target, how] = [byEmail.get(person.email), 'email'];
    if (!target) {
      target = { created: result.created.length };
      how = 'new';
      result.created.push(index);
    }
    if (!byRef.has(key)) {
      byRef.set(key, target);
      result.newRefs.push({ source: person.source, externalId: person.externalId, target });
    }
    // A new customer's phone and email identify it for the rest of the batch; an existing holder keeps its own.
    if (person.phone && !byPhone.has(person.phone)) byPhone.set(person.phone, target);
    if (person.email && !byEmail.has(person.email)) byEmail.set(person.email, target);
    result.targets.push(target);
    result.matchedBy.push(how);
  });
  return result;
}

/**
 * The advisory-lock keys for a batch: every reference, phone and email it names, as text, sorted so two
 * batches always lock in the same order (no deadlock). The caller hashes them in SQL.
 */
export function identityLockKeys(people: readonly NamedPerson[]): string[] {
  const keys = new Set<string>();
  for (const p of people) {
    keys.add(`ref:${refKey(p.source, p.externalId)}`);
    if (p.phone) keys.add(`phone:${p.phone}`);
    if (p.email) keys.add(`email:${p.email}`);
  }
  return [...keys].sort();
}
