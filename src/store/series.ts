/**
 * Bounded time series. A 500-epoch run probes 501 times and a long SGD run many more; arrays that grow
 * without limit would slow every redraw and eventually the tab. When a series reaches its bound the older
 * half is thinned to every second point, so recent points stay at full resolution and old ones get coarser.
 */

/** One probe of ‖δˡ‖: x is the training progress in epochs (epoch + batch / batchesPerEpoch). */
export interface NormPoint {
  x: number;
  /** ‖δʰ‖ for each hidden layer, layer 1 first. */
  norms: number[];
}

/** One probe of the hidden activations, per hidden layer (layer 1 first); x as in NormPoint. */
export interface ActivationPoint {
  x: number;
  mean: number[];
  p02: number[];
  p50: number[];
  p98: number[];
  /** Saturated share, under the snapshot's one definition (protocol.ts). */
  saturated: number[];
}

/** The series point of a snapshot's activation statistics. */
export function activationPoint(
  x: number,
  s: {
    activationMean: ArrayLike<number>;
    activationP02: ArrayLike<number>;
    activationP50: ArrayLike<number>;
    activationP98: ArrayLike<number>;
    saturatedShare: ArrayLike<number>;
  },
): ActivationPoint {
  return {
    x,
    mean: Array.from(s.activationMean),
    p02: Array.from(s.activationP02),
    p50: Array.from(s.activationP50),
    p98: Array.from(s.activationP98),
    saturated: Array.from(s.saturatedShare),
  };
}

export interface AccuracyPoint {
  epoch: number;
  /** Fraction of the validation images classified correctly, 0..1. */
  accuracy: number;
}

export const DEFAULT_SERIES_LIMIT = 1000;

/** Returns a new array with `point` appended, never longer than `limit` (limit ≥ 4). */
export function appendBounded<T>(series: readonly T[], point: T, limit = DEFAULT_SERIES_LIMIT): T[] {
  if (series.length < limit) return [...series, point];
  const half = Math.floor(series.length / 2);
  const thinned: T[] = [];
  // Keep the very first point so the chart still starts where the run started.
  for (let i = 0; i < half; i += 2) thinned.push(series[i]);
  for (let i = half; i < series.length; i++) thinned.push(series[i]);
  thinned.push(point);
  return thinned;
}

/**
 * Appends a point of a series ordered by `x`. A point at or before the last one means training restarted
 * from an earlier epoch (the exploding preset, for instance, restarts the counters without a new runId),
 * so the points from that x on belong to the network that was replaced and are dropped.
 */
export function appendOrdered<T>(series: readonly T[], point: T, x: (p: T) => number, limit = DEFAULT_SERIES_LIMIT): T[] {
  const last = series[series.length - 1];
  if (last !== undefined && x(last) >= x(point)) {
    const at = x(point);
    return appendBounded(
      series.filter((p) => x(p) < at),
      point,
      limit,
    );
  }
  return appendBounded(series, point, limit);
}

/** Appends a probe of ‖δˡ‖; a repeated probe at the same x replaces the earlier one. */
export function appendNormPoint(series: readonly NormPoint[], point: NormPoint, limit = DEFAULT_SERIES_LIMIT): NormPoint[] {
  return appendOrdered(series, point, (p) => p.x, limit);
}
