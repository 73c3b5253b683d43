import { REDACTED, fieldChanges } from '../audit-changes';

describe('fieldChanges', () => {
  it('lists only the fields whose value changed', () => {
    expect(fieldChanges({ name: '张三', city: '上海', tier: 'A' }, { name: '张三', city: '杭州', tier: 'A' })).toEqual({ city: { before: '上海', after: '杭州' } });
  });

  it('is empty when nothing changed, or both sides are empty', () => {
    expect(fieldChanges({ a: 1, b: 'x' }, { a: 1, b: 'x' })).toEqual({});
    expect(fieldChanges({}, {})).toEqual({});
    expect(fieldChanges(null, null)).toEqual({});
  });

  it('records a created record as after values only (before null), leaving out empty fields', () => {
    expect(fieldChanges(null, { name: '李四', phone: null, email: undefined, tags: ['family'] })).toEqual({
      name: { before: null, after: '李四' },
      tags: { before: null, after: ['family'] },
    });
  });

  it('records a removed record as before values only', () => {
    expect(fieldChanges({ name: 'x', scopes: ['customers:read'] }, null)).toEqual({
      name: { before: 'x', after: null },
      scopes: { before: ['customers:read'], after: null },
    });
  });

  it('treats undefined and null as the same: no value', () => {
    expect(fieldChanges({ a: null }, { a: undefined })).toEqual({});
    expect(fieldChanges({ a: undefined }, {})).toEqual({});
    expect(fieldChanges({ a: null }, { a: 0 })).toEqual({ a: { before: null, after: 0 } });
    expect(fieldChanges({ a: '' }, { a: null })).toEqual({ a: { before: '', after: null } });
  });

  it('includes fields present on one side only', () => {
    expect(fieldChanges({ a: 1 }, { b: 2 })).toEqual({ b: { before: null, after: 2 }, a: { before: 1, after: null } });
  });

  it('normalises Dates to ISO strings and compares them by instant', () => {
    const at = new Date('2026-03-01T02:00:00.000Z');
    expect(fieldChanges({ at }, { at: new Date(at.getTime()) })).toEqual({});
    expect(fieldChanges({ deletedAt: null }, { deletedAt: at })).toEqual({ deletedAt: { before: null, after: '2026-03-01T02:00:00.000Z' } });
    expect(fieldChanges({ at: '2026-03-01T02:00:00.000Z' }, { at })).toEqual({});
  });

  it('turns an invalid Date into null rather than throwing', () => {
    expect(fieldChanges({ at: new Date('nope') }, { at: null })).toEqual({});
  });

  it('normalises Dates inside arrays and objects', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    expect(fieldChanges(null, { history: [{ at }] })).toEqual({ history: { before: null, after: [{ at: '2026-01-01T00:00:00.000Z' }] } });
  });

  it('compares arrays by content and order', () => {
    expect(fieldChanges({ tags: ['a', 'b'] }, { tags: ['a', 'b'] })).toEqual({});
    expect(fieldChanges({ tags: ['a', 'b'] }, { tags: ['b', 'a'] })).toEqual({ tags: { before: ['a', 'b'], after: ['b', 'a'] } });
    expect(fieldChanges({ tags: [] }, { tags: ['a'] })).toEqual({ tags: { before: [], after: ['a'] } });
    expect(fieldChanges({ tags: [] }, { tags: null })).toEqual({ tags: { before: [], after: null } });
  });

  it('compares objects by content, whatever the key order', () => {
    expect(fieldChanges({ consent: { sms: true, email: false } }, { consent: { email: false, sms: true } })).toEqual({});
    expect(fieldChanges({ consent: { sms: true } }, { consent: { sms: false } })).toEqual({ consent: { before: { sms: true }, after: { sms: false } } });
    expect(fieldChanges({ c: { a: 1, b: undefined } }, { c: { a: 1 } })).toEqual({});
  });

  it('compares nested arrays of objects (contacts)', () => {
    const before = [{ name: '王五', phone: '+8613800138000', primary: true }];
    expect(fieldChanges({ contacts: before }, { contacts: [{ primary: true, phone: '+8613800138000', name: '王五' }] })).toEqual({});
    const after = [{ ...before[0], phone: '+8613900139000' }];
    expect(fieldChanges({ contacts: before }, { contacts: after })).toEqual({ contacts: { before, after } });
  });

  it('tells values of different types apart', () => {
    expect(fieldChanges({ n: 1 }, { n: '1' })).toEqual({ n: { before: 1, after: '1' } });
    expect(fieldChanges({ b: false }, { b: 0 })).toEqual({ b: { before: false, after: 0 } });
    expect(fieldChanges({ b: false }, { b: null })).toEqual({ b: { before: false, after: null } });
    expect(fieldChanges({ v: [1] }, { v: { 0: 1 } })).toEqual({ v: { before: [1], after: { 0: 1 } } });
  });

  it('turns bigints into strings', () => {
    expect(fieldChanges({ value: 10n }, { value: 12n })).toEqual({ value: { before: '10', after: '12' } });
    expect(fieldChanges({ value: 10n }, { value: '10' })).toEqual({});
  });

  it('shows only that a redacted field changed, never its value', () => {
    const changes = fieldChanges({ name: 'a', password: 'hash-1' }, { name: 'a', password: 'hash-2' }, { redact: ['password'] });
    expect(changes).toEqual({ password: { before: REDACTED, after: REDACTED } });
    expect(JSON.stringify(changes)).not.toContain('hash-');
    expect(fieldChanges(null, { password: 'hash' }, { redact: ['password'] })).toEqual({ password: { before: null, after: REDACTED } });
    expect(fieldChanges({ password: 'same' }, { password: 'same' }, { redact: ['password'] })).toEqual({});
  });

  it('keeps the field order of the after snapshot, then fields that went away', () => {
    expect(Object.keys(fieldChanges({ z: 1, gone: 1 }, { b: 1, a: 1, z: 2 }))).toEqual(['b', 'a', 'z', 'gone']);
  });

  it('does not change its inputs', () => {
    const before = { at: new Date('2026-01-01T00:00:00Z'), tags: ['a'] };
    const after = { at: new Date('2026-01-02T00:00:00Z'), tags: ['b'] };
    fieldChanges(before, after);
    expect(before.at).toBeInstanceOf(Date);
    expect(after.tags).toEqual(['b']);
  });
});
