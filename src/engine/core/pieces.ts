/**
 * Long computations cut into pieces. A computation that may run for seconds on the widest networks (the
 * gradient probe, the activation statistics, eq. 124's norms, a gradient summed over a block of images) is
 * written as a generator that yields between pieces; whoever drives it decides, at each yield, whether to go
 * on or to hand the thread back to its event loop. Driven to the end without a pause (finish), it computes
 * exactly what it computes in pieces: the cuts fall between whole rows or whole layers, never inside a sum.
 *
 * Where the cuts fall is decided by counting work, not by reading a clock, so a computation yields at the
 * same places on every machine and a test can count its pieces. Work is counted in nominal units of about a
 * nanosecond on the 2-core machine the lab was measured on (npm run bench:slices): one multiply-add of the
 * WebAssembly SIMD kernels is 1/8 of a unit, one of the float32 JavaScript loops 2, one of the float64
 * loops of eq. 124 8.
 */

/** A computation in pieces: yields between pieces, returns its result at the end. */
export type Pieces<T> = Generator<void, T, void>;

/** Nominal cost of one multiply-add, by where it runs (see above). */
export const WORK_PER_MULTIPLY_ADD = { simd: 1 / 8, js: 2, float64: 8 } as const;

/** A piece's nominal work: about 20 ms of the lab's reference machine, a few more on a loaded one. */
export const PIECE_WORK = 20e6;

/**
 * Counts work as a computation does it and says when a piece is full. One meter can be shared by several
 * computations in a row (a probe, then the statistics), so a piece can span the end of one and the start of
 * the next.
 */
export class PieceMeter {
  private used = 0;
  /** Pieces completed so far: a yield was asked for this many times. */
  pieces = 0;
  /** The most work any completed piece held. */
  largestPiece = 0;

  constructor(readonly limit: number = PIECE_WORK) {
    if (!(limit > 0)) throw new RangeError(`a piece's work must be positive, got ${limit}`);
  }

  /** Adds `work` done; true when the piece is full and the computation should yield now. */
  spend(work: number): boolean {
    this.used += work;
    if (this.used < this.limit) return false;
    this.largestPiece = Math.max(this.largestPiece, this.used);
    this.pieces++;
    this.used = 0;
    return true;
  }

  /** How many rows of `workPerRow` each fit in one piece: at least `align`, and a multiple of it. */
  rowsPerPiece(workPerRow: number, align = 1): number {
    const rows = Math.floor(this.limit / Math.max(workPerRow, 1e-9));
    if (!Number.isFinite(rows)) return Number.MAX_SAFE_INTEGER;
    return Math.max(align, rows - (rows % align));
  }
}

/** A meter that never fills: the computation runs in one piece. */
export const unlimitedMeter = (): PieceMeter => new PieceMeter(Number.POSITIVE_INFINITY);

/** Drives a computation to its end without pausing and returns its result. */
export function finish<T>(pieces: Pieces<T>): T {
  for (;;) {
    const step = pieces.next();
    if (step.done) return step.value;
  }
}
