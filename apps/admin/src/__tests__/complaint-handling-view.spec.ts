import { describe, expect, it } from '@jest/globals';
import {
  compensationText, defaultReportRange, followUpFiltersFromParams, followUpNotificationText, followUpState, fromDraft, toDraft, weekLabel,
} from '../complaint-handling-view';
import { complaintNotificationText } from '../complaint-view';
import { translate, type Lang, type MessageKey } from '../i18n/translate';
import { notificationText } from '../tier-view';

const tr = (lang: Lang) => (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars);
const zh = tr('zh-CN');
const en = tr('en-US');

describe('compensationText', () => {
  it.each([
    [{ kind: 'refund', amount: 50000 }, '退款 ¥500.00', 'Refund ¥500.00'],
    [{ kind: 'voucher', percent: 30, expiresOn: '2027-03-01' }, '30% 折扣券（2027-03-01 前有效）', '30% voucher (valid until 2027-03-01)'],
    [{ kind: 'gift', note: '景区门票' }, '礼品 · 景区门票', 'Gift · 景区门票'],
    [{ kind: 'apology' }, '致歉', 'Apology'],
  ] as const)('%j', (c, zhText, enText) => {
    expect(compensationText(zh, c, 'zh-CN')).toBe(zhText);
    expect(compensationText(en, c, 'en-US')).toBe(enText);
  });
});

describe('compensation drafts', () => {
  it('shows refunds in yuan and sends them in fen, rounding away floating-point dust', () => {
    expect(toDraft({ kind: 'refund', amount: 12345 })).toMatchObject({ kind: 'refund', amount: 123.45 });
    expect(fromDraft({ kind: 'refund', amount: 123.45 })).toEqual({ kind: 'refund', amount: 12345 });
    expect(fromDraft({ kind: 'refund', amount: 0.29 })).toEqual({ kind: 'refund', amount: 29 });
  });
  it('sends only the fields the kind uses, and no empty note', () => {
    expect(fromDraft({ kind: 'voucher', amount: 5, percent: 20, expiresOn: '2027-01-01', note: '  ' })).toEqual({ kind: 'voucher', percent: 20, expiresOn: '2027-01-01' });
    expect(fromDraft({ kind: 'gift', amount: 5, percent: 20, expiresOn: '2027-01-01', note: ' 茶叶 ' })).toEqual({ kind: 'gift', note: '茶叶' });
    expect(fromDraft({ kind: 'refund', amount: null })).toEqual({ kind: 'refund' });
  });
  it('round-trips what the API gave', () => {
    for (const c of [{ kind: 'apology' as const }, { kind: 'refund' as const, amount: 128000 }, { kind: 'voucher' as const, percent: 20, expiresOn: '2027-03-02' }, { kind: 'upgrade' as const, note: '海景房' }]) {
      expect(fromDraft(toDraft(c))).toEqual(c);
    }
  });
});

describe('followUpState', () => {
  const now = Date.parse('2026-03-09T01:00:00Z');
  it.each([
    ['pending', '2026-03-09T01:00:00Z', 'due'],
    ['pending', '2026-03-09T00:59:00Z', 'due'],
    ['pending', '2026-03-09T01:01:00Z', 'upcoming'],
    ['answered', '2026-03-01T01:00:00Z', 'answered'],
    ['cancelled', '2026-03-20T01:00:00Z', 'cancelled'],
  ] as const)('%s due %s → %s', (status, dueAt, want) => expect(followUpState({ status, dueAt }, now)).toBe(want));
});

describe('defaultReportRange', () => {
  it.each([
    [new Date(2026, 2, 11), '2025-12-22', '2026-03-11'], // a Wednesday
    [new Date(2026, 2, 9), '2025-12-22', '2026-03-09'], // a Monday
    [new Date(2026, 2, 15), '2025-12-22', '2026-03-15'], // a Sunday
  ])('%s → twelve weeks from Monday', (today, from, to) => expect(defaultReportRange(today)).toEqual({ from, to }));
});

describe('followUpFiltersFromParams', () => {
  it('keeps what it knows and drops the rest', () => {
    expect(followUpFiltersFromParams(new URLSearchParams('status=answered&mine=true&due=true'))).toEqual({ status: 'answered', mine: 'true', due: 'true' });
    expect(followUpFiltersFromParams(new URLSearchParams('status=open&mine=yes'))).toEqual({ status: undefined, mine: undefined, due: undefined });
  });
});

describe('the follow-up notification', () => {
  const n = { kind: 'complaint.follow_up_due', params: { customerName: '王芳', dueAt: '2026-03-09T01:00:00.000Z' } };
  it('reads in both languages, in the bell too', () => {
    expect(followUpNotificationText(zh, n)).toBe('王芳 的投诉该做满意度回访了');
    expect(complaintNotificationText(en, n)).toBe('Time to ask 王芳 whether they are satisfied');
    expect(notificationText(zh, n)).toBe('王芳 的投诉该做满意度回访了');
    expect(followUpNotificationText(zh, { kind: 'tier.changed', params: {} })).toBeNull();
  });
});

it('labels a week by its Monday without the year', () => expect(weekLabel('2026-03-02')).toBe('03-02'));
