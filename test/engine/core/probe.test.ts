import { describe, expect, it } from 'vitest';
import { firstExamples } from '../../../src/data/mnist';
import { loadMnist } from '../../../src/data/node';
import { Network } from '../../../src/engine/core/network';
import { GradientProbe } from '../../../src/engine/core/probe';
import { ActivationStats } from '../../../src/engine/core/saturation';
import { createRng } from '../../../src/engine/core/rng';
import { setSimdEnabled, simdAvailable } from '../../../src/engine/wasm/simd';
import { ACTIVATIONS, COSTS, OUTPUTS } from '../../../src/engine/core/types';
import { randomSamples, refGradient, type RefNet } from '../reference';

describe('GradientProbe', () => {
  it('runs on WebAssembly SIMD under Node', () => {
    expect(simdAvailable()).toBe(true);
  });

  it.each(ACTIVATIONS.flatMap((activation) => OUTPUTS.flatMap((output) => COSTS.map((cost) => ({ activation, output, cost })))))(
    'SIMD and JavaScript passes agree, widths spanning several 32-lane groups ($activation, $output, $cost)',
    ({ activation, output, cost }) => {
      const layers = [50, 40, 33, 7, 5];
      const net = new Network({ layers, activation, output, cost });
      net.initialize(activation === 'relu' ? 'he' : 'default', createRng(6));
      const samples = randomSamples(60, 50, 5, 8);
      const simd = new GradientProbe(net, samples, 45).run();
      setSimdEnabled(false);
      try {
        const js = new GradientProbe(net, samples, 45).run();
        let scale = 0;
        for (const g of js.gradB) scale = Math.max(scale, Math.abs(g));
        expect(scale).toBeGreaterThan(1e-4);
        for (let t = 0; t < js.gradB.length; t++) expect(Math.abs(simd.gradB[t] - js.gradB[t])).toBeLessThan(1e-5 * scale);
        for (let h = 0; h < 3; h++) {
          expect(simd.layerNorms[h]).toBeCloseTo(js.layerNorms[h], 6);
          for (let j = 0; j < layers[h + 1]; j++) {
            expect(simd.meanActivation[h][j]).toBeCloseTo(js.meanActivation[h][j], 5);
            expect(simd.meanActivationPrime[h][j]).toBeCloseTo(js.meanActivationPrime[h][j], 5);
          }
        }
      } finally {
        setSimdEnabled(true);
      }
    },
  );

  it.each([
    ['WebAssembly SIMD', true],
    ['JavaScript', false],
  ])('hands its activations to the statistics on the %s path, the same values a forward pass gives', (_, simd) => {
    const layers = [50, 40, 33, 5];
    const net = new Network({ layers });
    net.initialize('default', createRng(6));
    const samples = randomSamples(60, 50, 5, 8);
    setSimdEnabled(simd);
    try {
      const probe = new GradientProbe(net, samples, 45);
      probe.run();
      const fromProbe = probe.hiddenActivations(2);
      expect(fromProbe).not.toBeNull();
      expect(fromProbe!.length).toBe(45 * 33);
      // The statistics from the probe's activations equal those of the statistics' own forward pass
      // (on the SIMD path to float32 rounding: the kernels sum in another order).
      const stats = new ActivationStats(net, samples, 45).measure();
      const handed = new ActivationStats(net, samples, 45).measure((h) => probe.hiddenActivations(h));
      for (let h = 0; h < 2; h++) {
        expect(handed.mean[h]).toBeCloseTo(stats.mean[h], 6);
        expect(handed.p02[h]).toBeCloseTo(stats.p02[h], 6);
        expect(handed.p98[h]).toBeCloseTo(stats.p98[h], 6);
        expect(handed.saturatedShare[h]).toBeCloseTo(stats.saturatedShare[h], 2);
      }
    } finally {
      setSimdEnabled(true);
    }
  });

  it('gives ∂C/∂b of every hidden neuron averaged over the probe set (float64 reference)', () => {
    const layers = [9, 6, 5, 3];
    const net = new Network({ layers });
    net.initialize('default', createRng(4));
    const samples = randomSamples(30, 9, 3, 5);
    for (const simd of [true, false]) {
      setSimdEnabled(simd);
      let r: ReturnType<GradientProbe['run']>;
      try {
        r = new GradientProbe(net, samples, 20).run();
      } finally {
        setSimdEnabled(true);
      }
      const ref: RefNet = {
        layers,
        activation: 'sigmoid',
        output: 'sigmoid',
        cost: 'cross-entropy',
        params: Float64Array.from(net.params),
      };
      const g = refGradient(
        ref,
        samples,
        Array.from({ length: 20 }, (_, k) => k),
      );
      const b1 = 9 * 6; // biases of hidden layer 1 follow weights[0]
      const b2 = b1 + 6 + 6 * 5;
      expect(r.hiddenOffsets).toEqual([0, 6, 11]);
      for (let j = 0; j < 6; j++) expect(r.gradB[j]).toBeCloseTo(g[b1 + j], 6);
      for (let j = 0; j < 5; j++) expect(r.gradB[6 + j]).toBeCloseTo(g[b2 + j], 6);
      const norm1 = Math.hypot(...Array.from({ length: 6 }, (_, j) => g[b1 + j]));
      expect(r.layerNorms[0]).toBeCloseTo(norm1, 6);
      expect(r.meanActivationPrime[0].every((p) => p > 0 && p <= 0.25)).toBe(true);
      expect(r.meanActivation[1].every((a) => a > 0 && a < 1)).toBe(true);
    }
  });

  it('on real MNIST, [784,30,30,10] default init: norms in a sane range and layer 1 learns slower than layer 2', () => {
    const mnist = firstExamples(loadMnist().training, 1000);
    const net = new Network({ layers: [784, 30, 30, 10] });
    net.initialize('default', createRng(1));
    const r = new GradientProbe(net, mnist).run();
    expect(r.layerNorms).toHaveLength(2);
    for (const n of r.layerNorms) {
      expect(n).toBeGreaterThan(1e-4);
      expect(n).toBeLessThan(1);
    }
    expect(r.layerNorms[0]).toBeLessThan(r.layerNorms[1]);
  });

  it('reuses its buffers and tracks weight changes', () => {
    const net = new Network({ layers: [9, 4, 3] });
    net.initialize('default', createRng(1));
    const probe = new GradientProbe(net, randomSamples(10, 9, 3, 2));
    const first = probe.run();
    const before = first.gradB.slice();
    net.weights[1].fill(0);
    const second = probe.run();
    expect(second.gradB).toBe(first.gradB);
    expect(second.gradB).not.toEqual(before);
    expect(Array.from(second.gradB).every((v) => v === 0)).toBe(true); // no path from the output back
  });
});
