import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstExamples } from '../../src/data/mnist';
import { loadMnist } from '../../src/data/node';
import { Network } from '../../src/engine/core/network';
import { createRng, shuffle } from '../../src/engine/core/rng';
import { setSimdEnabled, simdAvailable } from '../../src/engine/wasm/simd';
import { PieceMeter } from '../../src/engine/core/pieces';
import { Evaluator, Trainer, evaluate } from '../../src/engine/core/train';
import { ACTIVATIONS, COSTS, OUTPUTS, type Samples } from '../../src/engine/core/types';
import { inputOf, randomSamples, refExampleCost, refOutputs, type RefNet } from './reference';

const COMBOS = ACTIVATIONS.flatMap((activation) => OUTPUTS.flatMap((output) => COSTS.map((cost) => ({ activation, output, cost }))));

/** Accuracy and mean cost of the float64 reference over the first `count` examples. */
function refEvaluate(ref: RefNet, samples: Samples, count: number): { accuracy: number; cost: number } {
  let correct = 0;
  let cost = 0;
  for (let k = 0; k < count; k++) {
    const x = inputOf(samples, k);
    const a = refOutputs(ref, x);
    let best = 0;
    for (let j = 1; j < a.length; j++) if (a[j] > a[best]) best = j;
    if (best === samples.labels[k]) correct++;
    cost += refExampleCost(ref, x, samples.labels[k]);
  }
  return { accuracy: correct / count, cost: cost / count };
}

/** Runs `fn` with the SIMD kernels switched on or off, restoring them afterwards. */
function withSimd<T>(on: boolean, fn: () => T): T {
  setSimdEnabled(on);
  try {
    return fn();
  } finally {
    setSimdEnabled(true);
  }
}

describe('Evaluator', () => {
  it('runs on WebAssembly SIMD under Node and on JavaScript loops when SIMD is off', () => {
    const net = new Network({ layers: [4, 3, 2] });
    expect(simdAvailable()).toBe(true);
    expect(new Evaluator(net).usesSimd).toBe(true);
    expect(withSimd(false, () => new Evaluator(net).usesSimd)).toBe(false);
  });
});

