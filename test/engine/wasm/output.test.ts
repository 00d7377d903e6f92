import { describe, expect, it } from 'vitest';
import { activateOutputRow, outputDeltaRow, SIGMOID_CROSS_ENTROPY, SIGMOID_QUADRATIC } from '../../../src/engine/core/output';
import { BATCHES, bench, haveSimd, seeded, values } from './harness';

const COSTS = [
  { name: 'crossEntropy', code: SIGMOID_CROSS_ENTROPY },
  { name: 'quadratic', code: SIGMOID_QUADRATIC },
] as const;

/** Runs an output kernel on m rows of n outputs (z spread by `spread`); returns what it wrote and output.ts's answer. */
function compare(cost: (typeof COSTS)[number], m: number, n: number, spread: number, seed: number, withCost = true) {
  const nVec = Math.ceil(n / 4);
  const stride = nVec * 4 + 4; // a spare vector per row, which no lane of the kernel may touch
  const rng = seeded(seed);
  const z = values(rng, m * stride).map((v) => spread * v);
  const bias = values(rng, nVec * 4);
  const labels = Uint8Array.from({ length: m }, () => Math.floor(rng.uniform() * n));
  const b = bench({ z: m * stride, bias: nVec * 4, labels: Math.ceil(m / 4), delta: m * stride, costs: 2 * m });
  b.f32('z').set(z);
  b.f32('bias').set(bias);
  b.f32('delta').fill(7); // must be overwritten in every lane below 4·nVec, left alone in the spare vector
  new Uint8Array(b.k.memory.buffer, b.at('labels'), m).set(labels);
  b.k.outputSigmoid[cost.name](
    m,
    b.at('z'),
    stride * 4,
    nVec,
    b.at('bias'),
    b.at('labels'),
    n,
    b.at('delta'),
    withCost ? b.at('costs') : 0,
  );
  const got = { a: b.f32('z'), delta: b.f32('delta'), costs: b.f32('costs') };
  const want = { a: new Float32Array(m * n), delta: new Float32Array(m * n), costs: new Float64Array(m) };
  for (let k = 0; k < m; k++) {
    const zb = Float32Array.from({ length: n }, (_, j) => z[k * stride + j] + bias[j]);
    want.costs[k] = activateOutputRow(cost.code, zb, 0, want.a, k * n, n, labels[k], true);
    outputDeltaRow(cost.code, want.a, k * n, want.delta, k * n, n, labels[k]);
  }
  return { got, want, stride, nVec, z };
}

describe.skipIf(!haveSimd)('sigmoid output kernels: a, δ^L and the cost of every row', () => {
  for (const cost of COSTS)
    for (const n of [1, 10, 13])
      for (const m of BATCHES)
        it(`${cost.name}, ${m} rows of ${n}`, () => {
          const { got, want, stride, nVec, z } = compare(cost, m, n, 4, 31 * n + m);
          for (let k = 0; k < m; k++) {
            for (let j = 0; j < stride; j++) {
              const t = k * stride + j;
              if (j >= nVec * 4) {
                expect(got.a[t]).toBe(z[t]); // the spare vector: untouched
                expect(got.delta[t]).toBe(7);
              } else if (j >= n)
                expect(got.delta[t]).toBe(0); // padding lanes of δ cleared
              else {
                expect(Math.abs(got.a[t] - want.a[k * n + j])).toBeLessThan(1e-6);
                expect(Math.abs(got.delta[t] - want.delta[k * n + j])).toBeLessThan(1e-6);
              }
            }
            const c = got.costs[2 * k] + Math.log1p(got.costs[2 * k + 1]);
            expect(Math.abs(c - want.costs[k])).toBeLessThan(1e-6 * Math.max(1, want.costs[k]));
          }
        });

  it('keeps the cost of well-classified outputs, whose terms 1 + t would round away in float32', () => {
    // z of ±30 with the label's z positive: every term e^(−30) ≈ 1e-13, far below float32's 6e-8.
    const n = 10;
    const b = bench({ z: 16, bias: 12, labels: 1, delta: 16, costs: 2 });
    const z = Array.from({ length: n }, (_, j) => (j === 3 ? 30 : -30));
    b.f32('z').set(z);
    new Uint8Array(b.k.memory.buffer, b.at('labels'), 1)[0] = 3;
    b.k.outputSigmoid.crossEntropy(1, b.at('z'), 64, 3, b.at('bias'), b.at('labels'), n, b.at('delta'), b.at('costs'));
    const [c, s] = b.f32('costs');
    const want = activateOutputRow(SIGMOID_CROSS_ENTROPY, Float32Array.from(z), 0, new Float32Array(n), 0, n, 3, true);
    expect(c).toBe(0);
    expect(want).toBeGreaterThan(0);
    expect(Math.abs(c + Math.log1p(s) - want) / want).toBeLessThan(1e-5);
  });

  it('with costs 0 writes a and δ only', () => {
    const { got, want } = compare(COSTS[0], 7, 10, 4, 5, false);
    expect(Array.from(got.costs).every((v) => v === 0)).toBe(true);
    expect(Math.abs(got.delta[0] - want.delta[0])).toBeLessThan(1e-6);
  });

  it('lets NaN through to a and δ (a diverged network stays visibly NaN)', () => {
    const b = bench({ z: 4, bias: 4, labels: 1, delta: 4, costs: 2 });
    b.f32('z').set([NaN, 0, 0, 0]);
    b.k.outputSigmoid.crossEntropy(1, b.at('z'), 16, 1, b.at('bias'), b.at('labels'), 4, b.at('delta'), b.at('costs'));
    expect(b.f32('z')[0]).toBeNaN();
    expect(b.f32('delta')[0]).toBeNaN();
    expect(b.f32('costs')[0] + Math.log1p(b.f32('costs')[1])).toBeNaN();
  });
});
