import { describe, expect, it } from '@jest/globals';
import { withQuery } from '../api';
import { formatMoney, formatPhone } from '../format';
import { DICTIONARIES, translate } from '../i18n/translate';

describe('formatMoney', () => {
  it('shows integer minor units as yuan with the ¥ sign in both languages', () => {
    expect(formatMoney({ value: 1280000, currency: 'CNY' }, 'zh-CN')).toBe('¥12,800.00');
    expect(formatMoney({ value: 1280000, currency: 'CNY' }, 'en-US')).toBe('¥12,800.00');
    expect(formatMoney({ value: 0, currency: 'CNY' }, 'zh-CN')).toBe('¥0.00');
  });
});

describe('formatPhone', () => {
  it('groups Chinese mobile numbers and leaves others as stored', () => {
    expect(formatPhone('+8613800138000')).toBe('+86 138 0013 8000');
    expect(formatPhone('+85291234567')).toBe('+85291234567');
  });
});

describe('withQuery', () => {
  it('leaves out empty filters', () => {
    expect(withQuery('/customers', { q: '欧阳', type: undefined, tag: '', needsOwner: false, limit: 50, cursor: null })).toBe('/customers?q=%E6%AC%A7%E9%98%B3&limit=50');
    expect(withQuery('/customers', { needsOwner: true })).toBe('/customers?needsOwner=true');
  });
});

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('zh-CN', 'customers.loaded', { n: 50 })).toBe('已加载 50 位客户');
    expect(translate('en-US', 'transfer.confirm', { from: 'Li Na', to: 'Zhang Wei' })).toBe('Move every customer of Li Na to Zhang Wei?');
  });

  it('has every message in both languages, with the same placeholders', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const [key, zh] of Object.entries(DICTIONARIES['zh-CN'])) {
      const en = DICTIONARIES['en-US'][key as keyof (typeof DICTIONARIES)['en-US']];
      expect(en?.trim()).toBeTruthy();
      expect(zh.trim()).toBeTruthy();
      expect(placeholders(en)).toEqual(placeholders(zh));
    }
  });
});
