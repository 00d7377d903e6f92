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
    // U[−1/√n, 1/√n] has variance (1/√n)²/3.
    'glorot-standard': { w: [1 / (3 * 400), 1 / (3 * 200)], b: 0 },
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

  it('glorot-standard draws U[−1/√n_in, 1/√n_in]: inside the range, filling it evenly, biases exactly 0', () => {
    const net = new Network({ layers: [400, 200, 50] });
    net.initialize('glorot-standard', createRng(2));
    for (let l = 0; l < 2; l++) {
      const bound = 1 / Math.sqrt(net.layers[l]);
      const w = net.weights[l];
      expect(w.every((v) => Math.abs(v) <= bound)).toBe(true);
      // Ten equal bins across the range each hold about a tenth of the weights (a normal would crowd the middle).
      const bins = new Array(10).fill(0);
      for (const v of w) bins[Math.min(9, Math.floor(((v + bound) / (2 * bound)) * 10))]++;
      for (const c of bins) expect(Math.abs(c / w.length - 0.1)).toBeLessThan(0.01);
      expect(net.biases[l].every((b) => b === 0)).toBe(true);
    }
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
