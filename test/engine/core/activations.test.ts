import { describe, expect, it } from 'vitest';
import { activationFn, sigmoid, sigmoidPrime } from '../../../src/engine/core/activations';
import { ACTIVATIONS } from '../../../src/engine/core/types';

describe('activations', () => {
  it('sigmoid has the textbook values and never returns NaN', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(2)).toBeCloseTo(0.8807970779778823, 15);
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(1000)).toBe(1);
  });

  it('σ′ peaks at 1/4 at z = 0 (the bound behind eq. 122) and vanishes when saturated', () => {
    expect(sigmoidPrime(0)).toBe(0.25);
    for (const z of [-3, -0.5, 0.1, 2, 7]) expect(sigmoidPrime(z)).toBeLessThan(0.25);
    expect(sigmoidPrime(50)).toBeLessThan(1e-20);
    expect(sigmoidPrime(-50)).toBeLessThan(1e-20);
  });

  it.each(ACTIVATIONS)('%s derivative agrees with a central difference', (name) => {
    const { f, fPrime } = activationFn(name);
    for (const z of [-2.3, -0.7, 0.4, 1.9]) {
      const h = 1e-6;
      expect(fPrime(z)).toBeCloseTo((f(z + h) - f(z - h)) / (2 * h), 8);
    }
  });

  it('relu and tanh have their defining values', () => {
    expect(activationFn('relu').f(-3)).toBe(0);
    expect(activationFn('relu').f(2.5)).toBe(2.5);
    expect(activationFn('relu').fPrime(-1)).toBe(0);
    expect(activationFn('tanh').f(0.5)).toBeCloseTo(Math.tanh(0.5), 15);
  });

  it('names an unknown activation', () => {
    // @ts-expect-error deliberately wrong name
    expect(() => activationFn('swish')).toThrow('unknown activation "swish" (expected sigmoid, tanh or relu)');
  });
});
