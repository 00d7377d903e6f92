import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../src/engine/core/rng';
import { Network } from '../../../src/engine/core/network';
import { setSimdEnabled } from '../../../src/engine/wasm/simd';
import { Trainer, evaluate } from '../../../src/engine/core/train';
import { ACTIVATIONS, COSTS, OUTPUTS, type Samples } from '../../../src/engine/core/types';
import { randomSamples, refBatchCost, refGradient, type RefNet } from '../reference';

function identityOrder(n: number): Uint32Array {
  return Uint32Array.from({ length: n }, (_, i) => i);
}

/**
 * The engine's mean gradient, read off one plain SGD step with η = 1, λ = 0: Δparams = −∇.
 * Params are float32, so Δ carries rounding of about ulp(|w|) ≈ 6e-8; the tolerance allows for that.
 */
function engineGradient(net: Network, samples: Samples, examples: number[]): Float64Array {
  const before = Float64Array.from(net.params);
  const trainer = new Trainer(net, examples.length);
  trainer.step(samples, Uint32Array.from(examples), 0, examples.length, { eta: 1, lambda: 0, trainingSize: 1 });
  const g = new Float64Array(before.length);
  for (let t = 0; t < g.length; t++) g[t] = before[t] - net.params[t];
  net.params.set(before);
  return g;
}

describe.each([
  ['WebAssembly SIMD first layer', true],
  ['JavaScript only', false],
])('backpropagation against central finite differences on a float64 reference (%s)', (_, simd) => {
  beforeAll(() => setSimdEnabled(simd));
  afterAll(() => setSimdEnabled(true));
  const cases = ACTIVATIONS.flatMap((activation) => OUTPUTS.flatMap((output) => COSTS.map((cost) => ({ activation, output, cost }))));
  it.each(cases)('$activation hidden, $output output, $cost cost', ({ activation, output, cost }) => {
    const layers = [7, 6, 5, 4];
    const net = new Network({ layers, activation, output, cost });
    net.initialize(activation === 'relu' ? 'he' : 'default', createRng(42));
    const samples = randomSamples(9, layers[0], layers[3], 7);
    const examples = [3, 0, 8, 5, 1];
    const ref: RefNet = { layers, activation, output, cost, params: Float64Array.from(net.params) };
    const expected = refGradient(ref, samples, examples);
    const actual = engineGradient(net, samples, examples);
    let worst = 0;
    let diffSq = 0;
    let sumSq = 0;
    for (let t = 0; t < expected.length; t++) {
      // Per-component relative error, with an absolute floor for float32 rounding of tiny components.
      const rel = Math.abs(actual[t] - expected[t]) / Math.max(Math.abs(actual[t]) + Math.abs(expected[t]), 1e-2);
      worst = Math.max(worst, rel);
      diffSq += (actual[t] - expected[t]) ** 2;
      sumSq += expected[t] ** 2;
    }
    expect(sumSq).toBeGreaterThan(1e-4); // the gradient is not trivially zero
    expect(worst).toBeLessThan(1e-4);
    expect(Math.sqrt(diffSq / sumSq)).toBeLessThan(1e-4);
  });

  it('covers every blocking remainder of the kernels (widths 13, 9, 3; batch of 7)', () => {
    for (const momentum of [0, 0.5]) {
      const layers = [10, 13, 9, 3];
      const net = new Network({ layers, activation: 'tanh' });
      net.initialize('default', createRng(8));
      const samples = randomSamples(7, 10, 3, 21);
      const examples = [6, 5, 4, 3, 2, 1, 0];
      const ref: RefNet = { layers, activation: 'tanh', output: 'sigmoid', cost: 'cross-entropy', params: Float64Array.from(net.params) };
      const expected = refGradient(ref, samples, examples);
      // With fresh velocities a momentum step is the same as a plain one: v = −η∇.
      const before = Float64Array.from(net.params);
      new Trainer(net, 7).step(samples, Uint32Array.from(examples), 0, 7, { eta: 1, lambda: 0, trainingSize: 7, momentum });
      for (let t = 0; t < expected.length; t++) {
        const actual = before[t] - net.params[t];
        expect(Math.abs(actual - expected[t]) / Math.max(Math.abs(actual) + Math.abs(expected[t]), 1e-2)).toBeLessThan(1e-4);
      }
    }
  });

  it('the mean cost a step returns is the reference cost before the update', () => {
    const layers = [7, 5, 3];
    const net = new Network({ layers, output: 'softmax' });
    net.initialize('default', createRng(3));
    const samples = randomSamples(6, 7, 3, 11);
    const ref: RefNet = { layers, activation: 'sigmoid', output: 'softmax', cost: 'cross-entropy', params: Float64Array.from(net.params) };
    const cost = new Trainer(net, 6).step(samples, identityOrder(6), 0, 6, { eta: 0.1, lambda: 0, trainingSize: 6 });
    expect(cost).toBeCloseTo(refBatchCost(ref, samples, [0, 1, 2, 3, 4, 5]), 5);
  });
});

