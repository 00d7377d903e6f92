/**
 * The chapter's problem on |wσ′(wa+b)| (eq. 123). Avoiding a vanishing factor needs |wσ′(wa+b)| ≥ 1, which
 * σ′ ≤ 1/4 allows only for |w| ≥ 4; and then only for input activations a in one short interval.
 *
 * With z = wa + b: σ′(z) = s(1−s) ≥ 1/|w|, s = σ(z), holds for s between s∓ = (1 ∓ √(1−4/|w|))/2, i.e. for
 * |z| ≤ ln(s₊/s₋). Since a = (z − b)/w, the a-interval is 2 ln(s₊/s₋)/|w| wide, whatever b is, and
 * s₊/s₋ = |w|(1+√(1−4/|w|))/2 − 1 turns this into eq. 123.
 */
import { sigmoidPrime } from '../core/activations';

/** |wσ′(wa+b)|: the factor one neuron contributes to eq. 122. */
export function boundFactor(w: number, a: number, b: number): number {
  return Math.abs(w * sigmoidPrime(w * a + b));
}

function checkFinite(name: string, v: number): void {
  if (!Number.isFinite(v)) throw new RangeError(`${name} must be a finite number, got ${v}`);
}

/** Half-width in z of the set where σ′(z) ≥ 1/|w|: ln(s₊/s₋); 0 when |w| ≤ 4 (empty or a single point). */
function zHalfWidth(absW: number): number {
  if (absW <= 4) return 0;
  const r = Math.sqrt(1 - 4 / absW);
  // s₋ = (1 − r)/2 written as (2/|w|)/(1 + r) (s₊s₋ = 1/|w|) so it keeps its digits for large |w|.
  const sPlus = (1 + r) / 2;
  const sMinus = 2 / absW / (1 + r);
  return Math.log(sPlus / sMinus);
}

/** Eq. 123: the width of the set of a with |wσ′(wa+b)| ≥ 1; 0 for |w| < 4. */
export function intervalWidth(w: number): number {
  checkFinite('w', w);
  const absW = Math.abs(w);
  if (absW < 4) return 0;
  return (2 / absW) * Math.log((absW * (1 + Math.sqrt(1 - 4 / absW))) / 2 - 1);
}

export interface UnstableInterval {
  /** Smallest a with |wσ′(wa+b)| ≥ 1 */
  readonly lo: number;
  /** Largest such a */
  readonly hi: number;
  readonly width: number;
}

/** The interval of input activations a where |wσ′(wa+b)| ≥ 1, or null when there is none (|w| < 4). */
export function unstableInterval(w: number, b: number): UnstableInterval | null {
  checkFinite('w', w);
  checkFinite('b', b);
  const absW = Math.abs(w);
  if (absW < 4) return null;
  const h = zHalfWidth(absW);
  // |z| ≤ h with z = wa + b  ⇔  a between (−h − b)/w and (h − b)/w
  const e1 = (-h - b) / w;
  const e2 = (h - b) / w;
  const lo = Math.min(e1, e2);
  const hi = Math.max(e1, e2);
  return { lo, hi, width: hi - lo };
}

export interface WidthMaximum {
  readonly absW: number;
  readonly width: number;
}

/** The largest interval width over |w|, by golden-section search on eq. 123 (unimodal on (4, ∞)). */
export function widthMaximum(): WidthMaximum {
  const g = (Math.sqrt(5) - 1) / 2;
  let lo = 4;
  let hi = 40;
  for (let i = 0; i < 120; i++) {
    const c = hi - g * (hi - lo);
    const d = lo + g * (hi - lo);
    if (intervalWidth(c) > intervalWidth(d)) hi = d;
    else lo = c;
  }
  const absW = (lo + hi) / 2;
  return { absW, width: intervalWidth(absW) };
}

/** Points (|w|, width) of eq. 123 for plotting, n evenly spaced |w| in [from, to]. */
export function widthCurve(from: number, to: number, n: number): [number, number][] {
  if (!(n >= 2)) throw new RangeError(`a curve needs at least 2 points, got ${n}`);
  const pts: [number, number][] = [];
  for (let k = 0; k < n; k++) {
    const absW = from + ((to - from) * k) / (n - 1);
    pts.push([absW, intervalWidth(absW)]);
  }
  return pts;
}
