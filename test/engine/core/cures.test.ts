import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchPass } from '../../../src/engine/core/batch';
import { skipLayers } from '../../../src/engine/core/cures';
import { Network, type NetworkOptions } from '../../../src/engine/core/network';
import { GradientProbe } from '../../../src/engine/core/probe';
import { createRng } from '../../../src/engine/core/rng';
import { Trainer, evaluate } from '../../../src/engine/core/train';
import { ACTIVATIONS, COSTS, OUTPUTS, type NormalisationName, type Samples } from '../../../src/engine/core/types';
import { LayerFactorNorms } from '../../../src/engine/chapter/eq124';
import { setSimdEnabled } from '../../../src/engine/wasm/simd';
import { inputOf, randomSamples, refBatchCost, refGradient, refOutputs, type RefNet } from '../reference';

/** Skips on hidden layers 2 (6 = 6) and 4 (5 = 5), none on 3 (5 ≠ 6): every case of the width rule. */
const LAYERS = [7, 6, 6, 5, 5, 4];

const CURES: { residual: boolean; normalisation: NormalisationName }[] = [
  { residual: true, normalisation: 'none' },
  { residual: false, normalisation: 'layer' },
  { residual: true, normalisation: 'layer' },
];

function refOf(net: Network): RefNet {
  return {
    layers: [...net.layers],
    activation: net.activation,
    output: net.output,
    cost: net.cost,
    params: Float64Array.from(net.params),
    residual: net.residual,
    normalisation: net.normalisation,
  };
}

/** A network with the given cures, initialised, with γ and β moved off 1 and 0 so they are tested too. */
function curedNetwork(options: NetworkOptions, seed: number): Network {
  const net = new Network(options);
  net.initialize(options.activation === 'relu' ? 'he' : 'default', createRng(seed));
  const rng = createRng(seed + 100);
  for (const g of net.gains) for (let j = 0; j < g.length; j++) g[j] = 1 + 0.3 * rng.normal();
  for (const b of net.shifts) for (let j = 0; j < b.length; j++) b[j] = 0.3 * rng.normal();
  return net;
}

/** −Δparams of one plain SGD step with η = 1, λ = 0: the engine's mean gradient, γ and β included. */
function engineGradient(net: Network, samples: Samples, examples: number[]): Float64Array {
  const before = Float64Array.from(net.params);
  new Trainer(net, examples.length).step(samples, Uint32Array.from(examples), 0, examples.length, { eta: 1, lambda: 0, trainingSize: 1 });
  const g = new Float64Array(before.length);
  for (let t = 0; t < g.length; t++) g[t] = before[t] - net.params[t];
  net.params.set(before);
  return g;
}

function expectGradientsMatch(actual: ArrayLike<number>, expected: ArrayLike<number>): void {
  let worst = 0;
  let diffSq = 0;
  let sumSq = 0;
  for (let t = 0; t < expected.length; t++) {
    const rel = Math.abs(actual[t] - expected[t]) / Math.max(Math.abs(actual[t]) + Math.abs(expected[t]), 1e-2);
    worst = Math.max(worst, rel);
    diffSq += (actual[t] - expected[t]) ** 2;
    sumSq += expected[t] ** 2;
  }
  expect(sumSq).toBeGreaterThan(1e-4);
  expect(worst).toBeLessThan(2e-4);
  expect(Math.sqrt(diffSq / sumSq)).toBeLessThan(1e-4);
}

describe('which layers get a skip', () => {
  it('only hidden layers after the first whose width equals the layer below', () => {
    expect(skipLayers(LAYERS, true)).toEqual([false, false, true, false, true, false]);
    expect(skipLayers([784, 30, 30, 10], true)).toEqual([false, false, true, false]);
    expect(skipLayers([784, 784, 10], true)).toEqual([false, false, false]); // the first hidden layer never
    expect(skipLayers(LAYERS, false).some((s) => s)).toBe(false);
  });

  it('refuses an unknown normalisation', () => {
    expect(() => new Network({ layers: LAYERS, normalisation: 'batch' as NormalisationName })).toThrow(/normalisation/);
  });
});

