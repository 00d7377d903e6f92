import { describe, expect, it } from 'vitest';
import { ACT_RELU, ACT_SIGMOID, ACT_TANH } from '../../../src/engine/core/activations';
import { BATCHES, WIDTHS, bench, haveSimd, seeded, values } from './harness';

const FUNCS = [
  { name: 'sigmoid', code: ACT_SIGMOID, f: (z: number) => 1 / (1 + Math.exp(-z)), tol: 1e-6 },
  { name: 'tanh', code: ACT_TANH, f: Math.tanh, tol: 2e-6 },
  { name: 'relu', code: ACT_RELU, f: (z: number) => Math.max(z, 0), tol: 0 },
];

describe.skipIf(!haveSimd)('activate kernels: z ← f(z + b) row by row', () => {
  for (const { name, code, f, tol } of FUNCS)
    for (const width of WIDTHS)
      for (const m of BATCHES)
        it(`${name} on ${m} rows of ${width}, leaving other lanes alone`, () => {
          const nVec = Math.ceil(width / 4);
          const stride = nVec * 4 + 4; // one spare vector per row, which must stay untouched
          const rng = seeded(width + m);
          const z = values(rng, m * stride).map((v) => 10 * v); // ±20: well into saturation
          const bias = values(rng, nVec * 4);
          const b = bench({ z: m * stride, bias: nVec * 4 });
          b.f32('z').set(z);
          b.f32('bias').set(bias);
          b.k.activate[code](m, b.at('z'), stride * 4, nVec, b.at('bias'), 0);
          const out = b.f32('z');
          for (let k = 0; k < m; k++)
            for (let j = 0; j < stride; j++) {
              const t = k * stride + j;
              if (j >= nVec * 4) expect(out[t]).toBe(z[t]);
              else expect(Math.abs(out[t] - f(Math.fround(z[t] + bias[j])))).toBeLessThanOrEqual(tol);
            }
        });

  it('with a scale address, z ← f(s·z + b), s read as the float32 there (W⁰ = s·V in training)', () => {
    const b = bench({ z: 8, bias: 4, scale: 4 });
    b.f32('z').set([1, -2, 3, 0.5, 4, 0, -1, 2]);
    b.f32('bias').set([0.1, 0.2, 0.3, 0.4]);
    b.f32('scale')[0] = 0.25;
    b.k.activate[ACT_RELU](2, b.at('z'), 16, 1, b.at('bias'), b.at('scale'));
    const fr = Math.fround;
    const want = [1, -2, 3, 0.5, 4, 0, -1, 2].map((z, t) => Math.max(fr(fr(z * 0.25) + fr([0.1, 0.2, 0.3, 0.4][t % 4])), 0));
    expect(Array.from(b.f32('z'))).toEqual(want.map(fr));
  });

  it('sigmoid stays finite and in [0, 1] at ±1000', () => {
    const b = bench({ z: 4, bias: 4 });
    b.f32('z').set([1000, -1000, 88, -88]);
    b.k.activate[ACT_SIGMOID](1, b.at('z'), 16, 1, b.at('bias'), 0);
    expect(Array.from(b.f32('z')).map((v) => Math.round(v))).toEqual([1, 0, 1, 0]);
  });

  it('sigmoid clamps infinities like any large z and lets NaN through (a diverged network stays visibly NaN)', () => {
    const b = bench({ z: 4, bias: 4 });
    b.f32('z').set([Infinity, -Infinity, NaN, 0]);
    b.k.activate[ACT_SIGMOID](1, b.at('z'), 16, 1, b.at('bias'), 0);
    const [plus, minus, nan, zero] = Array.from(b.f32('z'));
    expect(Math.round(plus)).toBe(1);
    expect(Math.round(minus)).toBe(0);
    expect(nan).toBeNaN();
    expect(zero).toBe(0.5);
  });
});
