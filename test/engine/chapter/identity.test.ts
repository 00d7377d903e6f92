import { describe, expect, it } from 'vitest';
import { identityOutput, maxIdentityError, predictedIdentityError, solveIdentity } from '../../../src/engine/chapter/identity';

describe('the identity neuron exercise', () => {
  it('the Taylor construction gives w₂σ(w₁x + b) + c ≈ x with an error that falls monotonically as w₁ → 0', () => {
    const w1s = [1, 0.5, 0.1, 0.05, 0.01];
    const errors = w1s.map((w1) => maxIdentityError(solveIdentity(w1)));
    for (let k = 1; k < errors.length; k++) expect(errors[k]).toBeLessThan(errors[k - 1]);
    // O(w₁²): each tenfold decrease of w₁ cuts the error about a hundredfold, and the leading term is w₁²/96
    expect(errors[0] / errors[2]).toBeGreaterThan(90);
    expect(errors[2] / errors[4]).toBeGreaterThan(95);
    for (let k = 0; k < w1s.length; k++) {
      expect(errors[k] / predictedIdentityError(w1s[k])).toBeGreaterThan(0.95);
      expect(errors[k] / predictedIdentityError(w1s[k])).toBeLessThan(1.01);
    }
    expect(errors[4]).toBeLessThan(2e-6);
  });

  it('needs the additive term: without c the output is off by 2/w₁ − ½', () => {
    const p = solveIdentity(0.1);
    const bare = { ...p, c: 0 };
    expect(identityOutput(bare, 0.5)).toBeCloseTo(20, 12);
    expect(maxIdentityError(bare)).toBeGreaterThan(19);
    expect(identityOutput(p, 0.5)).toBeCloseTo(0.5, 12);
    expect(identityOutput(p, 0)).toBeCloseTo(0, 3);
    expect(identityOutput(p, 1)).toBeCloseTo(1, 3);
  });

  it('works for negative w₁ too and rejects w₁ = 0', () => {
    expect(maxIdentityError(solveIdentity(-0.1))).toBeCloseTo(maxIdentityError(solveIdentity(0.1)), 12);
    expect(() => solveIdentity(0)).toThrow('w1 must be a finite non-zero number, got 0');
    expect(maxIdentityError({ w1: Number.NaN, b: 0, w2: 1, c: 0 })).toBeNaN();
  });
});
