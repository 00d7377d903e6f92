import { describe, expect, it } from 'vitest';
import { formatPercent, formatValue } from '../../src/store/format';

describe('formatValue', () => {
  it('shows plain decimals in the middle range and e-notation outside it', () => {
    expect(formatValue(0.0585)).toBe('0.0585');
    expect(formatValue(0.00231)).toBe('2.31e-3');
    expect(formatValue(0.285)).toBe('0.285');
    expect(formatValue(123456)).toBe('1.23e5');
    expect(formatValue(-0.5)).toBe('-0.5');
    expect(formatValue(0)).toBe('0');
  });

  it('never prints NaN or Infinity', () => {
    expect(formatValue(NaN)).toBe('overflow');
    expect(formatValue(Infinity)).toBe('overflow');
    expect(formatPercent(NaN)).toBe('overflow');
    expect(formatPercent(0.9648)).toBe('96.48 %');
  });
});
