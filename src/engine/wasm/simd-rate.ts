/**
 * The machine's f32x4 multiply-add rate as the engine's own kernels reach it: the dense kernel on a panel and
 * inputs small enough to stay in the L1 cache, so nothing but the arithmetic (and the loads that feed it)
 * is timed. A benchmark divides it into a workload's multiply-adds per example to say how far from the
 * physical limit the engine runs.
 */
import { Arena } from './arena';
import { PANEL_LANES, simdKernels } from './simd';

/** Inputs per panel and examples per call: 64 × PANEL_LANES weights (4 KB) and 64 rows of 64 inputs (16 KB). */
const N_IN = 64;
const ROWS = 64;

/**
 * A closure that runs the dense kernel `reps` times and returns how many multiply-adds that was, or null
 * where WebAssembly SIMD is unavailable.
 */
export function simdMultiplyAddWork(): ((reps: number) => number) | null {
  const arena = new Arena<'panel' | 'x' | 'out'>();
  arena.reserveWords('panel', N_IN * PANEL_LANES);
  arena.reserveWords('x', ROWS * N_IN);
  arena.reserveWords('out', ROWS * PANEL_LANES);
  const k = simdKernels(arena.totalBytes);
  if (k === null) return null;
  const panel = arena.floats(k.memory, 'panel');
  const x = arena.floats(k.memory, 'x');
  for (let t = 0; t < panel.length; t++) panel[t] = ((t * 37) % 101) / 101 - 0.5;
  for (let t = 0; t < x.length; t++) x[t] = ((t * 13) % 17) / 17;
  const [p, xs, out] = [arena.offset('panel'), arena.offset('x'), arena.offset('out')];
  return (reps) => {
    for (let r = 0; r < reps; r++) k.dense(ROWS, xs, N_IN * 4, N_IN, p, 1, N_IN * PANEL_LANES * 4, out, PANEL_LANES * 4);
    return reps * ROWS * N_IN * PANEL_LANES;
  };
}
