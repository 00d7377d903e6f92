import { describe, expect, it } from 'vitest';
import { PANEL_LANES, padToPanels } from '../../../src/engine/wasm/simd';
import { BATCHES, WIDTHS, bench, haveSimd, packRef, seeded, values } from './harness';

const fr = Math.fround;

describe.skipIf(!haveSimd)('pack and momentum kernels: W⁰ into panel form, and the momentum step on panels', () => {
  for (const width of WIDTHS)
    for (const rows of BATCHES)
      it(`${rows} × ${width} weights: pack transposes exactly; momentum rounds as float32 arithmetic and clears the gradient`, () => {
        const nIn = width;
        const nOut = rows;
        const padded = padToPanels(nOut);
        const rng = seeded(11 * width + rows);
        const w = values(rng, nOut * nIn);
        const b = bench({ w: nOut * nIn, panel: padded * nIn, grad: padded * nIn, velocity: padded * nIn });
        b.f32('w').set(w);
        b.k.pack(b.at('w'), nIn, nOut, b.at('panel'));
        const packed = packRef(w, nIn, nOut, PANEL_LANES);
        expect(Array.from(b.f32('panel'))).toEqual(Array.from(packed));

        const g = packRef(values(rng, nOut * nIn), nIn, nOut, PANEL_LANES);
        const v0 = packRef(values(rng, nOut * nIn), nIn, nOut, PANEL_LANES);
        b.f32('grad').set(g);
        b.f32('velocity').set(v0);
        const [rate, decay, mu] = [0.037, 0.9995, 0.6];
        b.k.momentum((padded * nIn) / 4, b.at('panel'), b.at('velocity'), b.at('grad'), rate, decay, mu);
        // float32 throughout: each product and difference rounded as an f32x4 lane rounds it
        const v1 = v0.map((v, t) => fr(fr(fr(mu) * v) - fr(fr(rate) * g[t])));
        expect(Array.from(b.f32('velocity'))).toEqual(Array.from(v1));
        expect(Array.from(b.f32('panel'))).toEqual(Array.from(packed.map((wt, t) => fr(fr(fr(decay) * wt) + v1[t]))));
        expect(b.f32('grad').every((x) => x === 0)).toBe(true);
      });
});
