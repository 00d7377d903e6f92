import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../src/engine/core/rng';
import { Network } from '../../../src/engine/core/network';
import { setSimdEnabled } from '../../../src/engine/wasm/simd';
import { Trainer } from '../../../src/engine/core/train';
import { randomSamples, refGradient, type RefNet } from '../reference';

const order = (n: number): Uint32Array => Uint32Array.from({ length: n }, (_, i) => i);

function norm(v: ArrayLike<number>): number {
  let s = 0;
  for (let t = 0; t < v.length; t++) s += v[t] * v[t];
  return Math.sqrt(s);
}

describe.each([
  ['WebAssembly SIMD first layer', true],
  ['JavaScript only', false],
])('gradient-norm clipping (%s)', (_, simd) => {
  beforeAll(() => setSimdEnabled(simd));
  afterAll(() => setSimdEnabled(true));

  it('with a threshold far above ‖∇‖ the trajectory is exactly the unclipped one', () => {
    const run = (clipNorm: number | undefined): Float32Array => {
      const net = new Network({ layers: [40, 12, 9, 5] });
      net.initialize('default', createRng(3));
      const samples = randomSamples(30, 40, 5, 8);
      const trainer = new Trainer(net, 10);
      for (let s = 0; s < 9; s++)
        trainer.step(samples, order(30), (s % 3) * 10, 10, { eta: 2, lambda: 1, trainingSize: 30, momentum: 0.5, clipNorm });
      return net.params.slice();
    };
    const plain = run(undefined);
    expect(run(1e9)).toEqual(plain);
    expect(run(0)).toEqual(plain);
    // and a threshold that bites does change it, so the comparison above can fail
    expect(run(0.01)).not.toEqual(plain);
  });

  it('measures ‖∇‖ over all weights and biases and moves the parameters by exactly η·c along −∇', () => {
    const layers = [9, 7, 6, 4];
    const net = new Network({ layers, activation: 'sigmoid' });
    net.initialize('default', createRng(11));
    const samples = randomSamples(6, 9, 4, 5);
    const examples = [0, 1, 2, 3, 4, 5];
    const ref: RefNet = { layers, activation: 'sigmoid', output: 'sigmoid', cost: 'cross-entropy', params: Float64Array.from(net.params) };
    const grad = refGradient(ref, samples, examples);
    const gradNorm = norm(grad);
    const eta = 0.7;
    const c = gradNorm / 5; // clipping bites: the step shrinks five-fold
    const before = Float64Array.from(net.params);
    const trainer = new Trainer(net, 6);
    trainer.step(samples, order(6), 0, 6, { eta, lambda: 0, trainingSize: 6, clipNorm: c });
    expect(trainer.lastGradNorm).toBeCloseTo(gradNorm, 5);
    const step = new Float64Array(before.length);
    for (let t = 0; t < step.length; t++) step[t] = before[t] - net.params[t];
    // float32 parameters round each component by about 6e-8 of its size
    expect(Math.abs(norm(step) - eta * c) / (eta * c)).toBeLessThan(1e-4);
    for (let t = 0; t < step.length; t++) expect(step[t]).toBeCloseTo((eta * c * grad[t]) / gradNorm, 5);
  });

  it('leaves the step alone when ‖∇‖ is below the threshold, and reports ‖∇‖ only when clipping is on', () => {
    const net = new Network({ layers: [9, 5, 4] });
    net.initialize('default', createRng(2));
    const samples = randomSamples(4, 9, 4, 1);
    const copy = new Network({ layers: [9, 5, 4] });
    copy.params.set(net.params);
    const clipped = new Trainer(net, 4);
    clipped.step(samples, order(4), 0, 4, { eta: 0.5, lambda: 0, trainingSize: 4, clipNorm: 1e6 });
    expect(clipped.lastGradNorm).toBeGreaterThan(0);
    const plain = new Trainer(copy, 4);
    plain.step(samples, order(4), 0, 4, { eta: 0.5, lambda: 0, trainingSize: 4 });
    expect(Number.isNaN(plain.lastGradNorm)).toBe(true);
    // Equal up to float32 rounding: with SIMD, a plain step runs whole on the kernels, while a clipped one
    // forms the layers above the first in JavaScript to measure ‖∇‖, and the two sum in different orders.
    const a = net.params;
    const b = copy.params;
    let worst = 0;
    for (let t = 0; t < a.length; t++) worst = Math.max(worst, Math.abs(a[t] - b[t]));
    expect(worst).toBeLessThan(1e-6);
    expect(a).not.toEqual(new Network({ layers: [9, 5, 4] }).params);
  });

  it('rejects a negative or non-finite threshold', () => {
    const net = new Network({ layers: [4, 2] });
    const samples = randomSamples(2, 4, 2, 1);
    const trainer = new Trainer(net, 2);
    expect(() => trainer.step(samples, order(2), 0, 2, { eta: 0.1, lambda: 0, trainingSize: 2, clipNorm: -1 })).toThrow(
      'clipping threshold c must be a finite number ≥ 0, got -1',
    );
  });
});

describe('clipped training on SIMD and in JavaScript', () => {
  it('agrees within 1e-4 per parameter over 20 clipped steps with momentum and decay', () => {
    const run = (simd: boolean): { params: Float32Array; norms: number[] } => {
      setSimdEnabled(simd);
      try {
        const net = new Network({ layers: [60, 40, 33, 5] });
        net.initialize('default', createRng(12));
        const samples = randomSamples(50, 60, 5, 4);
        const trainer = new Trainer(net, 13);
        const norms: number[] = [];
        for (let s = 0; s < 20; s++) {
          trainer.step(samples, order(50), (s * 13) % 37, 13, { eta: 3, lambda: 2, trainingSize: 50, momentum: 0.5, clipNorm: 0.05 });
          norms.push(trainer.lastGradNorm);
        }
        return { params: net.params.slice(), norms };
      } finally {
        setSimdEnabled(true);
      }
    };
    const a = run(true);
    const b = run(false);
    let worst = 0;
    for (let t = 0; t < a.params.length; t++) worst = Math.max(worst, Math.abs(a.params[t] - b.params[t]));
    expect(worst).toBeLessThan(1e-4);
    // every one of those steps was clipped, so the threshold shaped the whole run
    expect(a.norms.every((n) => n > 0.05)).toBe(true);
    for (let s = 0; s < 20; s++) expect(Math.abs(a.norms[s] - b.norms[s]) / b.norms[s]).toBeLessThan(1e-4);
  });
});
