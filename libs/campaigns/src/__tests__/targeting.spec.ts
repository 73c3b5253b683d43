import { randomUUID } from 'node:crypto';
import { chooseChannel, holdoutDraw, inControlGroup } from '../targeting';

describe('hold-out', () => {
  const campaign = '6f1c2d3e-0000-4000-8000-000000000001';
  const customers = Array.from({ length: 20_000 }, () => randomUUID());

  it('is deterministic per campaign and customer', () => {
    for (const c of customers.slice(0, 100)) expect(holdoutDraw(campaign, c)).toBe(holdoutDraw(campaign, c));
  });

  it.each([0, 10, 20, 50])('holds out about %i %% of customers', (percent) => {
    const share = customers.filter((c) => inControlGroup(campaign, c, percent)).length / customers.length;
    expect(Math.abs(share - percent / 100)).toBeLessThan(0.015);
  });

  it('0 % holds out nobody; a larger share keeps everyone a smaller one held out', () => {
    expect(customers.some((c) => inControlGroup(campaign, c, 0))).toBe(false);
    const at10 = customers.filter((c) => inControlGroup(campaign, c, 10));
    expect(at10.every((c) => inControlGroup(campaign, c, 20))).toBe(true);
  });

  it('differs between campaigns', () => {
    const other = '6f1c2d3e-0000-4000-8000-000000000002';
    const a = customers.filter((c) => inControlGroup(campaign, c, 20));
    const b = new Set(customers.filter((c) => inControlGroup(other, c, 20)));
    const overlap = a.filter((c) => b.has(c)).length / a.length;
    expect(overlap).toBeGreaterThan(0.1);
    expect(overlap).toBeLessThan(0.3);
  });
});

describe('chooseChannel', () => {
  const both = { email: 'a@b.cn', phone: '+8613800138000', consentEmail: true, consentSms: true, doNotContact: false };
  it('follows the campaign preference', () => {
    expect(chooseChannel(['sms', 'email'], both)).toEqual({ channel: 'sms', recipient: '+8613800138000' });
    expect(chooseChannel(['email', 'sms'], both)).toEqual({ channel: 'email', recipient: 'a@b.cn' });
  });
  it('skips a channel without consent or without an address', () => {
    expect(chooseChannel(['sms', 'email'], { ...both, consentSms: false })).toEqual({ channel: 'email', recipient: 'a@b.cn' });
    expect(chooseChannel(['sms', 'email'], { ...both, phone: null })).toEqual({ channel: 'email', recipient: 'a@b.cn' });
  });
  it('none when the only consented channel is not the campaign’s, or nothing is consented', () => {
    expect(chooseChannel(['sms'], { ...both, consentSms: false })).toBeNull();
    expect(chooseChannel(['sms', 'email'], { ...both, consentSms: false, consentEmail: false })).toBeNull();
  });
  it('do-not-contact wins over consent', () => {
    expect(chooseChannel(['sms', 'email'], { ...both, doNotContact: true })).toBeNull();
  });
});
