import type { CreateCustomer, Customer, UpdateCustomer } from './data/customers';

type Consent = Customer['consent'];
type ContactValues = { name: string; role?: string | null; phone?: string | null; email?: string | null; primary?: boolean };

/** What the customer form edits: the writable fields, with the shapes antd inputs produce. */
export interface CustomerFormValues {
  type: Customer['type'];
  name: string;
  partnerKind?: CreateCustomer['partnerKind'];
  phone?: string | null;
  email?: string | null;
  organization?: string | null;
  city?: string | null;
  birthday?: string | null;
  ageBand?: CreateCustomer['ageBand'];
  occupation?: string | null;
  preferredSeasons: NonNullable<CreateCustomer['preferredSeasons']>;
  decisionCycleDays?: number | null;
  sensitivities: string[];
  motivations: string[];
  tags: string[];
  consent: Consent;
  doNotContact: boolean;
  contacts: ContactValues[];
  externalRefs: { source: string; externalId: string }[];
  ownerId?: string;
  ownerChangeReason?: string;
}

const NO_CONSENT: Consent = { sms: false, email: false, wechat: false, phone: false };

export function toFormValues(c?: Customer): CustomerFormValues {
  if (!c) {
    return { type: 'individual', name: '', preferredSeasons: [], sensitivities: [], motivations: [], tags: [], consent: NO_CONSENT, doNotContact: false, contacts: [], externalRefs: [] };
  }
  return {
    type: c.type,
    name: c.name,
    partnerKind: c.partnerKind as CustomerFormValues['partnerKind'],
    phone: c.phone,
    email: c.email,
    organization: c.organization,
    city: c.city,
    birthday: c.birthday,
    ageBand: c.ageBand as CustomerFormValues['ageBand'],
    occupation: c.occupation,
    preferredSeasons: c.preferredSeasons as CustomerFormValues['preferredSeasons'],
    decisionCycleDays: c.decisionCycleDays,
    sensitivities: c.sensitivities,
    motivations: c.motivations,
    tags: c.tags,
    consent: c.consent,
    doNotContact: c.doNotContact,
    contacts: c.contacts.map(({ name, role, phone, email, primary }) => ({ name, role, phone, email, primary })),
    externalRefs: c.externalRefs.map(({ source, externalId }) => ({ source, externalId })),
    ownerId: c.ownerId,
  };
}

/** A blank input clears the field: the API wants null, not "". */
const blankToNull = <T,>(v: T | '' | undefined): T | null => (v === '' || v === undefined ? null : typeof v === 'string' ? ((v.trim() || null) as T | null) : v);

/** The request body for POST /customers: blanks as null, contacts only where they belong. */
export function toCreateBody(v: CustomerFormValues): CreateCustomer {
  const body: CreateCustomer = {
    type: v.type,
    name: v.name.trim(),
    partnerKind: v.type === 'partner' ? blankToNull(v.partnerKind) : null,
    phone: blankToNull(v.phone),
    email: blankToNull(v.email),
    organization: blankToNull(v.organization),
    city: blankToNull(v.city),
    birthday: blankToNull(v.birthday),
    ageBand: blankToNull(v.ageBand),
    occupation: blankToNull(v.occupation),
    preferredSeasons: v.preferredSeasons ?? [],
    decisionCycleDays: blankToNull(v.decisionCycleDays),
    sensitivities: v.sensitivities ?? [],
    motivations: v.motivations ?? [],
    tags: v.tags ?? [],
    consent: { ...NO_CONSENT, ...v.consent },
    doNotContact: !!v.doNotContact,
    contacts:
      v.type === 'individual'
        ? []
        : (v.contacts ?? []).map((c) => ({ name: c.name?.trim() ?? '', role: blankToNull(c.role), phone: blankToNull(c.phone), email: blankToNull(c.email), primary: !!c.primary })),
    externalRefs: (v.externalRefs ?? []).map((r) => ({ source: r.source?.trim() ?? '', externalId: r.externalId?.trim() ?? '' })),
  };
  if (v.ownerId) body.ownerId = v.ownerId;
  return body;
}

/** The PATCH body: only the fields that differ from the customer as loaded (and the reason with an owner change). */
export function toUpdateBody(original: Customer, v: CustomerFormValues): UpdateCustomer {
  const before = toCreateBody(toFormValues(original)) as Record<string, unknown>;
  const after = toCreateBody(v) as Record<string, unknown>;
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (JSON.stringify(value) !== JSON.stringify(before[key])) body[key] = value;
  }
  if (body.ownerId && v.ownerChangeReason?.trim()) body.ownerChangeReason = v.ownerChangeReason.trim();
  return body as UpdateCustomer;
}
