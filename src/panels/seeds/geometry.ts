/**
 * Geometry of "Over 20 seeds": one row per hidden layer, each seed's ‖δˡ‖ at initialisation a dot on a shared
 * log axis, the middle half of the seeds a box with the median across it; below, the same for the ratio
 * ‖δ_last‖ / ‖δ¹‖ (how many times faster the last hidden layer learns than the first) on an axis of its own.
 * Pure functions of the numbers, so the pixels the panel draws can be tested without a browser.
 */
import { scaleLog, type ScaleLogarithmic } from 'd3';

export interface StripBox {
  width: number;
  left: number;
  right: number;
  top: number;
  /** Height of one row (a layer, or the ratio). */
  row: number;
  /** Room under the rows for the axis labels. */
  axis: number;
}

export const SEEDS_BOX: StripBox = { width: 560, left: 92, right: 16, top: 8, row: 30, axis: 30 };

/** The spread of one row: quartiles by linear interpolation between order statistics (type 7, as R and d3 do). */
export interface Spread {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  /** Values that were not finite positive numbers and so have no place on a log axis. */
  missing: number;
}

export function quantileOfSorted(sorted: readonly number[], p: number): number {
  const at = (sorted.length - 1) * p;
  const lo = Math.floor(at);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

function plottable(v: number): boolean {
  return Number.isFinite(v) && v > 0;
}

/** Null when no value can be plotted. The median is the command line's: the middle value, or the mean of the two. */
export function spreadOf(values: readonly number[]): Spread | null {
  const sorted = values.filter(plottable).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  return {
    min: sorted[0],
    q1: quantileOfSorted(sorted, 0.25),
    median: quantileOfSorted(sorted, 0.5),
    q3: quantileOfSorted(sorted, 0.75),
    max: sorted[sorted.length - 1],
    missing: values.length - sorted.length,
  };
}

/** One row's values: ‖δʰ‖ of every seed for hidden layer h (from 1). */
export function layerValues(norms: readonly (readonly number[])[], h: number): number[] {
  return norms.map((row) => row[h - 1]);
}

/** ‖δ_last‖ / ‖δ¹‖ of every seed: the chapter's "the last layer learns N times faster than the first". */
export function ratioValues(norms: readonly (readonly number[])[]): number[] {
  return norms.map((row) => row[row.length - 1] / row[0]);
}

/** The book's ratio for its single run, when it gives the norms. */
export function bookRatio(book: readonly number[] | null): number | null {
  return book === null ? null : book[book.length - 1] / book[0];
}

/** A log scale over whole decades that holds every plottable value (and the book's marks). */
export function stripScale(values: readonly number[], box: StripBox = SEEDS_BOX): ScaleLogarithmic<number, number> {
  const xs = values.filter(plottable);
  let lo = xs.length > 0 ? 10 ** Math.floor(Math.log10(Math.min(...xs))) : 1e-3;
  let hi = xs.length > 0 ? 10 ** Math.ceil(Math.log10(Math.max(...xs))) : 1;
  if (hi <= lo) hi = lo * 10;
  // Very wide ranges (an exploding preset) keep at most 12 decades so the dots stay apart.
  if (hi / lo > 1e12) lo = hi / 1e12;
  return scaleLog()
    .domain([lo, hi])
    .range([box.left, box.width - box.right])
    .clamp(true);
}

/** Decade ticks of a strip scale, thinned to at most `maxTicks`. */
export function stripTicks(scale: ScaleLogarithmic<number, number>, maxTicks = 7): number[] {
  const [lo, hi] = scale.domain().map((d) => Math.round(Math.log10(d)));
  const step = Math.max(1, Math.ceil((hi - lo + 1) / maxTicks));
  const ticks: number[] = [];
  for (let e = hi; e >= lo; e -= step) ticks.unshift(10 ** e);
  return ticks;
}

/**
 * A seed's vertical offset within its row: five lanes, so that seeds whose values nearly coincide on the log
 * axis stay apart. Seed-ordered rather than random, so the picture is the same each time.
 */
export function laneOffset(index: number, row: number = SEEDS_BOX.row): number {
  const lanes = 5;
  const spacing = (row - 12) / (lanes - 1);
  return ((index % lanes) - (lanes - 1) / 2) * spacing;
}

/** Vertical centre of row r (0 = hidden layer 1). */
export function rowCentre(r: number, box: StripBox = SEEDS_BOX): number {
  return box.top + r * box.row + box.row / 2;
}

/** The height of a strip chart of `rows` rows, axis included. */
export function stripHeight(rows: number, box: StripBox = SEEDS_BOX): number {
  return box.top + rows * box.row + box.axis;
}
