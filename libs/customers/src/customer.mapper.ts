import { UserEntity } from '@crm/identity';
import { healthOf, predictionOf } from './customer.entity';
import { CustomerDetails } from './customers.repository';
import { CustomerDto, OwnerDto, TierReasonDto } from './dto/customer.dto';

export function ownerDto(u: UserEntity): OwnerDto {
  return { id: u.id, name: u.name, email: u.email, active: u.active };
}

export function toCustomerDto({ customer: c, contacts, refs }: CustomerDetails): CustomerDto {
  return {
    id: c.id,
    type: c.type,
    name: c.name,
    partnerKind: c.partnerKind,
    phone: c.phone,
    email: c.email,
    organization: c.organization,
    city: c.city,
    birthday: c.birthday,
    ageBand: c.ageBand,
    occupation: c.occupation,
    preferredSeasons: c.preferredSeasons,
    decisionCycleDays: c.decisionCycleDays,
    sensitivities: c.sensitivities,
    motivations: c.motivations,
    tags: c.tags,
    consent: { sms: c.consentSms, email: c.consentEmail, wechat: c.consentWechat, phone: c.consentPhone },
    doNotContact: c.doNotContact,
    ownerId: c.ownerId,
    owner: ownerDto(c.owner!),
    tier: c.tier,
    quadrant: c.quadrant,
    tierFlags: c.tierFlags,
    // The retier job writes exactly these figures (TieringRepository's reason).
    tierReason: c.tierReason as TierReasonDto | null,
    tierChangedAt: c.tierChangedAt?.toISOString() ?? null,
    lifecycleStage: c.lifecycle?.stage ?? null,
    health: healthOf(c.lifecycle),
    prediction: predictionOf(c.lifecycle),
    lifetimeValue: { value: Number(c.value!.lifetimeValue), currency: c.currency },
    contacts: contacts.map((k) => ({ id: k.id, name: k.name, role: k.role, phone: k.phone, email: k.email, primary: k.primary })),
    externalRefs: refs.map((r) => ({ source: r.source, externalId: r.externalId })),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    deletedAt: c.deletedAt?.toISOString() ?? null,
  };
}
