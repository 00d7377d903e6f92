import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/engine/core/rng';
import { Network } from '../../../src/engine/core/network';
import { Trainer } from '../../../src/engine/core/train';
import { setSimdEnabled } from '../../../src/engine/wasm/simd';
import { randomSamples } from '../reference';
import { haveSimd } from './harness';

/**
 * The SIMD trainer keeps W⁰ in its own memory as scale·V between steps (simd-first-layer.ts). These runs check
 * it against the JavaScript loops, which keep W⁰ in params and decay every weight every step.
 */
const order = Uint32Array.from({ length: 40 }, (_, i) => i);

interface Run {
  steps: number;
  lambda: number;
  /** Called between steps with the network, e.g. to read or write its parameters. */
  between?: (net: Network, step: number) => void;
}

function train(simd: boolean, { steps, lambda, between }: Run): Float32Array {
  setSimdEnabled(simd);
  try {
    const net = new Network({ layers: [50, 37, 4] });
    net.initialize('default', createRng(5));
    const samples = randomSamples(40, 50, 4, 8);
    const trainer = new Trainer(net, 8);
    for (let s = 0; s < steps; s++) {
      trainer.step(samples, order, (s * 8) % 33, 8, { eta: 0.2, lambda, trainingSize: 40 });
      between?.(net, s);
    }
    return net.params.slice();
  } finally {
    setSimdEnabled(true);
  }
}

/** Largest difference relative to the largest parameter, so a run whose weights shrink is judged fairly. */
function relativeGap(a: Float32Array, b: Float32Array): number {
  let gap = 0;
  let size = 0;
  for (let t = 0; t < a.length; t++) {
    gap = Math.max(gap, Math.abs(a[t] - b[t]));
    size = Math.max(size, Math.abs(b[t]));
  }
  return gap / size;
}

describe.skipIf(!haveSimd)('W⁰ kept in the SIMD kernels between steps, the decay as a scale', () => {
  it('matches the JavaScript loops after 400 steps whose decay (0.99 a step) folds the scale back into W⁰ several times', () => {
    const run: Run = { steps: 400, lambda: 2 }; // 1 − ηλ/n = 1 − 0.2·2/40 = 0.99; 0.99⁴⁰⁰ ≈ 0.018
    expect(relativeGap(train(true, run), train(false, run))).toBeLessThan(1e-4);
  });

  it('matches them when the decay factor is negative (η·λ > n), which cannot be carried as a scale', () => {
    const run: Run = { steps: 30, lambda: 300 }; // 1 − 0.2·300/40 = −0.5
    const simd = train(true, run);
    expect(simd.every(Number.isFinite)).toBe(true);
    expect(relativeGap(simd, train(false, run))).toBeLessThan(1e-4);
  });

  it('a write to W⁰ through net.weights between steps is what the next step starts from', () => {
    const zeroAt10 = (net: Network, step: number): void => {
      if (step === 10) net.weights[0].fill(0.01);
    };
    const run: Run = { steps: 20, lambda: 2, between: zeroAt10 };
    const simd = train(true, run);
    expect(relativeGap(simd, train(false, run))).toBeLessThan(1e-4);
    expect(relativeGap(simd, train(true, { steps: 20, lambda: 2 }))).toBeGreaterThan(0.01);
  });

  it('reading the parameters between steps does not change the run', () => {
    let sink = 0;
    const look = (net: Network): void => {
      sink += net.params[3];
    };
    const quiet = train(true, { steps: 50, lambda: 2 });
    const watched = train(true, { steps: 50, lambda: 2, between: look });
    expect(Number.isFinite(sink)).toBe(true);
    expect(relativeGap(watched, quiet)).toBeLessThan(1e-5);
  });
});

describe.skipIf(!haveSimd)('a forward pass between SIMD steps', () => {
  it('sees the trained W⁰, not the copy left behind when the trainer took it', async () => {
    const { ActivationStats } = await import('../../../src/engine/core/saturation');
    const samples = randomSamples(40, 50, 4, 8);
    const net = new Network({ layers: [50, 37, 4] });
    net.initialize('default', createRng(5));
    const stats = new ActivationStats(net, samples, 40);
    const trainer = new Trainer(net, 8);
    for (let s = 0; s < 20; s++) trainer.step(samples, order, (s * 8) % 33, 8, { eta: 3, lambda: 0, trainingSize: 40 });
    const measured = stats.measure().mean.slice();
    // The same network rebuilt from its parameters, read through the getter that brings W⁰ home.
    const copy = new Network({ layers: [50, 37, 4] });
    copy.params.set(net.params);
    const expected = new ActivationStats(copy, samples, 40).measure().mean;
    expect(measured[0]).toBeCloseTo(expected[0], 6);
  });
});
