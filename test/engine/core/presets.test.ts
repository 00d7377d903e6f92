import { describe, expect, it } from 'vitest';
import { firstExamples } from '../../../src/data/mnist';
import { loadMnist } from '../../../src/data/node';
import { Network, type NetworkOptions } from '../../../src/engine/core/network';
import { BatchPass } from '../../../src/engine/core/batch';
import { PieceMeter } from '../../../src/engine/core/pieces';
import { applyExplodingPreset, applyExplodingPresetPieces } from '../../../src/engine/core/presets';
import { GradientProbe } from '../../../src/engine/core/probe';
import { createRng } from '../../../src/engine/core/rng';
import type { Samples } from '../../../src/engine/core/types';

/**
 * The preset as first written, kept as the reference: for each hidden layer h from 2 up, a whole forward
 * pass of all probe images with the layers set so far, ā of layer h−1 from it, then W = 100·I, b = −100·ā.
 */
function referencePreset(net: Network, probe: Samples): void {
  const count = Math.min(1000, probe.count);
  const pass = new BatchPass(net, count);
  pass.load(probe, null, 0, count);
  const w1 = net.weights[0];
  for (let t = 0; t < w1.length; t++) w1[t] *= 0.01;
  for (let h = 2; h <= net.numHidden; h++) {
    const nIn = net.layers[h - 1];
    const nOut = net.layers[h];
    pass.forward();
    const a = pass.acts[h - 1];
    const mean = new Float32Array(nIn);
    for (let j = 0; j < nIn; j++) {
      let s = 0;
      for (let k = 0; k < count; k++) s += a[k * nIn + j];
      mean[j] = s / count;
    }
    const w = net.weights[h - 1];
    const b = net.biases[h - 1];
    w.fill(0);
    for (let j = 0; j < nOut; j++) {
      if (j < nIn) {
        w[j * nIn + j] = 100;
        b[j] = -100 * mean[j];
      } else b[j] = 0;
    }
  }
}

function twoNetworks(options: NetworkOptions, seed: number): [Network, Network] {
  const a = new Network(options);
  const b = new Network(options);
  a.initialize('default', createRng(seed));
  b.initialize('default', createRng(seed));
  return [a, b];
}

describe('applyExplodingPreset', () => {
  const mnist = firstExamples(loadMnist().training, 1000);

  const shapes: [string, NetworkOptions][] = [
    ['the chapter network', { layers: [784, 30, 30, 30, 30, 10] }],
    ['widths that grow and shrink', { layers: [784, 20, 35, 12, 40, 10] }],
    ['tanh', { layers: [784, 30, 30, 30, 10], activation: 'tanh' }],
    ['skips', { layers: [784, 30, 30, 30, 10], residual: true }],
    ['layer normalisation', { layers: [784, 30, 30, 30, 10], normalisation: 'layer' }],
  ];
  it.each(shapes)('gives the weights of a forward pass per layer, bit for bit, on %s', (_name, options) => {
    const [net, reference] = twoNetworks(options, 3);
    applyExplodingPreset(net, mnist);
    referencePreset(reference, mnist);
    expect(Array.from(net.params)).toEqual(Array.from(reference.params));
  });

  it('gives the same weights in pieces as in one, and no piece over its size', () => {
    const [net, whole] = twoNetworks({ layers: [784, 200, 200, 200, 200, 10] }, 4);
    const meter = new PieceMeter(2e6);
    const pieces = applyExplodingPresetPieces(net, mnist, meter);
    let yields = 0;
    while (!pieces.next().done) yields++;
    applyExplodingPreset(whole, mnist);
    expect(Array.from(net.params)).toEqual(Array.from(whole.params));
    // Layer 1 alone is counted as 1000 × 150 × 200 multiply-adds at 2 units each, 6e7 units: blocks of 32
    // images just under a piece, so a yield every second block, about 16 in all.
    expect(yields).toBeGreaterThanOrEqual(15);
    expect(meter.largestPiece).toBeLessThan(2 * 2e6);
  });

  it('is the same through a cured network in pieces', () => {
    const options: NetworkOptions = { layers: [784, 60, 60, 60, 10], residual: true, normalisation: 'layer' };
    const [net, whole] = twoNetworks(options, 5);
    const pieces = applyExplodingPresetPieces(net, mnist, new PieceMeter(1e6));
    let yields = 0;
    while (!pieces.next().done) yields++;
    applyExplodingPreset(whole, mnist);
    expect(yields).toBeGreaterThan(3);
    expect(Array.from(net.params)).toEqual(Array.from(whole.params));
  });

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
