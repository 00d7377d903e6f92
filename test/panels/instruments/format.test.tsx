import { describe, expect, it } from 'vitest';
import { formatFixed, formatNumber } from '../../../src/panels/instruments/format';

describe('formatNumber', () => {
  it('prints three significant digits, scientific outside [10⁻³, 10⁴), and words for non-finite values', () => {
    expect(formatNumber(0.25)).toBe('0.250');
    expect(formatNumber(-1.5)).toBe('−1.50');
    expect(formatNumber(1953.125)).toBe('1953');
    expect(formatNumber(-78.125)).toBe('−78.1');
    expect(formatNumber(15625)).toBe('1.56×10⁴');
    expect(formatNumber(1.26e-4)).toBe('1.26×10⁻⁴');
    expect(formatNumber(-3e-12)).toBe('−3.00×10⁻¹²');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(Number.NaN)).toBe('undefined (NaN)');
    expect(formatNumber(-Infinity)).toBe('overflow (−∞)');
    expect(formatNumber(1e-10, 1)).toBe('1×10⁻¹⁰');
  });
});

describe('formatFixed', () => {
  it('shows as many decimals as the slider step', () => {
    expect(formatFixed(0.02, 0.01)).toBe('0.02');
    expect(formatFixed(-37.00000000000001, 0.01)).toBe('−37.00');
    expect(formatFixed(-0.05, 0.005)).toBe('−0.050');
    expect(formatFixed(-1e-12, 0.01)).toBe('0.00');
    expect(formatFixed(3, 1)).toBe('3');
    expect(formatFixed(Number.NaN, 0.01)).toBe('undefined (NaN)');
  });
});