describe.each([
  ['WebAssembly SIMD first layer', true],
  ['JavaScript only', false],
])('skips and layer normalisation against central finite differences on a float64 reference (%s)', (_, simd) => {
  beforeAll(() => setSimdEnabled(simd));
  afterAll(() => setSimdEnabled(true));
  const cases = CURES.flatMap((cure) =>
    ACTIVATIONS.flatMap((activation) => OUTPUTS.flatMap((output) => COSTS.map((cost) => ({ ...cure, activation, output, cost })))),
  );
  it.each(cases)('residual $residual, normalisation $normalisation: $activation hidden, $output output, $cost cost', (options) => {
    const net = curedNetwork({ layers: LAYERS, ...options }, 42);
    const samples = randomSamples(9, LAYERS[0], 4, 7);
    const examples = [3, 0, 8, 5, 1];
    const ref = refOf(net);
    expect(refBatchCost(ref, samples, examples)).toBeCloseTo(
      new Trainer(net, 5).step(samples, Uint32Array.from(examples), 0, 5, { eta: 0, lambda: 0, trainingSize: 1 }),
      5,
    );
    expectGradientsMatch(engineGradient(net, samples, examples), refGradient(ref, samples, examples));
  });

  it('the probe gives the reference ∂C/∂b under both cures', () => {
    for (const cure of CURES) {
      const net = curedNetwork({ layers: LAYERS, activation: 'tanh', ...cure }, 9);
      const samples = randomSamples(20, LAYERS[0], 4, 3);
      const examples = Array.from({ length: 20 }, (_, k) => k);
      const expected = refGradient(refOf(net), samples, examples);
      const result = new GradientProbe(net, samples, 20).run();
      let off = 0;
      for (let l = 0; l + 1 < LAYERS.length; l++) {
        const nIn = LAYERS[l];
        const nOut = LAYERS[l + 1];
        if (l + 2 < LAYERS.length)
          for (let j = 0; j < nOut; j++) {
            const e = expected[off + nIn * nOut + j];
            expect(Math.abs(result.gradB[result.hiddenOffsets[l] + j] - e)).toBeLessThan(1e-5 + 1e-4 * Math.abs(e));
          }
        off += nIn * nOut + nOut;
      }
    }
  });

  it('evaluation and the single-example pass follow the reference outputs', () => {
    for (const cure of CURES) {
      const net = curedNetwork({ layers: LAYERS, activation: 'sigmoid', output: 'softmax', ...cure }, 5);
      const samples = randomSamples(12, LAYERS[0], 4, 13);
      const ref = refOf(net);
      const examples = Array.from({ length: 12 }, (_, k) => k);
      let correct = 0;
      const out = new Float32Array(4);
      for (const k of examples) {
        const a = refOutputs(ref, inputOf(samples, k));
        net.feedforward(Float32Array.from(inputOf(samples, k)), out);
        for (let j = 0; j < 4; j++) expect(out[j]).toBeCloseTo(a[j], 5);
        if (a.indexOf(Math.max(...a)) === samples.labels[k]) correct++;
      }
      const e = evaluate(net, samples);
      expect(e.accuracy).toBeCloseTo(correct / 12, 10);
      expect(e.cost).toBeCloseTo(refBatchCost(ref, samples, examples), 5);
    }
  });
});

describe('SIMD and JavaScript training agree on cured networks', () => {
  it.each(CURES)('over 20 steps of [60, 40, 40, 33, 5] (residual $residual, normalisation $normalisation)', (cure) => {
    const run = (simd: boolean): Float32Array => {
      setSimdEnabled(simd);
      try {
        const net = new Network({ layers: [60, 40, 40, 33, 5], activation: 'relu', ...cure });
        net.initialize('he', createRng(12));
        const samples = randomSamples(50, 60, 5, 4);
        const trainer = new Trainer(net, 13);
        const order = Uint32Array.from({ length: 50 }, (_, i) => i);
        for (let s = 0; s < 20; s++)
          trainer.step(samples, order, (s * 13) % 37, 13, { eta: 0.05, lambda: 2, trainingSize: 50, momentum: 0.5 });
        return net.params.slice();
      } finally {
        setSimdEnabled(true);
      }
    };
    const a = run(true);
    const b = run(false);
    let worst = 0;
    let scale = 0;
    for (let t = 0; t < a.length; t++) {
      worst = Math.max(worst, Math.abs(a[t] - b[t]));
      scale = Math.max(scale, Math.abs(a[t]));
    }
    expect(scale).toBeGreaterThan(0.1);
    expect(worst).toBeLessThan(1e-4);
  });
});

