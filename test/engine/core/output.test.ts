import { describe, expect, it } from 'vitest';
import {
  SIGMOID_CROSS_ENTROPY,
  SOFTMAX_CROSS_ENTROPY,
  activateOutputRow,
  outputCostCode,
  outputDeltaRow,
} from '../../../src/engine/core/output';
import { softplus } from '../../../src/engine/core/costs';
import { OUTPUTS, COSTS } from '../../../src/engine/core/types';

const costOf = (code: number, z: number[], y: number): number =>
  activateOutputRow(code, Float64Array.from(z), 0, new Float64Array(z.length), 0, z.length, y, true);

describe('output layer', () => {
  it('δ is the gradient of the cost with respect to z (central differences, float64)', () => {
    const z = [0.4, -1.3, 2.2, 0.05, -0.7];
    const y = 2;
    for (const output of OUTPUTS)
      for (const cost of COSTS) {
        const code = outputCostCode(output, cost);
        const a = new Float64Array(z.length);
        activateOutputRow(code, Float64Array.from(z), 0, a, 0, z.length, y, false);
        const d = new Float64Array(z.length);
        outputDeltaRow(code, a, 0, d, 0, z.length, y);
        const h = 1e-6;
        for (let j = 0; j < z.length; j++) {
          const up = z.slice();
          const down = z.slice();
          up[j] += h;
          down[j] -= h;
          expect(d[j]).toBeCloseTo((costOf(code, up, y) - costOf(code, down, y)) / (2 * h), 7);
        }
      }
  });

  it('sigmoid cross-entropy is Σ softplus(±z), finite where ln a would be ln 0', () => {
    const z = [60, -45, 3, -0.5];
    const expected = softplus(60) + softplus(-45) + softplus(-3) + softplus(-0.5);
    expect(costOf(SIGMOID_CROSS_ENTROPY, z, 2)).toBeCloseTo(expected, 10);
    expect(costOf(SIGMOID_CROSS_ENTROPY, [-800, 800], 0)).toBe(1600);
    expect(costOf(SOFTMAX_CROSS_ENTROPY, [-800, 800], 0)).toBe(1600);
  });

  it('works in place (z and a the same row), with offsets into a larger buffer', () => {
    const z = [9, 9, 0.3, -2, 1.1, 9];
    for (const code of [0, 1, 2, 3]) {
      const apart = new Float32Array(6);
      const c1 = activateOutputRow(code, Float32Array.from(z), 2, apart, 2, 3, 1, true);
      const same = Float32Array.from(z);
      const c2 = activateOutputRow(code, same, 2, same, 2, 3, 1, true);
      expect(Array.from(same.subarray(2, 5))).toEqual(Array.from(apart.subarray(2, 5)));
      expect(c2).toBe(c1);
      expect(same[0]).toBe(9);
      expect(same[5]).toBe(9);
    }
  });
});