describe('SIMD and JavaScript training agree', () => {
  it.each([0, 0.7])('over 20 steps of [60, 40, 33, 5], widths beyond one 32-lane group, velocity reset halfway (μ = %s)', (momentum) => {
    const run = (simd: boolean): Float32Array => {
      setSimdEnabled(simd);
      try {
        const net = new Network({ layers: [60, 40, 33, 5] });
        net.initialize('default', createRng(12));
        const samples = randomSamples(50, 60, 5, 4);
        const trainer = new Trainer(net, 13);
        const order = identityOrder(50);
        for (let s = 0; s < 20; s++) {
          if (s === 10) trainer.resetVelocity();
          trainer.step(samples, order, (s * 13) % 37, 13, { eta: 0.3, lambda: 2, trainingSize: 50, momentum });
        }
        return net.params.slice();
      } finally {
        setSimdEnabled(true);
      }
    };
    const a = run(true);
    const b = run(false);
    let worst = 0;
    for (let t = 0; t < a.length; t++) worst = Math.max(worst, Math.abs(a[t] - b[t]));
    expect(worst).toBeLessThan(1e-4);
    expect(a).not.toEqual(new Float32Array(a.length));
  });
});

describe("the JavaScript path's W⁰ kept as scale·V", () => {
  /** 60 steps at a decay of 0.9 per step: the scale falls below 1/256 after 53 and is folded back into V. */
  const run = (simd: boolean, readEvery: number): Float32Array => {
    setSimdEnabled(simd);
    try {
      const net = new Network({ layers: [60, 40, 33, 5] });
      net.initialize('default', createRng(21));
      const samples = randomSamples(50, 60, 5, 9);
      const trainer = new Trainer(net, 10);
      const order = identityOrder(50);
      let sink = 0;
      for (let s = 0; s < 60; s++) {
        trainer.step(samples, order, (s * 10) % 40, 10, { eta: 0.5, lambda: 2, trainingSize: 10 });
        // Reading the parameters brings W⁰ home: the scale is multiplied into it and counting starts again.
        if (readEvery > 0 && s % readEvery === 0) sink += net.weights[0][3];
      }
      expect(Number.isFinite(sink)).toBe(true);
      return net.params.slice();
    } finally {
      setSimdEnabled(true);
    }
  };
  const worstRelative = (a: Float32Array, b: Float32Array): number => {
    let worst = 0;
    for (let t = 0; t < a.length; t++) worst = Math.max(worst, Math.abs(a[t] - b[t]) / Math.max(Math.abs(a[t]), 1e-3));
    return worst;
  };

  it('agrees with the WebAssembly path through a fold of the scale, and with itself when read in between', () => {
    const js = run(false, 0);
    expect(worstRelative(js, run(true, 0))).toBeLessThan(1e-4);
    expect(worstRelative(js, run(false, 7))).toBeLessThan(1e-5);
    // Decayed by 0.9⁶⁰ ≈ 0.002 and pushed by the gradient: the weights moved a long way from where they began.
    expect(js.every((v) => Number.isFinite(v))).toBe(true);
  });
});

