import { KnownCustomers, NamedPerson, identityLockKeys, refKey, resolveIdentities } from '../identity-resolution';

const person = (externalId: string, phone: string | null = null, email: string | null = null, source = 'erp'): NamedPerson => ({ source, externalId, phone, email });
const known = (k: { refs?: [string, string, string][]; phones?: [string, string][]; emails?: [string, string][] } = {}): KnownCustomers => ({
  byRef: new Map((k.refs ?? []).map(([s, e, id]) => [refKey(s, e), id])),
  byPhone: new Map(k.phones ?? []),
  byEmail: new Map(k.emails ?? []),
});

describe('resolveIdentities', () => {
  it('creates a customer for a person nobody knows, and adds the reference', () => {
    const r = resolveIdentities([person('C-1', '+8613800138000')], known());
    expect(r.targets).toEqual([{ created: 0 }]);
    expect(r.created).toEqual([0]);
    expect(r.newRefs).toEqual([{ source: 'erp', externalId: 'C-1', target: { created: 0 } }]);
    expect(r.matchedBy).toEqual(['new']);
  });

  it('prefers the reference over phone and email', () => {
    const r = resolveIdentities([person('C-1', '+861', 'a@x')], known({ refs: [['erp', 'C-1', 'by-ref']], phones: [['+861', 'by-phone']], emails: [['a@x', 'by-email']] }));
    expect(r.targets).toEqual([{ existing: 'by-ref' }]);
    expect(r.newRefs).toEqual([]);
    expect(r.matchedBy).toEqual(['ref']);
  });

  it('falls back to the phone, then the email, and adds the new reference to the match', () => {
    const k = known({ phones: [['+861', 'by-phone']], emails: [['a@x', 'by-email']] });
    expect(resolveIdentities([person('C-1', '+861', 'a@x')], k)).toMatchObject({ targets: [{ existing: 'by-phone' }], matchedBy: ['phone'], newRefs: [{ externalId: 'C-1', target: { existing: 'by-phone' } }] });
    expect(resolveIdentities([person('C-1', '+862', 'a@x')], k)).toMatchObject({ targets: [{ existing: 'by-email' }], matchedBy: ['email'] });
    expect(resolveIdentities([person('C-1', null, 'b@x')], k)).toMatchObject({ targets: [{ created: 0 }], matchedBy: ['new'] });
  });

  it('treats the same reference twice in a batch as one new person', () => {
    const r = resolveIdentities([person('C-1'), person('C-1'), person('C-1', null, null, 'ota')], known());
    expect(r.targets).toEqual([{ created: 0 }, { created: 0 }, { created: 1 }]);
    expect(r.created).toEqual([0, 2]);
    expect(r.newRefs).toHaveLength(2);
  });

  it('joins two references of one batch that share a new phone or email', () => {
    const r = resolveIdentities([person('C-1', '+861'), person('X-9', '+861', null, 'ota'), person('M-1', null, 'a@x'), person('M-2', '+869', 'a@x')], known());
    expect(r.targets).toEqual([{ created: 0 }, { created: 0 }, { created: 1 }, { created: 1 }]);
    expect(r.matchedBy).toEqual(['new', 'phone', 'new', 'email']);
    expect(r.newRefs.map((x) => x.target)).toEqual([{ created: 0 }, { created: 0 }, { created: 1 }, { created: 1 }]);
  });

  it('a phone held by an existing customer keeps resolving to it, even after a reference points elsewhere', () => {
    const r = resolveIdentities([person('C-1', '+861'), person('C-2', '+861')], known({ refs: [['erp', 'C-1', 'other']], phones: [['+861', 'holder']] }));
    expect(r.targets).toEqual([{ existing: 'other' }, { existing: 'holder' }]);
  });

  it('resolves an empty batch to nothing', () => {
    expect(resolveIdentities([], known())).toEqual({ targets: [], created: [], newRefs: [], matchedBy: [] });
  });
});

describe('identityLockKeys', () => {
  it('lists every reference, phone and email once, sorted', () => {
    expect(identityLockKeys([person('B', '+861', 'a@x'), person('A', '+861'), person('B', null, 'a@x')])).toEqual(['email:a@x', 'phone:+861', `ref:${refKey('erp', 'A')}`, `ref:${refKey('erp', 'B')}`]);
  });
  it('keeps sources apart', () => {
    expect(identityLockKeys([person('A', null, null, 'erp'), person('A', null, null, 'ota')])).toHaveLength(2);
  });
});
