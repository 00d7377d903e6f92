import { describe, expect, it } from 'vitest';
import { Network } from '../../../src/engine/core/network';
import { createRng } from '../../../src/engine/core/rng';
import { ActivationStats, HISTOGRAM_BINS, histogramRange, isSaturatedValue, quantileOfSorted } from '../../../src/engine/core/saturation';
import { ACTIVATIONS, type ActivationName } from '../../../src/engine/core/types';
import { inputOf, randomSamples } from '../reference';

/** Hidden activations of one example in float64, layer by layer, written out plainly. */
function hiddenActivations(net: Network, x: number[]): number[][] {
  const f = (z: number) =>
    net.activation === 'sigmoid' ? 1 / (1 + Math.exp(-z)) : net.activation === 'tanh' ? Math.tanh(z) : Math.max(0, z);
  const out: number[][] = [];
  let a = x;
  for (let l = 0; l < net.numHidden; l++) {
    const nIn = net.layers[l];
    const next: number[] = [];
    for (let j = 0; j < net.layers[l + 1]; j++) {
      let z = net.biases[l][j];
      for (let i = 0; i < nIn; i++) z += net.weights[l][j * nIn + i] * a[i];
      next.push(f(z));
    }
    out.push(next);
    a = next;
  }
  return out;
}

/** The percentile the direct way: sort, then interpolate at p·(N − 1). */
function directPercentile(values: number[], p: number): number {
  const s = [...values].sort((x, y) => x - y);
  const pos = p * (s.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo] + (pos - lo) * (s[hi] - s[lo]);
}

/** Biases that push some neurons far out, so every activation has saturated (or dead) units to count. */
function pushSomeNeuronsOut(net: Network): void {
  for (let j = 0; j < 4; j++) net.biases[0][j] = net.activation === 'relu' ? -1000 : j % 2 === 0 ? 30 : -30;
}

describe('quantileOfSorted', () => {
  it('interpolates between order statistics and hits the ends exactly', () => {
    const sorted = [1, 2, 4, 8, 16];
    expect(quantileOfSorted(sorted, 5, 0)).toBe(1);
    expect(quantileOfSorted(sorted, 5, 1)).toBe(16);
    expect(quantileOfSorted(sorted, 5, 0.5)).toBe(4);
    expect(quantileOfSorted(sorted, 5, 0.625)).toBe(6); // position 2.5: half-way from 4 to 8
    expect(quantileOfSorted([3], 1, 0.98)).toBe(3);
    expect(() => quantileOfSorted([], 0, 0.5)).toThrow(/at least one value/);
  });
});

describe('isSaturatedValue', () => {
  it('uses σ outside [0.01, 0.99] and |tanh| above 0.97', () => {
    expect(isSaturatedValue('sigmoid', 0.009)).toBe(true);
    expect(isSaturatedValue('sigmoid', 0.011)).toBe(false);
    expect(isSaturatedValue('sigmoid', 0.991)).toBe(true);
    expect(isSaturatedValue('sigmoid', 0.5)).toBe(false);
    expect(isSaturatedValue('tanh', -0.98)).toBe(true);
    expect(isSaturatedValue('tanh', 0.96)).toBe(false);
  });
});

describe('ActivationStats', () => {
  it.each(ACTIVATIONS)('matches a direct computation on a small net (%s)', (activation: ActivationName) => {
    const layers = [12, 9, 7, 3];
    const net = new Network({ layers, activation });
    net.initialize(activation === 'relu' ? 'he' : 'large', createRng(3));
    pushSomeNeuronsOut(net);
    const samples = randomSamples(25, 12, 3, 5);
    const count = 20;
    const r = new ActivationStats(net, samples, count).measure();
    const perLayer: number[][][] = [[], []]; // [layer][example][neuron]
    for (let k = 0; k < count; k++) {
      const acts = hiddenActivations(net, inputOf(samples, k));
      perLayer[0].push(acts[0]);
      perLayer[1].push(acts[1]);
    }
    for (let h = 0; h < 2; h++) {
      const values = perLayer[h].flat();
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      expect(r.mean[h]).toBeCloseTo(mean, 5);
      expect(r.p02[h]).toBeCloseTo(directPercentile(values, 0.02), 5);
      expect(r.p50[h]).toBeCloseTo(directPercentile(values, 0.5), 5);
      expect(r.p98[h]).toBeCloseTo(directPercentile(values, 0.98), 5);
      let saturated: number;
      if (activation === 'relu') {
        const n = layers[h + 1];
        let dead = 0;
        for (let j = 0; j < n; j++) if (perLayer[h].every((row) => row[j] === 0)) dead++;
        saturated = dead / n;
      } else {
        saturated = values.filter((v) => isSaturatedValue(activation, v)).length / values.length;
      }
      expect(r.saturatedShare[h]).toBeCloseTo(saturated, 10);
      const [lo, hi] = histogramRange(activation, Math.max(...values));
      expect(r.histogramRange[2 * h]).toBe(lo);
      expect(r.histogramRange[2 * h + 1]).toBeCloseTo(hi, 5);
      const bins = Array.from(r.histogram.subarray(h * HISTOGRAM_BINS, (h + 1) * HISTOGRAM_BINS));
      expect(bins.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 10);
      // The share below the middle of the range, read from the histogram and counted directly.
      const mid = (lo + hi) / 2;
      const below = bins.slice(0, HISTOGRAM_BINS / 2).reduce((s, v) => s + v, 0);
      expect(below).toBeCloseTo(values.filter((v) => v < mid).length / values.length, 5);
    }
    // Layer 1's four pushed neurons are a share of its values (sigmoid, tanh) or dead units (ReLU).
    expect(r.saturatedShare[0]).toBeGreaterThanOrEqual(4 / 9 - 1e-12);
  });

  it('counts a ReLU as dead only when it is 0 on every probe image', () => {
    const net = new Network({ layers: [4, 3, 2], activation: 'relu' });
    net.weights[0].set([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]); // neuron 1 sees input 1; neurons 2, 3 nothing
    net.biases[0].set([0, 0, 0.5]); // neuron 2 is 0 everywhere, neuron 3 is 0.5 everywhere
    const samples = { inputs: Uint8Array.from([0, 9, 9, 9, 255, 0, 0, 0]), labels: Uint8Array.from([0, 1]), inputSize: 4, count: 2 };
    const r = new ActivationStats(net, samples, 2).measure();
    // Neuron 1 is 0 on the first image only: alive. Neuron 2: dead.
    expect(r.saturatedShare[0]).toBeCloseTo(1 / 3, 12);
    expect(r.histogramRange[1]).toBe(1); // the largest activation: neuron 1 on the second image
  });

  it('uses the activations handed to it instead of its own forward pass', () => {
    const net = new Network({ layers: [4, 2, 2] });
    net.initialize('default', createRng(1));
    const samples = randomSamples(3, 4, 2, 2);
    const handed = Float32Array.from([0, 1, 0.5, 0.5, 0.2, 0.3]);
    const r = new ActivationStats(net, samples, 3).measure((h) => (h === 1 ? handed : null));
    expect(r.mean[0]).toBeCloseTo(2.5 / 6, 6);
    expect(r.saturatedShare[0]).toBeCloseTo(2 / 6, 12); // exactly 0 and exactly 1
    expect(r.p50[0]).toBeCloseTo(0.4, 6);
  });

  it('refuses a probe size the samples do not hold', () => {
    const net = new Network({ layers: [4, 2, 2] });
    expect(() => new ActivationStats(net, randomSamples(3, 4, 2, 2), 4)).toThrow(/between 1 and 3 probe images/);
  });
});