describe('saturation', () => {
  it.each(ACTIVATIONS.flatMap((activation) => OUTPUTS.flatMap((output) => COSTS.map((cost) => ({ activation, output, cost })))))(
    'stays finite with pre-activations at ±50 ($activation, $output, $cost)',
    ({ activation, output, cost }) => {
      const layers = [4, 3, 3];
      const net = new Network({ layers, activation, output, cost });
      const samples: Samples = {
        inputs: Uint8Array.from([255, 255, 0, 255, 255, 0, 255, 0]),
        labels: Uint8Array.from([0, 2]),
        inputSize: 4,
        count: 2,
      };
      for (const sign of [1, -1]) {
        // Every hidden z = ±50 and every output z = ±50 (biases alone; weights zero), the worst case for log 0.
        net.params.fill(0);
        net.biases[0].fill(50 * sign);
        net.biases[1].fill(50 * sign);
        net.biases[1][0] = -50 * sign; // the right answer for example 0 is confidently wrong
        const trainer = new Trainer(net, 2);
        const c = trainer.step(samples, identityOrder(2), 0, 2, { eta: 0.5, lambda: 1, trainingSize: 2, momentum: 0.5 });
        expect(Number.isFinite(c)).toBe(true);
        expect(c).toBeGreaterThan(0);
        expect(net.params.every((v) => Number.isFinite(v))).toBe(true);
        const e = evaluate(net, samples);
        expect(Number.isFinite(e.cost)).toBe(true);
      }
    },
  );

  it('sigmoid cross-entropy at z = −50 for the true class costs 50, not Infinity', () => {
    const net = new Network({ layers: [1, 1] });
    net.weights[0][0] = 0;
    net.biases[0][0] = -50;
    const samples: Samples = { inputs: Uint8Array.from([0]), labels: Uint8Array.from([0]), inputSize: 1, count: 1 };
    expect(evaluate(net, samples).cost).toBeCloseTo(50, 10);
  });
});

