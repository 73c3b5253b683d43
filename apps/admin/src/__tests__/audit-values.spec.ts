import { describe, expect, it } from '@jest/globals';
import { auditQuery, formatAuditValue, messageOr, REDACTED } from '../audit-values';
import { formatDateTime } from '../format';

describe('auditQuery', () => {
  it('splits the actor into its type and id', () => {
    expect(auditQuery({ actor: 'user:7b0c' })).toMatchObject({ actorType: 'user', actorId: '7b0c' });
    expect(auditQuery({ actor: 'api_key:9f' })).toMatchObject({ actorType: 'api_key', actorId: '9f' });
    expect(auditQuery({ actor: 'system' })).toMatchObject({ actorType: 'system', actorId: undefined });
    expect(auditQuery({})).toMatchObject({ actorType: undefined, actorId: undefined });
  });

  it('turns whole local days into a half-open time range, the last day included', () => {
    const q = auditQuery({ from: '2026-03-01', to: '2026-03-01' });
    expect(q.from).toBe(new Date(2026, 2, 1).toISOString());
    expect(q.to).toBe(new Date(2026, 2, 2).toISOString());
    expect(auditQuery({ to: '2026-12-31' }).to).toBe(new Date(2027, 0, 1).toISOString());
  });

  it('drops a day that is not a date rather than sending garbage', () => {
    expect(auditQuery({ from: 'soon' }).from).toBeUndefined();
  });

  it('passes the other filters through', () => {
    expect(auditQuery({ entityType: 'customer', entityId: 'abc', action: 'customer.' })).toMatchObject({ entityType: 'customer', entityId: 'abc', action: 'customer.' });
  });
});

describe('formatAuditValue', () => {
  it('shows nothing as a dash, booleans as yes/no in the reader\'s language', () => {
    expect(formatAuditValue(null, 'zh-CN')).toBe('—');
    expect(formatAuditValue(undefined, 'en-US')).toBe('—');
    expect(formatAuditValue(true, 'zh-CN')).toBe('是');
    expect(formatAuditValue(false, 'en-US')).toBe('No');
  });

  it('shows times in the reader\'s format, and other strings as they are', () => {
    expect(formatAuditValue('2026-03-01T02:00:00.000Z', 'en-US')).toBe(formatDateTime('2026-03-01T02:00:00.000Z', 'en-US'));
    expect(formatAuditValue('1985-04-12', 'zh-CN')).toBe('1985-04-12');
    expect(formatAuditValue('杭州', 'zh-CN')).toBe('杭州');
    expect(formatAuditValue(0, 'zh-CN')).toBe('0');
  });

  it('shows a redacted secret as hidden', () => {
    expect(formatAuditValue(REDACTED, 'zh-CN')).toBe('（已隐藏）');
    expect(formatAuditValue(REDACTED, 'en-US')).toBe('(hidden)');
  });

  it('lists arrays, and says when one is empty', () => {
    expect(formatAuditValue(['family', 'island'], 'en-US')).toBe('family, island');
    expect(formatAuditValue(['亲子', '海岛'], 'zh-CN')).toBe('亲子、海岛');
    expect(formatAuditValue([], 'zh-CN')).toBe('（空）');
  });

  it('flattens records (contacts) with field names translated and empty values left out', () => {
    expect(formatAuditValue([{ name: '王总', role: null, primary: true }], 'zh-CN')).toBe('名称: 王总; primary: 是');
  });
});

describe('messageOr', () => {
  it('translates known keys and falls back for the ones other features add', () => {
    expect(messageOr('zh-CN', 'audit.action.customer.update', 'customer.update')).toBe('修改客户');
    expect(messageOr('en-US', 'audit.action.booking.upsert', 'booking.upsert')).toBe('booking.upsert');
  });
});
