/**
 * Scales and paths of the learning-speed chart (figs. 5-7): ‖δˡ‖ against epochs, on a log y axis because
 * the layers differ by factors of ten to a hundred.
 */
import { line, scaleLinear, scaleLog } from 'd3';
import type { NormPoint } from '../../store/series';
import type { ChartBox } from '../common/chartBox';

export type { ChartBox };

export const SPEED_BOX: ChartBox = { width: 560, height: 340, left: 76, right: 14, top: 14, bottom: 50 };

/** The range of finite, positive norms in all the series, for the log axis. */
export function normExtent(series: readonly (readonly NormPoint[])[]): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const points of series) {
    for (const p of points) {
      for (const v of p.norms) {
        if (Number.isFinite(v) && v > 0) {
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
      }
    }
  }
  return lo <= hi ? [lo, hi] : null;
}

export function speedScales(series: readonly (readonly NormPoint[])[], box: ChartBox = SPEED_BOX) {
  let xMax = 1;
  for (const points of series) {
    const last = points[points.length - 1];
    if (last && last.x > xMax) xMax = last.x;
  }
  const extent = normExtent(series) ?? [1e-3, 1];
  // Whole decades at both ends so the log axis always has labelled ticks.
  const lo = Math.pow(10, Math.floor(Math.log10(extent[0])));
  let hi = Math.pow(10, Math.ceil(Math.log10(extent[1])));
  if (hi <= lo) hi = lo * 10;
  const x = scaleLinear().domain([0, xMax]).range([box.left, box.width - box.right]);
  const y = scaleLog().domain([lo, hi]).range([box.height - box.bottom, box.top]);
  return { x, y };
}

/** The path of hidden layer h (from 1); gaps where a norm is not finite or not positive. */
export function layerPath(points: readonly NormPoint[], h: number, x: (v: number) => number, y: (v: number) => number): string {
  const path = line<NormPoint>()
    .defined((p) => {
      const v = p.norms[h - 1];
      return v !== undefined && Number.isFinite(v) && v > 0;
    })
    .x((p) => x(p.x))
    .y((p) => y(p.norms[h - 1]));
  return path(points as NormPoint[]) ?? '';
}

/** Decade ticks for a log axis: 1e-4, 1e-3, …; every second or third decade when there are many, so labels never overlap. */
export function decadeTicks(domain: [number, number], maxTicks = 7): number[] {
  const lo = Math.round(Math.log10(domain[0]));
  const hi = Math.round(Math.log10(domain[1]));
  const step = Math.max(1, Math.ceil((hi - lo + 1) / maxTicks));
  const ticks: number[] = [];
  for (let e = hi; e >= lo; e -= step) ticks.unshift(Math.pow(10, e));
  return ticks;
}

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** A decade as "10⁻³", readable from the back of a room, unlike 1.00e-3. */
export function formatDecade(value: number): string {
  const e = Math.round(Math.log10(value));
  if (e === 0) return '1';
  if (e === 1) return '10';
  return `10${String(e).split('').map((c) => SUPERSCRIPT[c]).join('')}`;
}
