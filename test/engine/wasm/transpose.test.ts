import { describe, expect, it } from 'vitest';
import { PANEL_LANES, padToPanels } from '../../../src/engine/wasm/simd';
import { WIDTHS, bench, haveSimd, packRef, seeded, values } from './harness';

describe.skipIf(!haveSimd)('transpose kernel: backward panels from forward panels', () => {
  for (const nIn of WIDTHS)
    for (const nOut of [1, 10, 33])
      it(`W of ${nOut} × ${nIn}: the panels of Wᵀ, their padding lanes left as they were`, () => {
        const w = values(seeded(7 * nIn + nOut), nOut * nIn);
        const wT = new Float32Array(nIn * nOut);
        for (let j = 0; j < nOut; j++) for (let i = 0; i < nIn; i++) wT[i * nOut + j] = w[j * nIn + i];
        const b = bench({ fwd: padToPanels(nOut) * nIn, bwd: padToPanels(nIn) * nOut });
        b.f32('fwd').set(packRef(w, nIn, nOut, PANEL_LANES));
        b.f32('bwd').fill(-3); // lanes beyond nIn must keep what they hold
        b.k.transpose(b.at('fwd'), nIn, nOut, b.at('bwd'));
        const want = packRef(wT, nOut, nIn, PANEL_LANES);
        const got = b.f32('bwd');
        for (let g = 0; g < padToPanels(nIn) / PANEL_LANES; g++)
          for (let j = 0; j < nOut; j++)
            for (let q = 0; q < PANEL_LANES; q++) {
              const t = (g * nOut + j) * PANEL_LANES + q;
              expect(got[t]).toBe(g * PANEL_LANES + q < nIn ? want[t] : -3);
            }
      });
});
