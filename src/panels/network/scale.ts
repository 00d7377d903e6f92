/**
 * How long a ∂C/∂b bar is. Three scales, because the question changes as a run goes on:
 *
 * - "now": the full bar is the largest |∂C/∂b| of the latest probe, over every hidden layer. The whole
 *   gradient shrinks by orders of magnitude while the network learns; re-normalising each probe keeps the
 *   gap between layers (the chapter's point) on screen however small everything has become.
 * - "first": the full bar is the largest |∂C/∂b| since the run's first probe, so the shrinking itself shows.
 * - "log": several decades below the latest maximum on one axis, so a layer 100× slower is still a bar.
 *
 * "now" and "first" use a square-root scale: a layer learning 100× slower gets a bar 10× shorter.
 * Pure functions, so every mode is unit-tested without a DOM.
 */

import type { BarScaleMode } from '../../store/view';
import { formatDecade } from '../common/decades';

export { BAR_SCALES, DEFAULT_BAR_SCALE, type BarScaleMode } from '../../store/view';

/** Decades below the full bar that the log scale shows; anything smaller is a zero-length bar. */
export const LOG_DECADES = 4;

export interface BarScale {
  mode: BarScaleMode;
  /** |∂C/∂b| that gets the full length; 0 when nothing finite and non-zero has been measured yet. */
  top: number;
}

/** Largest finite |value|, or 0: an overflowed neuron must not turn the whole scale into ∞. */
export function maxFiniteAbs(values: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]);
    if (Number.isFinite(a) && a > max) max = a;
  }
  return max;
}

/**
 * The top of the scale for a mode. `latestMax` is the largest |∂C/∂b| of the latest probe, `runMax` the
 * largest since the first probe of the run (today's "first" behaviour, which never shrinks).
 */
export function scaleTop(mode: BarScaleMode, latestMax: number, runMax: number): number {
  const top = mode === 'first' ? Math.max(runMax, latestMax) : latestMax;
  return Number.isFinite(top) && top > 0 ? top : 0;
}

/**
 * Position of |value| along the track as a fraction of the full bar, NOT clipped at 1 (an outline of the
 * first probe can be longer than the latest maximum; the caller clips it and marks that it did).
 * Non-finite values are an overflow and get exactly the full bar; zero is always an empty bar.
 */
export function barFraction(value: number, scale: BarScale): number {
  if (!Number.isFinite(value)) return 1;
  const a = Math.abs(value);
  if (a === 0 || scale.top <= 0) return 0;
  if (scale.mode === 'log') {
    const decadesBelowTop = Math.log10(scale.top / a);
    return Math.max(0, (LOG_DECADES - decadesBelowTop) / LOG_DECADES);
  }
  return Math.sqrt(a / scale.top);
}

export interface BarExtent {
  /** Length in the drawing's units, at most fullLength. */
  length: number;
  /** True when the value runs past the end of the track and was cut there. */
  clipped: boolean;
}

export function barExtent(value: number, scale: BarScale, fullLength: number): BarExtent {
  const f = barFraction(value, scale);
  // A hair of tolerance: the bar that defines the top must not be reported as clipped by rounding.
  const clipped = f > 1 + 1e-9;
  return { length: Math.min(f, 1) * fullLength, clipped };
}

export interface ScaleTick {
  /** Fraction of the track, 0 at the start, 1 at the full bar. */
  at: number;
  /** The value at the tick relative to the full bar, as the label reads: "1", "10⁻¹", … */
  label: string;
}

/**
 * Decade marks of the log scale, relative to the full bar: the full bar is "1", one decade shorter is
 * "10⁻¹" of it, down to the start of the track at 10⁻⁴. Relative, so the marks stay put while the absolute
 * full-bar value (printed beside the legend) changes with every probe.
 */
export function logDecadeTicks(decades = LOG_DECADES): ScaleTick[] {
  return Array.from({ length: decades + 1 }, (_, k) => ({ at: (decades - k) / decades, label: formatDecade(10 ** -k) }));
}
