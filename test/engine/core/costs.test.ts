import { describe, expect, it } from 'vitest';
import { exampleCost, softplus } from '../../../src/engine/core/costs';

describe('costs', () => {
  it('softplus is ln(1 + eˣ) without overflow or underflow', () => {
    expect(softplus(0)).toBeCloseTo(Math.LN2, 15);
    expect(softplus(1000)).toBe(1000);
    expect(softplus(-1000)).toBe(0);
    expect(softplus(-40)).toBeCloseTo(Math.exp(-40), 30);
    expect(softplus(3)).toBeCloseTo(Math.log(1 + Math.exp(3)), 14);
  });

  it('sigmoid cross-entropy equals −Σ[y ln a + (1−y) ln(1−a)] where that is computable', () => {
    const z = [0.3, -1.2, 2];
    const a = z.map((v) => 1 / (1 + Math.exp(-v)));
    const direct = -(Math.log(1 - a[0]) + Math.log(a[1]) + Math.log(1 - a[2]));
    expect(exampleCost('sigmoid', 'cross-entropy', z, 1)).toBeCloseTo(direct, 12);
  });

  it('softmax log-likelihood equals −ln a_y', () => {
    const z = [0.3, -1.2, 2];
    const e = z.map(Math.exp);
    const sum = e[0] + e[1] + e[2];
    expect(exampleCost('softmax', 'cross-entropy', z, 2)).toBeCloseTo(-Math.log(e[2] / sum), 12);
    expect(exampleCost('softmax', 'quadratic', z, 2)).toBeCloseTo(
      0.5 * ((e[0] / sum) ** 2 + (e[1] / sum) ** 2 + (e[2] / sum - 1) ** 2),
      12,
    );
  });

  it('stays finite at z = ±50 and beyond, where ln(a) would be ln 0', () => {
    for (const z of [
      [50, -50],
      [-800, 800],
      [1e5, -1e5],
    ]) {
      for (const output of ['sigmoid', 'softmax'] as const)
        for (const cost of ['cross-entropy', 'quadratic'] as const) {
          const c0 = exampleCost(output, cost, z, 0);
          const c1 = exampleCost(output, cost, z, 1);
          expect(Number.isFinite(c0) && Number.isFinite(c1)).toBe(true);
        }
    }
    expect(exampleCost('sigmoid', 'cross-entropy', [-50], 0)).toBeCloseTo(50, 12);
  });
});
