/**
 * Scales and paths of the learning-speed chart (figs. 5-7): ‖δˡ‖ against epochs, on a log y axis because
 * the layers differ by factors of ten to a hundred.
 */
import { t } from '../../i18n/catalogue';
import type { Lang } from '../../i18n/lang';
import { line, scaleLinear, scaleLog } from 'd3';
import type { NormPoint } from '../../store/series';
import type { ChartBox } from '../common/chartBox';
import { formatValue } from '../../store/format';
import { layerColour } from '../../app/palette';
import { formatEpoch, indexWithin, type ReadoutDot, type ReadoutRow } from '../common/readout';

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
  const lo = 10 ** Math.floor(Math.log10(extent[0]));
  let hi = 10 ** Math.ceil(Math.log10(extent[1]));
  if (hi <= lo) hi = lo * 10;
  const x = scaleLinear()
    .domain([0, xMax])
    .range([box.left, box.width - box.right]);
  const y = scaleLog()
    .domain([lo, hi])
    .range([box.height - box.bottom, box.top]);
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
  for (let e = hi; e >= lo; e -= step) ticks.unshift(10 ** e);
  return ticks;
}

export { formatDecade } from '../common/decades';

export interface SpeedReadout {
  x: number;
  title: string;
  /** "This run", "Pin 1", …: one column per run that has probes, or none when only one run is drawn. */
  columns: string[];
  /** One row per hidden layer, values in column order; "—" where a run has no such layer or no probe there. */
  rows: ReadoutRow[];
  dots: ReadoutDot[];
}

/**
 * Everything the readout shows at epoch x: ‖δˡ‖ of every hidden layer of the current run and of every pinned
 * run shown, each read at its own probe nearest x, and a dot on each line where the log scale can draw one.
 */
export function speedReadout(
  x: number,
  current: readonly NormPoint[],
  pinned: readonly { p: { id: number; norms: readonly NormPoint[] }; index: number }[],
  xScale: (v: number) => number,
  yScale: (v: number) => number,
  lang: Lang = 'en',
): SpeedReadout {
  const m = t(lang).speed;
  const runs = [
    { label: m.thisRun, points: current, pinned: false },
    ...pinned.map(({ p }) => ({ label: m.pin(p.id), points: p.norms, pinned: true })),
  ].filter((r) => r.points.length > 0);
  const at = runs.map((r) => {
    const i = indexWithin(
      r.points.map((p) => p.x),
      x,
    );
    return i < 0 ? null : r.points[i];
  });
  const numLayers = Math.max(0, ...at.map((p) => p?.norms.length ?? 0));
  const rows: ReadoutRow[] = [];
  const dots: ReadoutDot[] = [];
  for (let h = 1; h <= numLayers; h++) {
    rows.push({
      label: m.layerRow(h),
      colour: layerColour(h),
      values: at.map((p) => {
        const v = p?.norms[h - 1];
        return v === undefined ? '—' : formatValue(v, lang);
      }),
    });
    at.forEach((p, r) => {
      const v = p?.norms[h - 1];
      if (p && v !== undefined && Number.isFinite(v) && v > 0)
        dots.push({ cx: xScale(p.x), cy: yScale(v), colour: layerColour(h), hollow: runs[r].pinned });
    });
  }
  return { x, title: m.epoch(formatEpoch(x)), columns: runs.length > 1 ? runs.map((r) => r.label) : [], rows, dots };
}