describe('what the cures do to a forward pass', () => {
  it('a residual network with zero weights above the first hidden layer passes activations through', () => {
    // tanh(0) = 0, so with W = 0 and b = 0 each skip layer adds nothing to what it receives.
    const layers = [12, 8, 8, 8, 3];
    const net = new Network({ layers, activation: 'tanh', residual: true });
    net.initialize('default', createRng(2));
    for (const l of [1, 2]) {
      net.weights[l].fill(0);
      net.biases[l].fill(0);
    }
    const samples = randomSamples(6, 12, 3, 1);
    const pass = new BatchPass(net, 6);
    pass.load(samples, null, 0, 6);
    pass.forward();
    const a1 = pass.acts[1];
    expect(a1.some((v) => Math.abs(v) > 0.1)).toBe(true);
    expect(pass.acts[2]).toEqual(a1);
    expect(pass.acts[3]).toEqual(a1);
    // Without the skips the same weights erase the signal.
    const plain = new Network({ layers, activation: 'tanh' });
    plain.params.set(net.params);
    const plainPass = new BatchPass(plain, 6);
    plainPass.load(samples, null, 0, 6);
    plainPass.forward();
    expect(plainPass.acts[3].every((v) => v === 0)).toBe(true);
  });

  it('layer-normalised pre-activations have zero mean and unit variance for every example', () => {
    const layers = [20, 16, 9, 3];
    const net = new Network({ layers, activation: 'sigmoid', normalisation: 'layer' });
    net.initialize('large', createRng(3));
    const samples = randomSamples(10, 20, 3, 4);
    const pass = new BatchPass(net, 10);
    pass.load(samples, null, 0, 10);
    pass.forward();
    for (let h = 1; h <= 2; h++) {
      const n = layers[h];
      const xhat = pass.xhat[h - 1];
      for (let k = 0; k < 10; k++) {
        let mean = 0;
        let sq = 0;
        for (let j = 0; j < n; j++) mean += xhat[k * n + j];
        mean /= n;
        for (let j = 0; j < n; j++) sq += (xhat[k * n + j] - mean) ** 2;
        expect(Math.abs(mean)).toBeLessThan(1e-6);
        expect(sq / n).toBeCloseTo(1, 4); // v/(v + ε) with v in the tens under 'large'
      }
    }
  });

  it('under layer normalisation a layer’s ∂C/∂b sum to zero, neuron by neuron they do not vanish', () => {
    const net = curedNetwork({ layers: [20, 16, 16, 3], normalisation: 'layer' }, 8);
    const result = new GradientProbe(net, randomSamples(40, 20, 3, 6), 40).run();
    for (let h = 0; h < 2; h++) {
      const g = result.gradB.subarray(result.hiddenOffsets[h], result.hiddenOffsets[h + 1]);
      let sum = 0;
      for (const v of g) sum += v;
      expect(Math.abs(sum)).toBeLessThan(1e-6);
      expect(result.layerNorms[h]).toBeGreaterThan(1e-4);
    }
  });

  it('γ = 1 and the drawn biases as β after initialising (b = 0 before the normalisation); the same numbers with or without the cures', () => {
    const a = new Network({ layers: [10, 6, 6, 3], residual: true, normalisation: 'layer' });
    const b = new Network({ layers: [10, 6, 6, 3] });
    const c = new Network({ layers: [10, 6, 6, 3], residual: true });
    a.initialize('default', createRng(7));
    b.initialize('default', createRng(7));
    c.initialize('default', createRng(7));
    expect(c.params).toEqual(b.params);
    expect(a.params.length).toBe(b.params.length + 24);
    for (let l = 0; l < 3; l++) expect(a.weights[l]).toEqual(b.weights[l]);
    // Ba, Kiros & Hinton: a neuron's bias acts after the normalisation, so the hidden layers' drawn biases are β.
    for (let h = 0; h < 2; h++) {
      expect(Array.from(a.gains[h])).toEqual([1, 1, 1, 1, 1, 1]);
      expect(a.shifts[h]).toEqual(b.biases[h]);
      expect(Array.from(a.biases[h])).toEqual([0, 0, 0, 0, 0, 0]);
    }
    expect(a.biases[2]).toEqual(b.biases[2]); // the output layer is not normalised
  });

  it('with the bias after the normalisation, ten sigmoid layers learn faster near the input at initialisation', () => {
    // N(0, 1) biases before the normalisation would widen z and make every layer's δ smaller (README).
    const layers = [40, ...Array(10).fill(30), 10];
    const samples = randomSamples(200, 40, 10, 5);
    const ratio = (normalisation: NormalisationName, moveBias: boolean) => {
      const net = new Network({ layers, normalisation });
      net.initialize('default', createRng(3));
      if (!moveBias)
        for (let h = 0; h < net.shifts.length; h++) {
          net.biases[h].set(net.shifts[h]);
          net.shifts[h].fill(0);
        }
      const norms = new GradientProbe(net, samples, 200).run().layerNorms;
      return norms[0] / norms[9];
    };
    const plain = ratio('none', true);
    expect(ratio('layer', true)).toBeGreaterThan(10 * plain);
    expect(ratio('layer', false)).toBeLessThan(ratio('layer', true) / 10);
  });
});

describe("eq. 124's factor with the cures", () => {
  it('is not applicable below a skip or under normalisation, and exact elsewhere', () => {
    const residual = new Network({ layers: [10, 6, 6, 5, 3], residual: true });
    residual.initialize('default', createRng(1));
    const plain = new Network({ layers: [10, 6, 6, 5, 3] });
    plain.params.set(residual.params);
    const prime = [new Float32Array(6).fill(0.2), new Float32Array(6).fill(0.2), new Float32Array(5).fill(0.2)];
    const factors = new LayerFactorNorms(residual);
    expect(factors.applicable).toEqual([false, true, true]);
    const got = factors.compute(prime);
    const exact = new LayerFactorNorms(plain).compute(prime);
    expect(got[0]).toBeNaN();
    expect(got[1]).toBeCloseTo(exact[1], 10);
    expect(got[2]).toBeCloseTo(exact[2], 10);
    const normalised = new LayerFactorNorms(new Network({ layers: [10, 6, 6, 5, 3], normalisation: 'layer' }));
    expect(normalised.applicable).toEqual([false, false, false]);
    expect(Array.from(normalised.compute(prime)).every(Number.isNaN)).toBe(true);
  });
});