describe.each([
  ['WebAssembly SIMD', true],
  ['JavaScript only', false],
])('Evaluator against the float64 reference (%s)', (_, simd) => {
  beforeAll(() => setSimdEnabled(simd));
  afterAll(() => setSimdEnabled(true));

  it.each(COMBOS)(
    '$activation hidden, $output output, $cost cost; widths spanning several 32-lane groups',
    ({ activation, output, cost }) => {
      // 50 inputs: three 16-pixel runs and a tail of 2 for the gather kernel; 45 examples in batches of 7.
      const layers = [50, 40, 33, 7, 5];
      const net = new Network({ layers, activation, output, cost });
      net.initialize(activation === 'relu' ? 'he' : 'default', createRng(31));
      const samples = randomSamples(60, 50, 5, 17);
      // One blank image and one with every pixel lit.
      samples.inputs.fill(0, 3 * 50, 4 * 50);
      samples.inputs.fill(255, 8 * 50, 9 * 50);
      const evaluator = new Evaluator(net, 7);
      expect(evaluator.usesSimd).toBe(simd);
      const r = { ...evaluator.run(samples, 45) };
      const ref = refEvaluate({ layers, activation, output, cost, params: Float64Array.from(net.params) }, samples, 45);
      expect(r.accuracy).toBe(ref.accuracy);
      expect(r.accuracy).toBeGreaterThan(0);
      expect(Math.abs(r.cost - ref.cost)).toBeLessThan(1e-5 * ref.cost);
    },
  );

  it('reads the current parameters on every run, and a run needs no more than one batch', () => {
    const layers = [7, 5, 3];
    const net = new Network({ layers, output: 'softmax' });
    net.initialize('default', createRng(2));
    const samples = randomSamples(20, 7, 3, 5);
    const evaluator = new Evaluator(net, 64);
    const before = evaluator.run(samples).cost;
    for (let t = 0; t < net.params.length; t++) net.params[t] *= -1.5;
    const after = evaluator.run(samples).cost;
    const ref = refEvaluate(
      { layers, activation: 'sigmoid', output: 'softmax', cost: 'cross-entropy', params: Float64Array.from(net.params) },
      samples,
      20,
    );
    expect(after).not.toBeCloseTo(before, 3);
    expect(Math.abs(after - ref.cost)).toBeLessThan(1e-5 * ref.cost);
  });

  it('prepared once, in pieces, evaluates slice after slice as run() evaluates the whole set', () => {
    const layers = [50, 40, 33, 5];
    const net = new Network({ layers, output: 'softmax' });
    net.initialize('default', createRng(8));
    const samples = randomSamples(60, 50, 5, 9);
    const whole = { ...new Evaluator(net, 7).run(samples) };
    const evaluator = new Evaluator(net, 7);
    // A meter this small fills at every layer: one piece per layer's copy.
    const meter = new PieceMeter(1);
    const pieces = evaluator.preparePieces(meter);
    let yields = 0;
    while (!pieces.next().done) yields++;
    expect(yields).toBe(simd ? layers.length - 1 : 0);
    let correct = 0;
    let cost = 0;
    for (let offset = 0; offset < 60; offset += 13) {
      const count = Math.min(13, 60 - offset);
      const slice: Samples = { ...samples, inputs: samples.inputs.subarray(offset * 50), labels: samples.labels.subarray(offset), count };
      const r = evaluator.runPrepared(slice);
      correct += Math.round(r.accuracy * count);
      cost += r.cost * count;
    }
    expect(correct / 60).toBe(whole.accuracy);
    expect(cost / 60).toBeCloseTo(whole.cost, 6);
  });

  it('runPrepared reads the parameters taken in by prepare, not later changes (run takes them in afresh)', () => {
    const layers = [7, 5, 3];
    const net = new Network({ layers, output: 'softmax' });
    net.initialize('default', createRng(3));
    const samples = randomSamples(20, 7, 3, 6);
    const evaluator = new Evaluator(net, 64);
    evaluator.prepare();
    const before = evaluator.runPrepared(samples).cost;
    for (let t = 0; t < net.params.length; t++) net.params[t] *= -1.5;
    const after = evaluator.run(samples).cost;
    expect(after).not.toBeCloseTo(before, 3);
    // With SIMD the copy taken in by prepare() is what runPrepared reads; the JavaScript loops read in place.
    if (simd) {
      for (let t = 0; t < net.params.length; t++) net.params[t] /= -1.5;
      expect(evaluator.runPrepared(samples).cost).toBe(after);
    }
  });

  it('inputs of 7 and of 16 pixels: only a tail, and only whole runs, for the gather kernel', () => {
    for (const nIn of [7, 16]) {
      const layers = [nIn, 6, 4];
      const net = new Network({ layers, activation: 'tanh' });
      net.initialize('default', createRng(nIn));
      const samples = randomSamples(30, nIn, 4, 3);
      const r = { ...new Evaluator(net, 8).run(samples) };
      const ref = refEvaluate(
        { layers, activation: 'tanh', output: 'sigmoid', cost: 'cross-entropy', params: Float64Array.from(net.params) },
        samples,
        30,
      );
      expect(r.accuracy).toBe(ref.accuracy);
      expect(Math.abs(r.cost - ref.cost)).toBeLessThan(1e-5 * ref.cost);
    }
  });

  it.each(COMBOS)(
    'stays finite and positive with pre-activations at ±50 and ±1000 ($activation, $output, $cost)',
    ({ activation, output, cost }) => {
      const layers = [4, 3, 3];
      const net = new Network({ layers, activation, output, cost });
      const samples: Samples = {
        inputs: Uint8Array.from([255, 255, 0, 255, 255, 0, 255, 0]),
        labels: Uint8Array.from([0, 2]),
        inputSize: 4,
        count: 2,
      };
      for (const size of [50, 1000])
        for (const sign of [1, -1]) {
          net.params.fill(0);
          net.biases[0].fill(size * sign);
          net.biases[1].fill(size * sign);
          net.biases[1][0] = -size * sign; // example 0 is confidently wrong or confidently right
          const r = evaluate(net, samples);
          expect(Number.isFinite(r.cost)).toBe(true);
          expect(r.cost).toBeGreaterThan(0);
        }
    },
  );

  it('sigmoid cross-entropy: z = −50 on the true class costs 50, z = 20 on a wrong one adds 20', () => {
    const net = new Network({ layers: [1, 2] });
    net.params.fill(0);
    net.biases[0].set([-50, 20]);
    const samples: Samples = { inputs: Uint8Array.from([0]), labels: Uint8Array.from([0]), inputSize: 1, count: 1 };
    // softplus(50) + softplus(20) = 70 + ln(1 + e⁻⁵⁰) + ln(1 + e⁻²⁰)
    expect(evaluate(net, samples).cost).toBeCloseTo(70 + Math.log1p(Math.exp(-50)) + Math.log1p(Math.exp(-20)), 10);
  });

  it('rejects a bad count or mismatched samples with the same messages as before', () => {
    const net = new Network({ layers: [4, 2] });
    const samples = randomSamples(3, 4, 2, 1);
    expect(() => evaluate(net, samples, 0)).toThrow('cannot evaluate 0 examples of a set of 3');
    expect(() => evaluate(net, samples, 4)).toThrow('cannot evaluate 4 examples of a set of 3');
    expect(() => evaluate(net, randomSamples(3, 5, 2, 1))).toThrow(
      "evaluation: examples have 5 inputs but the network's input layer has 4",
    );
    const bad = randomSamples(3, 4, 2, 1);
    bad.labels[2] = 7;
    expect(() => evaluate(net, bad)).toThrow('evaluation: example 2 has label 7, but the output layer has only 2 neurons');
    // Only the examples asked for are checked.
    expect(evaluate(net, bad, 2).accuracy).toBeGreaterThanOrEqual(0);
  });
});

