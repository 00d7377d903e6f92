import { describe, expect, it } from 'vitest';
import { firstExamples } from '../../../src/data/mnist';
import { loadMnist } from '../../../src/data/node';
import { Network } from '../../../src/engine/core/network';
import { applyExplodingPreset } from '../../../src/engine/core/presets';
import { GradientProbe } from '../../../src/engine/core/probe';
import { createRng } from '../../../src/engine/core/rng';

describe('applyExplodingPreset', () => {
  const mnist = firstExamples(loadMnist().training, 1000);

  it('makes ‖δ¹‖ at least 10³ × ‖δ⁴‖ on [784,30,30,30,30,10] (book: ≈ 250 / 15 / 0.6 / 0.02)', () => {
    const net = new Network({ layers: [784, 30, 30, 30, 30, 10] });
    net.initialize('default', createRng(1));
    const w1 = net.weights[0].slice();
    applyExplodingPreset(net, mnist);
    expect(net.weights[0][5]).toBeCloseTo(w1[5] * 0.01, 7);
    const r = new GradientProbe(net, mnist).run();
    const [n1, n2, n3, n4] = r.layerNorms;
    expect(n1 / n4).toBeGreaterThan(1e3);
    expect(n1).toBeGreaterThan(n2);
    expect(n2).toBeGreaterThan(n3);
    expect(n3).toBeGreaterThan(n4);
    expect(n1).toBeGreaterThan(50);
    expect(n1).toBeLessThan(1000);
    // z ≈ 0 on average, so σ' is near its maximum 1/4 in layers 2 and 3. (By layer 4 the ×100 amplification
    // of each example's deviation from ā has pushed many neurons into saturation.)
    for (let h = 2; h <= 3; h++) {
      const p = r.meanActivationPrime[h - 1];
      const mean = p.reduce((s, v) => s + v, 0) / p.length;
      expect(mean).toBeGreaterThan(0.15);
    }
  });

  it('uses a rectangular identity when widths differ', () => {
    const net = new Network({ layers: [784, 6, 4, 8, 10] });
    net.initialize('default', createRng(2));
    applyExplodingPreset(net, mnist);
    const w = net.weights[1]; // 6 → 4
    for (let j = 0; j < 4; j++) for (let i = 0; i < 6; i++) expect(w[j * 6 + i]).toBe(i === j ? 100 : 0);
    const w3 = net.weights[2]; // 4 → 8
    for (let j = 0; j < 8; j++) for (let i = 0; i < 4; i++) expect(w3[j * 4 + i]).toBe(i === j ? 100 : 0);
    expect(Array.from(net.biases[2].subarray(4))).toEqual([0, 0, 0, 0]);
    expect(net.params.every((v) => Number.isFinite(v))).toBe(true);
  });
});
