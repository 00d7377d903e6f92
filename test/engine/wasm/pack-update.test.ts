import { describe, expect, it } from 'vitest';
import { PANEL_LANES, padToPanels } from '../../../src/engine/wasm/simd';
import { BATCHES, WIDTHS, bench, haveSimd, packRef, seeded, values } from './harness';

const fr = Math.fround;

describe.skipIf(!haveSimd)('pack and update kernels: W⁰ between row-major and panel form', () => {
  for (const width of WIDTHS)
    for (const rows of BATCHES)
      it(`${rows} × ${width} weights: pack transposes exactly; update and updateMomentum round as JavaScript does`, () => {
        const nIn = width;
        const nOut = rows;
        const padded = padToPanels(nOut);
        const rng = seeded(11 * width + rows);
        const w = values(rng, nOut * nIn);
        const b = bench({ w: nOut * nIn, panel: padded * nIn, grad: padded * nIn, velocity: nOut * nIn });
        b.f32('w').set(w);
        b.k.pack(b.at('w'), nIn, nOut, b.at('panel'));
        expect(Array.from(b.f32('panel'))).toEqual(Array.from(packRef(w, nIn, nOut, PANEL_LANES)));

        const g = values(rng, nOut * nIn);
        b.f32('grad').set(packRef(g, nIn, nOut, PANEL_LANES));
        const [rate, decay, mu] = [0.037, 0.9995, 0.6];
        b.k.update(b.at('w'), nIn, nOut, b.at('grad'), b.at('velocity'), rate, decay, 0);
        const plain = w.map((wt, t) => fr(decay * wt - rate * g[t]));
        expect(Array.from(b.f32('w'))).toEqual(Array.from(plain));
        expect(b.f32('velocity').every((v) => v === 0)).toBe(true);

        const v0 = values(rng, nOut * nIn);
        b.f32('velocity').set(v0);
        b.k.updateMomentum(b.at('w'), nIn, nOut, b.at('grad'), b.at('velocity'), rate, decay, mu);
        const v1 = v0.map((v, t) => fr(mu * v - rate * g[t]));
        expect(Array.from(b.f32('velocity'))).toEqual(Array.from(v1));
        expect(Array.from(b.f32('w'))).toEqual(Array.from(plain.map((wt, t) => fr(decay * wt + v1[t]))));
      });
});