describe('on real MNIST, the SIMD evaluation matches the JavaScript one', () => {
  const mnist = loadMnist();
  const validation = mnist.test;
  const train = firstExamples(mnist.training, 10_000);
  /** Worker-style: 1000-image slices as fresh views, correct answers summed. */
  function sliced(net: Network): { correct: number; cost: number } {
    let correct = 0;
    let cost = 0;
    for (let s = 0; s < validation.count; s += 1000) {
      const slice: Samples = {
        inputs: validation.inputs.subarray(s * 784, (s + 1000) * 784),
        labels: validation.labels.subarray(s, s + 1000),
        inputSize: 784,
        count: 1000,
      };
      const r = evaluate(net, slice);
      correct += Math.round(r.accuracy * 1000);
      cost += r.cost * 1000;
    }
    return { correct, cost: cost / validation.count };
  }

  it.each([
    ['sigmoid', 'sigmoid', 'cross-entropy'],
    ['relu', 'softmax', 'cross-entropy'],
    ['tanh', 'sigmoid', 'quadratic'],
  ] as const)('[784, 30, 30, 30, 30, 10] %s / %s / %s, untrained and after one epoch on 10,000 images', (activation, output, cost) => {
    const net = new Network({ layers: [784, 30, 30, 30, 30, 10], activation, output, cost });
    const rng = createRng(7);
    net.initialize(activation === 'relu' ? 'he' : 'default', rng);
    const compare = (): number => {
      const simd = sliced(net);
      const js = withSimd(false, () => sliced(net));
      expect(simd.correct).toBe(js.correct);
      expect(Math.abs(simd.cost - js.cost)).toBeLessThan(1e-5 * js.cost);
      // The whole set at once agrees with the slices.
      expect(Math.round(evaluate(net, validation).accuracy * validation.count)).toBe(simd.correct);
      return simd.correct;
    };
    const untrained = compare();
    expect(untrained).toBeLessThan(2000); // about chance
    const trainer = new Trainer(net, 10);
    const order = Uint32Array.from({ length: train.count }, (_, i) => i);
    shuffle(order, rng);
    const opts = { eta: activation === 'relu' ? 0.05 : activation === 'tanh' ? 0.1 : 0.5, lambda: 1, trainingSize: train.count };
    for (let o = 0; o < train.count; o += 10) trainer.step(train, order, o, 10, opts);
    // Deep sigmoid nets learn slowly (the chapter's point), so "trained" means clearly better than chance.
    expect(compare()).toBeGreaterThan(untrained + 1000);
  });
});
