/** Data for the 0.45-bound instrument (eq. 123): the factor along the a-axis and the width along |w|. */
import { boundFactor, unstableInterval, widthCurve } from '../../engine';

/** The a-axis shown: activations live in [0, 1]; a margin either side shows where the interval falls outside. */
export const A_RANGE: [number, number] = [-0.5, 1.5];
export const ABS_W_RANGE: [number, number] = [0, 30];

export function factorCurve(w: number, b: number, n = 401): [number, number][] {
  const [from, to] = A_RANGE;
  const pts: [number, number][] = [];
  for (let k = 0; k < n; k++) {
    const a = from + ((to - from) * k) / (n - 1);
    pts.push([a, boundFactor(w, a, b)]);
  }
  return pts;
}

export interface Shading {
  /** The whole interval where |wσ′(wa+b)| ≥ 1 (null when |w| < 4). */
  lo: number;
  hi: number;
  width: number;
  /** The part of it inside the plotted a-range (null when it lies entirely outside). */
  shown: [number, number] | null;
}

export function shading(w: number, b: number): Shading | null {
  const iv = unstableInterval(w, b);
  if (!iv) return null;
  const lo = Math.max(iv.lo, A_RANGE[0]);
  const hi = Math.min(iv.hi, A_RANGE[1]);
  return { ...iv, shown: lo < hi ? [lo, hi] : null };
}

/** Eq. 123 along |w|, zero below 4. */
export function widthPlot(n = 601): [number, number][] {
  return widthCurve(ABS_W_RANGE[0], ABS_W_RANGE[1], n);
}
