import { describe, expect, it } from 'vitest';
import { numberFormats } from '../../src/i18n/number';

describe('numberFormats', () => {
  it('groups, rounds and fixes decimals through Intl in each language', () => {
    const en = numberFormats('en');
    const zh = numberFormats('zh-CN');
    expect(en.int(50000)).toBe('50,000');
    expect(zh.int(50000)).toBe('50,000');
    expect(en.int(2.6)).toBe('3');
    expect(en.decimal(0.1)).toBe('0.1');
    expect(en.fixed(96.5, 2)).toBe('96.50');
    expect(zh.percent(0.9648)).toBe('96.48 %');
    expect(en.significant(0.073412)).toBe('0.0734');
  });
});
