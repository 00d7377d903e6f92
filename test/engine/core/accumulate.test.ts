import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GradientSum } from '../../../src/engine/core/accumulate';
import { Network, type NetworkOptions } from '../../../src/engine/core/network';
import { createRng } from '../../../src/engine/core/rng';
import { Trainer, type SgdOptions } from '../../../src/engine/core/train';
import { setSimdEnabled } from '../../../src/engine/wasm/simd';
import { randomSamples } from '../reference';

const order = (n: number): Uint32Array => Uint32Array.from({ length: n }, (_, i) => i);

/** Largest |a − b| relative to max(1, |b|): a float32 parameter near 20 rounds in steps of 2e-6. */
function maxDifference(a: Float32Array, b: Float32Array): number {
  let worst = 0;
  for (let t = 0; t < a.length; t++) worst = Math.max(worst, Math.abs(a[t] - b[t]) / Math.max(1, Math.abs(b[t])));
  return worst;
}

const samples = randomSamples(60, 40, 5, 8);

/** Parameters and costs after `steps` full-batch steps, each summed in chunks of the given sizes (cycled). */
function sliced(options: NetworkOptions, opts: SgdOptions, chunks: number[], steps = 3): { params: Float32Array; costs: number[] } {
  const net = new Network(options);
  net.initialize('default', createRng(5));
  const sum = new GradientSum(net, Math.max(...chunks));
  const costs: number[] = [];
  for (let s = 0; s < steps; s++) {
    let c = 0;
    for (let done = 0; done < samples.count; c++) {
      const size = Math.min(chunks[c % chunks.length], samples.count - done);
      sum.add(samples, order(samples.count), done, size);
      done += size;
    }
    costs.push(sum.apply(opts));
  }
  return { params: net.params.slice(), costs };
}

function unsliced(options: NetworkOptions, opts: SgdOptions, steps = 3): { params: Float32Array; costs: number[] } {
  const net = new Network(options);
  net.initialize('default', createRng(5));
  const trainer = new Trainer(net, samples.count);
  const costs: number[] = [];
  for (let s = 0; s < steps; s++) costs.push(trainer.step(samples, order(samples.count), 0, samples.count, opts));
  return { params: net.params.slice(), costs };
}

const plain: SgdOptions = { eta: 3, lambda: 2, trainingSize: 60 };
const cases: [string, NetworkOptions, SgdOptions][] = [
  ['plain', { layers: [40, 12, 9, 5] }, plain],
  ['momentum and clipping', { layers: [40, 12, 9, 5] }, { ...plain, momentum: 0.6, clipNorm: 0.05 }],
  ['layer normalisation and skips', { layers: [40, 12, 12, 5], residual: true, normalisation: 'layer' }, { ...plain, momentum: 0.3 }],
];

describe.each([
  ['WebAssembly SIMD first layer', true],
  ['JavaScript only', false],
])('a step summed in chunks (%s)', (_, simd) => {
  beforeAll(() => setSimdEnabled(simd));
  afterAll(() => setSimdEnabled(true));

  it.each(cases)('%s: chunks of any size give the unsplit step to float32 rounding', (_, options, opts) => {
    const whole = sliced(options, opts, [60]);
    for (const chunks of [[1], [7], [13, 2, 30]]) {
      const parts = sliced(options, opts, chunks);
      expect(maxDifference(parts.params, whole.params)).toBeLessThanOrEqual(1e-6);
      for (let s = 0; s < whole.costs.length; s++)
        expect(Math.abs(parts.costs[s] - whole.costs[s])).toBeLessThanOrEqual(1e-6 * Math.abs(whole.costs[s]));
    }
  });

  it.each(cases)('%s: the summed step is the step Trainer takes on the whole batch', (_, options, opts) => {
    const reference = unsliced(options, opts);
    const parts = sliced(options, opts, [7]);
    expect(maxDifference(parts.params, reference.params)).toBeLessThanOrEqual(1e-5);
    for (let s = 0; s < reference.costs.length; s++) expect(parts.costs[s]).toBeCloseTo(reference.costs[s], 5);
    // and the steps do move the parameters, so the comparison can fail
    const start = new Network(options);
    start.initialize('default', createRng(5));
    expect(maxDifference(parts.params, start.params)).toBeGreaterThan(1e-3);
  });

  it('clear() forgets a half-summed step', () => {
    const net = new Network({ layers: [40, 12, 5] });
    net.initialize('default', createRng(5));
    const sum = new GradientSum(net, 60);
    sum.add(samples, order(60), 0, 25);
    sum.clear();
    expect(sum.examples).toBe(0);
    expect(() => sum.apply(plain)).toThrow(/no examples/);
    sum.add(samples, order(60), 0, 60);
    sum.apply(plain);
    const reference = unsliced({ layers: [40, 12, 5] }, plain, 1);
    expect(maxDifference(net.params, reference.params)).toBeLessThanOrEqual(1e-5);
  });
});
