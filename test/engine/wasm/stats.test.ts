import { describe, expect, it } from 'vitest';
import { ACT_RELU, ACT_SIGMOID, ACT_TANH } from '../../../src/engine/core/activations';
import { BATCHES, WIDTHS, bench, haveSimd, seeded, values } from './harness';

const fr = Math.fround;
const PRIMES = [
  { name: 'sigmoid', code: ACT_SIGMOID, fPrime: (a: number) => fr(a * fr(1 - a)) },
  { name: 'tanh', code: ACT_TANH, fPrime: (a: number) => fr(1 - fr(a * a)) },
  { name: 'relu', code: ACT_RELU, fPrime: (a: number) => (a > 0 ? 1 : 0) },
];

describe.skipIf(!haveSimd)('stats kernels: δ ⊙= f′ and per-lane sums of δ, a, f′', () => {
  for (const { name, code, fPrime } of PRIMES)
    for (const width of WIDTHS)
      for (const m of BATCHES)
        it(`${name} on ${m} rows of ${width}, exactly as float32 arithmetic gives`, () => {
          const nVec = Math.ceil(width / 4);
          const stride = nVec * 4;
          const rng = seeded(3 * width + m);
          const a = values(rng, m * stride, true).map((v) => (code === ACT_RELU ? v : v / 2));
          const d = values(rng, m * stride);
          const b = bench({ d: m * stride, a: m * stride, sums: 3 * stride });
          b.f32('d').set(d);
          b.f32('a').set(a);
          b.k.stats[code](m, b.at('d'), b.at('a'), stride * 4, nVec, b.at('sums'));
          const sums = b.f32('sums');
          for (let j = 0; j < stride; j++) {
            let sd = 0;
            let sa = 0;
            let sp = 0;
            for (let k = 0; k < m; k++) {
              const t = k * stride + j;
              const fp = fPrime(a[t]);
              const dv = fr(d[t] * fp);
              expect(b.f32('d')[t]).toBe(dv);
              sd = fr(sd + dv);
              sa = fr(sa + a[t]);
              sp = fr(sp + fp);
            }
            expect([sums[j], sums[stride + j], sums[2 * stride + j]]).toEqual([sd, sa, sp]);
          }
        });
});
