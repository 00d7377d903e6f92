import { describe, expect, it } from 'vitest';
import { fillGatherTable, GATHER_TABLE_BYTES } from '../../../src/engine/wasm/simd';
import { BATCHES, WIDTHS, bench, haveSimd, seeded } from './harness';

/** Runs the gather kernel on m images of `width` bytes; returns its start, idx and val lists. */
function gatherOf(bytes: Uint8Array, m: number, width: number): { start: number[]; idx: number[]; val: number[] } {
  const b = bench({ bytes: Math.ceil((m * width) / 4) + 4, table: GATHER_TABLE_BYTES / 4, start: m + 1, idx: m * width, val: m * width });
  new Uint8Array(b.k.memory.buffer, b.at('bytes'), bytes.length).set(bytes);
  fillGatherTable(b.k.memory.buffer, b.at('table'));
  b.k.gather(m, b.at('bytes'), width, b.at('table'), b.at('start'), b.at('idx'), b.at('val'));
  const start = Array.from(b.i32('start'));
  const n = start[m];
  return { start, idx: Array.from(b.i32('idx').subarray(0, n)), val: Array.from(b.f32('val').subarray(0, n)) };
}

/** The same lists the way the JavaScript loader (core/batch.ts) builds them. */
function reference(bytes: Uint8Array, m: number, width: number): { start: number[]; idx: number[]; val: number[] } {
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
  return { start, idx, val };
}

describe.skipIf(!haveSimd)('gather kernel: byte images → sparse lists', () => {
  // 100 covers whole 16-byte runs plus a tail; 1, 31 and 33 a tail alone, one run and a tail, two and a byte.
  for (const width of [...WIDTHS, 16, 784])
    for (const m of BATCHES)
      it(`${m} images of ${width} bytes`, () => {
        const rng = seeded(5 * width + m);
        const bytes = new Uint8Array(m * width);
        for (let t = 0; t < bytes.length; t++) bytes[t] = rng.uniform() < 0.6 ? 0 : 1 + Math.floor(rng.uniform() * 255);
        bytes[bytes.length - 1] = 255; // the very last byte, in the tail for most widths
        expect(gatherOf(bytes, m, width)).toEqual(reference(bytes, m, width));
      });

  it('gives every byte value the float32 the loader computes (byte / 255 in float64, rounded once)', () => {
    // One image of all 256 values, and one of every value followed by a zero: each half-run mask occurs.
    const all = Uint8Array.from({ length: 256 }, (_, v) => v);
    const spaced = Uint8Array.from({ length: 512 }, (_, t) => (t % 2 === 0 ? t >> 1 : 0));
    for (const bytes of [all, spaced]) expect(gatherOf(bytes, 1, bytes.length)).toEqual(reference(bytes, 1, bytes.length));
  });

  it('handles every pattern of non-zero pixels within a 16-byte run', () => {
    // 65,536 images of 16 bytes, image p non-zero exactly where p has a set bit: every mask of both halves.
    const m = 1 << 16;
    const bytes = new Uint8Array(m * 16);
    for (let p = 0; p < m; p++) for (let i = 0; i < 16; i++) if (p & (1 << i)) bytes[p * 16 + i] = 1 + ((p + 37 * i) % 255);
    expect(gatherOf(bytes, m, 16)).toEqual(reference(bytes, m, 16));
  });
});
