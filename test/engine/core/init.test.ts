import { describe, expect, it } from 'vitest';
import { Network } from '../../../src/engine/core/network';
import { createRng } from '../../../src/engine/core/rng';
import { INITIALISERS } from '../../../src/engine/core/types';

function stats(a: Float32Array): { mean: number; variance: number } {
  let s = 0;
  let s2 = 0;
  for (const v of a) {
    s += v;
    s2 += v * v;
  }
  const mean = s / a.length;
  return { mean, variance: s2 / a.length - mean * mean };
}

describe('initialisers', () => {
  const layers = [400, 200, 50];
  const expected: Record<string, { w: number[]; b: number | null }> = {
    default: { w: [1 / 400, 1 / 200], b: 1 },
    large: { w: [1, 1], b: 1 },
    xavier: { w: [2 / 600, 2 / 250], b: 0 },
    he: { w: [2 / 400, 2 / 200], b: 0 },
  };
  it.each(INITIALISERS)('%s draws weights and biases with the documented variance', (init) => {
    const net = new Network({ layers });
    net.initialize(init, createRng(1));
    for (let l = 0; l < 2; l++) {
      const { mean, variance } = stats(net.weights[l]);
      expect(Math.abs(mean)).toBeLessThan(4 * Math.sqrt(expected[init].w[l] / net.weights[l].length));
      expect(variance / expected[init].w[l]).toBeGreaterThan(0.95);
      expect(variance / expected[init].w[l]).toBeLessThan(1.05);
    }
    const b = stats(net.biases[0]);
    if (expected[init].b === 0) expect(net.biases[0].every((v) => v === 0)).toBe(true);
    else expect(b.variance).toBeGreaterThan(0.7);
  });

  it('fills params identically for the same seed', () => {
    const a = new Network({ layers: [20, 5, 3] });
    const b = new Network({ layers: [20, 5, 3] });
    a.initialize('default', createRng(8));
    b.initialize('default', createRng(8));
    expect(a.params).toEqual(b.params);
    b.initialize('default', createRng(9));
    expect(a.params).not.toEqual(b.params);
  });
});
