import { describe, expect, it } from '@jest/globals';
import { toCreateBody, toFormValues, toUpdateBody } from '../customer-form-values';
import type { Customer } from '../data/customers';

const customer: Customer = {
  id: 'c1',
  type: 'organization',
  name: '远景科技有限公司',
  partnerKind: null,
  phone: '+8613800138000',
  email: 'hr@example.com',
  organization: null,
  city: '上海',
  birthday: null,
  ageBand: null,
  occupation: null,
  preferredSeasons: ['spring'],
  decisionCycleDays: 30,
  sensitivities: [],
  motivations: ['团建'],
  tags: ['企业'],
  consent: { sms: true, email: false, wechat: true, phone: false },
  doNotContact: false,
  ownerId: 'u1',
  owner: { id: 'u1', name: '李娜', email: 'li.na@example.com', active: true },
  tier: 'A',
  quadrant: null,
  tierFlags: [],
  tierReason: null,
  tierChangedAt: null,
  lifecycleStage: null,
  health: null,
  prediction: null,
  lifetimeValue: { value: 1280000, currency: 'CNY' },
  contacts: [{ id: 'k1', name: '王五', role: '行政', phone: null, email: null, primary: true }],
  externalRefs: [{ source: 'erp', externalId: 'C-1' }],
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-02T00:00:00Z',
  deletedAt: null,
};

describe('toCreateBody', () => {
  it('sends blanks as null, which the API reads as "not set"', () => {
    const body = toCreateBody({ ...toFormValues(), name: ' 张三 ', phone: '', email: '  ', city: undefined });
    expect(body).toMatchObject({ type: 'individual', name: '张三', phone: null, email: null, city: null, contacts: [] });
  });

  it('drops contacts for individuals and partner kinds for non-partners', () => {
    const body = toCreateBody({ ...toFormValues(customer), type: 'individual', partnerKind: 'distributor' });
    expect(body.contacts).toEqual([]);
    expect(body.partnerKind).toBeNull();
  });

  it('never sends read-only fields (the API refuses unknown ones)', () => {
    const body = toCreateBody(toFormValues(customer)) as Record<string, unknown>;
    for (const field of ['id', 'tier', 'owner', 'lifetimeValue', 'createdAt']) expect(body).not.toHaveProperty(field);
    expect((body.contacts as object[])[0]).not.toHaveProperty('id');
  });
});

describe('toUpdateBody', () => {
  it('is empty when nothing changed', () => {
    expect(toUpdateBody(customer, toFormValues(customer))).toEqual({});
  });

  it('holds only the changed fields', () => {
    const values = { ...toFormValues(customer), city: '杭州', phone: '123' };
    expect(toUpdateBody(customer, values)).toEqual({ city: '杭州', phone: '123' });
  });

  it('sends the reason only with an owner change', () => {
    expect(toUpdateBody(customer, { ...toFormValues(customer), ownerChangeReason: '离职' })).toEqual({});
    expect(toUpdateBody(customer, { ...toFormValues(customer), ownerId: 'u2', ownerChangeReason: ' 离职 ' })).toEqual({ ownerId: 'u2', ownerChangeReason: '离职' });
  });

  it('replaces the contact list as a whole when one contact changes', () => {
    const values = toFormValues(customer);
    values.contacts = [{ ...values.contacts[0], email: 'wang@example.com' }];
    expect(toUpdateBody(customer, values)).toEqual({ contacts: [{ name: '王五', role: '行政', phone: null, email: 'wang@example.com', primary: true }] });
  });
});
