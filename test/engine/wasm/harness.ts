/**
 * Shared by the kernel tests: a fresh kernel instance whose memory is laid out by name, scalar helpers,
 * and the awkward sizes every kernel family is checked on (one lane, just under and over a panel, several
 * panels with a ragged end; a batch of one and an odd batch).
 */
import { createRng, type Rng } from '../../../src/engine/core/rng';
import { Arena } from '../../../src/engine/wasm/arena';
import { simdKernels, type SimdKernels } from '../../../src/engine/wasm/simd';

export const WIDTHS = [1, 31, 33, 100] as const;
export const BATCHES = [1, 7] as const;

/** Whether this platform runs WebAssembly SIMD at all (the kernel tests are skipped where it does not). */
export const haveSimd = simdKernels(1) !== null;

export interface Bench<Name extends string> {
  readonly k: SimdKernels;
  /** Byte offset of a region, to pass to a kernel. */
  at(name: Name): number;
  f32(name: Name): Float32Array;
  i32(name: Name): Int32Array;
}

/** A kernel instance with one region of `words` 4-byte words per name. */
export function bench<Name extends string>(words: Record<Name, number>): Bench<Name> {
  const arena = new Arena<Name>();
  for (const name of Object.keys(words) as Name[]) arena.reserveWords(name, words[name]);
  const k = simdKernels(arena.totalBytes);
  if (k === null) throw new Error('WebAssembly SIMD is unavailable');
  return {
    k,
    at: (name) => arena.offset(name),
    f32: (name) => arena.floats(k.memory, name),
    i32: (name) => arena.ints(k.memory, name),
  };
}

/** Uniform values on [−2, 2) rounded to float32, about a third of them zero when `sparse`. */
export function values(rng: Rng, n: number, sparse = false): Float32Array {
  const out = new Float32Array(n);
  for (let t = 0; t < n; t++) out[t] = sparse && rng.uniform() < 0.35 ? 0 : 4 * rng.uniform() - 2;
  return out;
}

export const seeded = (seed: number): Rng => createRng(seed);

/** Weights W[o][i] (row-major, nOut × nIn) packed into panels: panel g, input i, lane q ← W[g·lanes + q][i]. */
export function packRef(w: Float32Array, nIn: number, nOut: number, lanes: number): Float32Array {
  const padded = Math.ceil(nOut / lanes) * lanes;
  const out = new Float32Array(padded * nIn);
  for (let o = 0; o < nOut; o++) {
    const g = Math.floor(o / lanes);
    for (let i = 0; i < nIn; i++) out[g * nIn * lanes + i * lanes + (o % lanes)] = w[o * nIn + i];
  }
  return out;
}
