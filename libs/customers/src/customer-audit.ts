import { CustomerContactEntity, CustomerEntity } from './customer.entity';

type ContactFields = Pick<CustomerContactEntity, 'name' | 'role' | 'phone' | 'email' | 'primary'>;
type RefFields = { source: string; externalId: string };

/**
 * A customer as its audit entries compare it: the given columns, plus contacts and external references when the
 * write touched them (in order; references as "source:externalId"). Fed to fieldChanges before and after a write.
 */
export function auditedCustomer(columns: Partial<CustomerEntity>, contacts?: ContactFields[], refs?: RefFields[]): Record<string, unknown> {
  const snapshot: Record<string, unknown> = { ...columns };
  if (contacts) snapshot.contacts = contacts.map((c) => ({ name: c.name, role: c.role, phone: c.phone, email: c.email, primary: c.primary }));
  if (refs) snapshot.externalRefs = refs.map((r) => `${r.source}:${r.externalId}`);
  return snapshot;
}

/** The current values of the columns a write is about to set. */
export function currentColumns(current: CustomerEntity, written: Partial<CustomerEntity>): Partial<CustomerEntity> {
  return Object.fromEntries(Object.keys(written).map((k) => [k, current[k as keyof CustomerEntity]]));
}
