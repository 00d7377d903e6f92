import { describe, expect, it } from 'vitest';
import { BATCHES, WIDTHS, bench, haveSimd, seeded } from './harness';

describe.skipIf(!haveSimd)('gather kernel: byte images → sparse lists', () => {
  // 100 covers whole 16-byte runs plus a tail; 1, 31 and 33 a tail alone, one run and a tail, two and a byte.
  for (const width of [...WIDTHS, 16, 784])
    for (const m of BATCHES)
      it(`${m} images of ${width} bytes`, () => {
        const rng = seeded(5 * width + m);
        const bytes = new Uint8Array(m * width);
        for (let t = 0; t < bytes.length; t++) bytes[t] = rng.uniform() < 0.6 ? 0 : 1 + Math.floor(rng.uniform() * 255);
        bytes[bytes.length - 1] = 255; // the very last byte, in the tail for most widths
        const b = bench({ bytes: Math.ceil((m * width) / 4) + 4, table: 256, start: m + 1, idx: m * width, val: m * width });
        new Uint8Array(b.k.memory.buffer, b.at('bytes'), bytes.length).set(bytes);
        for (let v = 0; v < 256; v++) b.f32('table')[v] = v / 255;
        b.k.gather(m, b.at('bytes'), width, b.at('table'), b.at('start'), b.at('idx'), b.at('val'));
        const start: number[] = [];
        const idx: number[] = [];
        const val: number[] = [];
        for (let k = 0; k < m; k++) {
          start.push(idx.length);
          for (let i = 0; i < width; i++) {
            const v = bytes[k * width + i];
            if (v !== 0) {
              idx.push(i);
              val.push(Math.fround(v / 255));
            }
          }
        }
        start.push(idx.length);
        expect(Array.from(b.i32('start'))).toEqual(start);
        expect(Array.from(b.i32('idx').subarray(0, idx.length))).toEqual(idx);
        expect(Array.from(b.f32('val').subarray(0, val.length))).toEqual(val);
      });
});
