import { describe, expect, it } from 'vitest';
import { PANEL_LANES, padToPanels } from '../../../src/engine/wasm/simd';
import { BATCHES, WIDTHS, bench, haveSimd, packRef, seeded, values } from './harness';

describe.skipIf(!haveSimd)('denseOuter kernel: W ← decay·W − rate·Σ_k δ_k a_kᵀ on forward panels', () => {
  for (const width of WIDTHS)
    for (const m of BATCHES)
      it(`${m} examples, ${width} inputs × ${width + 2} outputs, padding lanes left at 0`, () => {
        const nIn = width;
        const nOut = width + 2;
        const padded = padToPanels(nOut);
        const aStride = padToPanels(nIn);
        const rng = seeded(3 * width + m);
        const w = values(rng, nOut * nIn);
        const a = values(rng, m * aStride);
        const d = new Float32Array(m * padded);
        for (let k = 0; k < m; k++) for (let j = 0; j < nOut; j++) d[k * padded + j] = 4 * rng.uniform() - 2;
        const b = bench({ panel: padded * nIn, a: m * aStride, d: m * padded });
        b.f32('panel').set(packRef(w, nIn, nOut, PANEL_LANES));
        b.f32('a').set(a);
        b.f32('d').set(d);
        const [rate, decay] = [0.03, 0.999];
        b.k.denseOuter(
          m,
          b.at('a'),
          aStride * 4,
          nIn,
          b.at('d'),
          padded * 4,
          padded / PANEL_LANES,
          b.at('panel'),
          nIn * PANEL_LANES * 4,
          rate,
          decay,
        );
        const want = new Float32Array(nOut * nIn);
        for (let j = 0; j < nOut; j++)
          for (let i = 0; i < nIn; i++) {
            let g = 0;
            for (let k = 0; k < m; k++) g += d[k * padded + j] * a[k * aStride + i];
            want[j * nIn + i] = decay * w[j * nIn + i] - rate * g;
          }
        const got = b.f32('panel');
        const ref = packRef(want, nIn, nOut, PANEL_LANES);
        for (let t = 0; t < ref.length; t++) expect(Math.abs(got[t] - ref[t])).toBeLessThan(1e-5 * (1 + Math.abs(ref[t])) * m);
        for (let t = 0; t < ref.length; t++)
          if (
            t % PANEL_LANES >= nOut % PANEL_LANES &&
            Math.floor(t / (nIn * PANEL_LANES)) === padded / PANEL_LANES - 1 &&
            nOut % PANEL_LANES !== 0
          )
            expect(got[t]).toBe(0);
      });
});
