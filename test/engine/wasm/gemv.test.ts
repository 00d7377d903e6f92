import { describe, expect, it } from 'vitest';
import { PANEL_LANES, padToPanels } from '../../../src/engine/wasm/simd';
import { BATCHES, WIDTHS, bench, haveSimd, packRef, seeded, values } from './harness';

/**
 * out[k][o] = Σ_t W[o][t]·x_k[t] in float32, one multiply and one add per term in input order: exactly
 * what the kernels do (WebAssembly does not fuse them), so the comparison is exact. Lanes past the last
 * output must come out 0.
 */
function reference(w: Float32Array, x: Float32Array, m: number, nIn: number, nOut: number): Float32Array {
  const padded = padToPanels(nOut);
  const out = new Float32Array(m * padded);
  for (let k = 0; k < m; k++)
    for (let o = 0; o < nOut; o++) {
      let acc = 0;
      for (let t = 0; t < nIn; t++) if (x[k * nIn + t] !== 0) acc = Math.fround(acc + Math.fround(w[o * nIn + t] * x[k * nIn + t]));
      out[k * padded + o] = acc;
    }
  return out;
}

describe.skipIf(!haveSimd)('row × panel kernels (sparse, dense)', () => {
  for (const width of WIDTHS)
    for (const m of BATCHES)
      it(`match the scalar sum for ${m} rows of ${width} inputs into ${width} outputs`, () => {
        const nIn = width;
        const nOut = width;
        const padded = padToPanels(nOut);
        const rng = seeded(width * 10 + m);
        const w = values(rng, nOut * nIn);
        const x = values(rng, m * nIn, true);
        const expected = reference(w, x, m, nIn, nOut);
        const b = bench({ panel: padded * nIn, x: m * nIn, start: m + 1, idx: m * nIn, val: m * nIn, out: m * padded });
        b.f32('panel').set(packRef(w, nIn, nOut, PANEL_LANES));
        const groups = padded / PANEL_LANES;
        const groupBytes = nIn * PANEL_LANES * 4;

        b.f32('x').set(x);
        b.f32('out').fill(NaN);
        b.k.dense(m, b.at('x'), nIn * 4, nIn, b.at('panel'), groups, groupBytes, b.at('out'), padded * 4);
        expect(Array.from(b.f32('out'))).toEqual(Array.from(expected));

        let p = 0;
        for (let k = 0; k < m; k++) {
          b.i32('start')[k] = p;
          for (let t = 0; t < nIn; t++)
            if (x[k * nIn + t] !== 0) {
              b.i32('idx')[p] = t;
              b.f32('val')[p++] = x[k * nIn + t];
            }
        }
        b.i32('start')[m] = p;
        b.f32('out').fill(NaN);
        b.k.sparse(m, b.at('start'), b.at('idx'), b.at('val'), b.at('panel'), groups, groupBytes, b.at('out'), padded * 4);
        expect(Array.from(b.f32('out'))).toEqual(Array.from(expected));
      });
});
