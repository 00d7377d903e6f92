/**
 * Scales and shapes of the activations panel: per hidden layer, the mean activation and its 2-98 % band
 * against epoch (Glorot & Bengio 2010, fig. 2), and a histogram of the activations at the latest probe.
 */
import { area, line, scaleLinear } from 'd3';
import type { ActivationName } from '../../engine';
import type { ActivationPoint } from '../../store/series';
import type { ChartBox } from '../common/chartBox';

export const BAND_BOX: ChartBox = { width: 560, height: 300, left: 62, right: 14, top: 14, bottom: 50 };
export const HISTOGRAM_BOX: ChartBox = { width: 200, height: 120, left: 8, right: 8, top: 8, bottom: 26 };

/**
 * The activation axis: σ's whole range 0-1 and tanh's −1 to 1, so one picture compares layers and runs;
 * ReLU has no top, so 0 up to the largest 98th percentile seen (at least 1).
 */
export function activationDomain(activation: ActivationName, series: readonly ActivationPoint[]): [number, number] {
  if (activation === 'sigmoid') return [0, 1];
  if (activation === 'tanh') return [-1, 1];
  let top = 1;
  for (const p of series) for (const v of [...p.p98, ...p.mean]) if (Number.isFinite(v) && v > top) top = v;
  return [0, top];
}

export function bandScales(activation: ActivationName, series: readonly ActivationPoint[], box: ChartBox = BAND_BOX) {
  const last = series[series.length - 1];
  const xMax = last !== undefined && last.x > 1 ? last.x : 1;
  const x = scaleLinear()
    .domain([0, xMax])
    .range([box.left, box.width - box.right]);
  const y = scaleLinear()
    .domain(activationDomain(activation, series))
    .range([box.height - box.bottom, box.top]);
  return { x, y };
}

type Scale = (v: number) => number;

/**
 * The band between hidden layer h's 2nd and 98th percentiles (h from 1). A series of one probe gets a
 * sliver of width so the band is still visible; a value that is not finite leaves a gap.
 */
export function bandPath(series: readonly ActivationPoint[], h: number, x: Scale, y: Scale): string {
  const i = h - 1;
  const points = series.length === 1 ? [series[0], { ...series[0], x: series[0].x + 1e-9 }] : series;
  const shape = area<ActivationPoint>()
    .defined((p) => Number.isFinite(p.p02[i]) && Number.isFinite(p.p98[i]))
    .x((p) => x(p.x))
    .y0((p) => y(p.p02[i]))
    .y1((p) => y(p.p98[i]));
  return shape(points) ?? '';
}

/** Hidden layer h's mean activation as a line. */
export function meanPath(series: readonly ActivationPoint[], h: number, x: Scale, y: Scale): string {
  const i = h - 1;
  const shape = line<ActivationPoint>()
    .defined((p) => Number.isFinite(p.mean[i]))
    .x((p) => x(p.x))
    .y((p) => y(p.mean[i]));
  return shape(series) ?? '';
}

export interface HistogramBar {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Share of the layer's activation values in this bin, 0..1. */
  share: number;
}

/**
 * The bars of one layer's histogram: bin heights relative to the layer's fullest bin, so the shape reads
 * whatever the spread (a saturated layer has one bar to the full height). Empty bins draw nothing.
 */
export function histogramBars(shares: ArrayLike<number>, box: ChartBox = HISTOGRAM_BOX): HistogramBar[] {
  const n = shares.length;
  let fullest = 0;
  for (let b = 0; b < n; b++) if (shares[b] > fullest) fullest = shares[b];
  if (n === 0 || !(fullest > 0)) return [];
  const inner = box.width - box.left - box.right;
  const tall = box.height - box.top - box.bottom;
  const width = inner / n;
  const bars: HistogramBar[] = [];
  for (let b = 0; b < n; b++) {
    const share = shares[b];
    if (!(share > 0)) continue;
    const height = (share / fullest) * tall;
    bars.push({ x: box.left + b * width, y: box.height - box.bottom - height, width: Math.max(1, width - 1), height, share });
  }
  return bars;
}

/** Hidden layer h's bins, from the snapshot's flat histogram of `bins` per layer. */
export function layerHistogram(histogram: Float64Array, bins: number, h: number): Float64Array {
  return histogram.subarray((h - 1) * bins, h * bins);
}

/** Axis numbers: two decimals within σ's and tanh's range, three significant digits beyond it (ReLU). */
export function formatActivation(v: number): string {
  if (!Number.isFinite(v)) return '—';
  return Math.abs(v) < 10 ? v.toFixed(2) : v.toPrecision(3);
}

/** A share as a whole percent, never rounding a few saturated values down to 0 or almost all up to 100. */
export function formatPercent(share: number): string {
  if (!Number.isFinite(share)) return '—';
  if (share <= 0) return '0 %';
  if (share >= 1) return '100 %';
  if (share < 0.01) return '< 1 %';
  if (share > 0.99) return '> 99 %';
  return `${Math.round(share * 100)} %`;
}
