import { describe, expect, it } from 'vitest';
import { PANEL_LANES, padToPanels } from '../../../src/engine/wasm/simd';
import { BATCHES, WIDTHS, bench, haveSimd, seeded, values } from './harness';

describe.skipIf(!haveSimd)('sparseOuter kernel: Σ_k δ_k x_kᵀ into panels (eq. BP4)', () => {
  for (const width of WIDTHS)
    for (const m of BATCHES)
      it(`${m} examples, ${width} inputs × ${width} neurons, accumulated onto what the panel held`, () => {
        const nIn = width;
        const n = width;
        const padded = padToPanels(n);
        const rng = seeded(7 * width + m);
        const x = values(rng, m * nIn, true);
        const delta = new Float32Array(m * padded);
        for (let k = 0; k < m; k++) delta.set(values(rng, n), k * padded);
        const before = values(rng, padded * nIn);
        const b = bench({ start: m + 1, idx: m * nIn, val: m * nIn, delta: m * padded, grad: padded * nIn });
        let p = 0;
        for (let k = 0; k < m; k++) {
          b.i32('start')[k] = p;
          for (let i = 0; i < nIn; i++)
            if (x[k * nIn + i] !== 0) {
              b.i32('idx')[p] = i;
              b.f32('val')[p++] = x[k * nIn + i];
            }
        }
        b.i32('start')[m] = p;
        b.f32('delta').set(delta);
        b.f32('grad').set(before);
        b.k.sparseOuter(
          m,
          b.at('start'),
          b.at('idx'),
          b.at('val'),
          b.at('delta'),
          padded * 4,
          padded / PANEL_LANES,
          b.at('grad'),
          nIn * PANEL_LANES * 4,
        );
        // Reference: the same float32 additions in the same order (examples, then their non-zero inputs).
        const expected = before.slice();
        for (let k = 0; k < m; k++)
          for (let i = 0; i < nIn; i++) {
            const v = x[k * nIn + i];
            if (v === 0) continue;
            for (let j = 0; j < padded; j++) {
              const at = Math.floor(j / PANEL_LANES) * nIn * PANEL_LANES + i * PANEL_LANES + (j % PANEL_LANES);
              expected[at] = Math.fround(expected[at] + Math.fround(delta[k * padded + j] * v));
            }
          }
        expect(Array.from(b.f32('grad'))).toEqual(Array.from(expected));
      });
});
