/** Data for the σ and σ′ instrument: sampled curves and the values read out at one z. */
import { activationFn, sigmoid, sigmoidPrime } from '../../engine';

export const COMPARISONS = ['none', 'tanh', 'relu'] as const;
export type Comparison = (typeof COMPARISONS)[number];

export const COMPARISON_LABEL: Record<Comparison, string> = { none: 'nothing', tanh: 'tanh', relu: 'ReLU' };

export const Z_RANGE: [number, number] = [-8, 8];

/** n evenly spaced points (z, f(z)) on [from, to]. */
export function sampleCurve(f: (z: number) => number, from: number, to: number, n: number): [number, number][] {
  if (!(n >= 2)) throw new RangeError(`a curve needs at least 2 points, got ${n}`);
  const pts: [number, number][] = [];
  for (let k = 0; k < n; k++) {
    const z = from + ((to - from) * k) / (n - 1);
    pts.push([z, f(z)]);
  }
  return pts;
}

export interface SigmaReadout {
  z: number;
  sigma: number;
  sigmaPrime: number;
  /** The compared activation's derivative at z, when one is chosen. */
  other: { label: string; fPrime: number } | null;
}

export function readoutAt(z: number, comparison: Comparison): SigmaReadout {
  return {
    z,
    sigma: sigmoid(z),
    sigmaPrime: sigmoidPrime(z),
    other: comparison === 'none' ? null : { label: COMPARISON_LABEL[comparison], fPrime: activationFn(comparison).fPrime(z) },
  };
}

/** Curves drawn: σ, σ′, and the compared activation's derivative (ReLU′ is a step; sampled densely it draws as one). */
export function sigmaCurves(comparison: Comparison, n = 321) {
  const [from, to] = Z_RANGE;
  return {
    sigma: sampleCurve(sigmoid, from, to, n),
    sigmaPrime: sampleCurve(sigmoidPrime, from, to, n),
    other: comparison === 'none' ? null : sampleCurve(activationFn(comparison).fPrime, from, to, n),
  };
}

/** z under a pointer at horizontal position px of an element drawn `width` units wide but displayed `shownWidth` px wide. */
export function pointerToUnits(px: number, shownWidth: number, width: number): number {
  return shownWidth > 0 ? (px * width) / shownWidth : px;
}