describe('SGD', () => {
  it('a small step lowers the loss on its own batch', () => {
    for (const activation of ACTIVATIONS) {
      const net = new Network({ layers: [20, 10, 5], activation });
      net.initialize('default', createRng(5));
      const samples = randomSamples(16, 20, 5, 3);
      const trainer = new Trainer(net, 16);
      const order = identityOrder(16);
      const before = trainer.step(samples, order, 0, 16, { eta: 0.05, lambda: 0, trainingSize: 16 });
      const after = evaluate(net, samples).cost;
      expect(after).toBeLessThan(before);
    }
  });

  /** [1, 1] network: one weight w, one bias b, sigmoid + cross-entropy, so ∂C/∂z = a − y by hand. */
  function tiny(w: number, b: number): { net: Network; samples: Samples } {
    const net = new Network({ layers: [1, 1] });
    net.weights[0][0] = w;
    net.biases[0][0] = b;
    // Inputs x = 1 and x = 51/255 = 0.2, both labelled 0, so y = 1 for the single output neuron.
    const samples: Samples = { inputs: Uint8Array.from([255, 51]), labels: Uint8Array.from([0, 0]), inputSize: 1, count: 2 };
    return { net, samples };
  }
  const sig = (z: number): number => 1 / (1 + Math.exp(-z));

  it('applies weight decay exactly as (1 − ηλ/n)·w − η·mean∇, biases undecayed (network2)', () => {
    const { net, samples } = tiny(0.5, 0.25);
    const eta = 0.5;
    const lambda = 2;
    const n = 10;
    const xs = [1, 0.2];
    const deltas = xs.map((x) => sig(0.5 * x + 0.25) - 1);
    const gW = (deltas[0] * xs[0] + deltas[1] * xs[1]) / 2;
    const gB = (deltas[0] + deltas[1]) / 2;
    new Trainer(net, 2).step(samples, identityOrder(2), 0, 2, { eta, lambda, trainingSize: n });
    expect(net.weights[0][0]).toBeCloseTo((1 - (eta * lambda) / n) * 0.5 - eta * gW, 6);
    expect(net.biases[0][0]).toBeCloseTo(0.25 - eta * gB, 6);
    // with zero gradient contribution isolated: decay factor 0.9 on w = 0.5 gives 0.45 before the gradient term
    expect((1 - (eta * lambda) / n) * 0.5).toBeCloseTo(0.45, 12);
  });

  it('momentum follows v ← μv − η∇, w ← (1 − ηλ/n)w + v over two steps; resetVelocity forgets v', () => {
    const { net, samples } = tiny(0.5, 0.25);
    const eta = 0.3;
    const mu = 0.9;
    const lambda = 1;
    const n = 20;
    const decay = 1 - (eta * lambda) / n;
    const trainer = new Trainer(net, 1);
    const order = identityOrder(2);
    let w = 0.5;
    let b = 0.25;
    let vw = 0;
    let vb = 0;
    for (let s = 0; s < 3; s++) {
      const x = s % 2 === 0 ? 1 : 0.2;
      const d = sig(w * x + b) - 1;
      vw = mu * vw - eta * d * x;
      vb = mu * vb - eta * d;
      w = decay * w + vw;
      b = b + vb;
      trainer.step(samples, order, s % 2, 1, { eta, lambda, trainingSize: n, momentum: mu });
      expect(net.weights[0][0]).toBeCloseTo(w, 5);
      expect(net.biases[0][0]).toBeCloseTo(b, 5);
    }
    // After a reset the next step is a plain SGD step.
    trainer.resetVelocity();
    const d = sig(w * 1 + b) - 1;
    trainer.step(samples, order, 0, 1, { eta, lambda, trainingSize: n, momentum: mu });
    expect(net.weights[0][0]).toBeCloseTo(decay * w - eta * d, 5);
  });

  it('gives the same numbers for the same seed and different ones for another', () => {
    const run = (seed: number): Float32Array => {
      const net = new Network({ layers: [12, 8, 4] });
      const rng = createRng(seed);
      net.initialize('default', rng);
      const samples = randomSamples(40, 12, 4, 9);
      const trainer = new Trainer(net, 10);
      const order = identityOrder(40);
      for (let e = 0; e < 3; e++)
        for (let o = 0; o < 40; o += 10) trainer.step(samples, order, o, 10, { eta: 0.5, lambda: 1, trainingSize: 40, momentum: 0.5 });
      return net.params.slice();
    };
    expect(run(1)).toEqual(run(1));
    expect(run(1)).not.toEqual(run(2));
  });

  it('rejects bad hyper-parameters and batches with clear messages', () => {
    const net = new Network({ layers: [4, 2] });
    const samples = randomSamples(5, 4, 2, 1);
    const trainer = new Trainer(net, 4);
    const order = identityOrder(5);
    const ok = { eta: 0.1, lambda: 0, trainingSize: 5 };
    expect(() => trainer.step(samples, order, 0, 2, { ...ok, eta: Number.NaN })).toThrow(
      'learning rate η must be a finite number ≥ 0, got NaN',
    );
    expect(() => trainer.step(samples, order, 0, 2, { ...ok, momentum: 1 })).toThrow('momentum μ must be in [0, 1), got 1');
    expect(() => trainer.step(samples, order, 0, 5, ok)).toThrow('batch of 5 examples does not fit (1..4)');
    expect(() => trainer.step(samples, order, 3, 3, ok)).toThrow('examples 3..5 are out of range (0..4)');
    const wrong = randomSamples(5, 3, 2, 1);
    expect(() => trainer.step(wrong, order, 0, 2, ok)).toThrow("training: examples have 3 inputs but the network's input layer has 4");
  });
});

describe('evaluate', () => {
  it('counts the examples whose largest output is the label', () => {
    const net = new Network({ layers: [2, 2], output: 'softmax' });
    // Output 0 follows input 0, output 1 follows input 1.
    net.weights[0].set([5, 0, 0, 5]);
    const samples: Samples = {
      inputs: Uint8Array.from([255, 0, 0, 255, 255, 0]),
      labels: Uint8Array.from([0, 1, 1]),
      inputSize: 2,
      count: 3,
    };
    const r = evaluate(net, samples);
    expect(r.accuracy).toBeCloseTo(2 / 3, 12);
    const p = Math.exp(5) / (Math.exp(5) + 1);
    expect(r.cost).toBeCloseTo((-Math.log(p) * 2 - Math.log(1 - p)) / 3, 5);
    expect(evaluate(net, samples, 2).accuracy).toBe(1);
  });
});
