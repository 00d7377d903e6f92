/**
 * The arithmetic behind the charts' readouts: which probe is nearest the pointer, which one an arrow key
 * moves to, and where the label box goes so it never leaves the plot. Pure, so each rule has a unit test.
 */
import type { ChartBox } from './chartBox';

/**
 * Index of the value in `xs` (sorted ascending) nearest to `x`; the earlier one on a tie; -1 when empty.
 * Series hold up to a thousand probes and the pointer moves every frame, hence the binary search.
 */
export function nearestIndex(xs: readonly number[], x: number): number {
  if (xs.length === 0) return -1;
  let lo = 0;
  let hi = xs.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) lo = mid;
    else hi = mid;
  }
  return Math.abs(x - xs[lo]) <= Math.abs(xs[hi] - x) ? lo : hi;
}

/**
 * Index of the point of another series (a pinned run) to read at `x`, or -1 when that series does not reach
 * `x`: a run pinned after 20 epochs has no value at epoch 200, and showing its last one there would mislead.
 * "Reaches" allows half of the series' average spacing beyond either end.
 */
export function indexWithin(xs: readonly number[], x: number): number {
  const i = nearestIndex(xs, x);
  if (i < 0) return -1;
  const first = xs[0];
  const last = xs[xs.length - 1];
  const slack = xs.length > 1 ? (last - first) / (xs.length - 1) / 2 : 0;
  return x >= first - slack && x <= last + slack ? i : -1;
}

/**
 * The readout index after a key press, or undefined when the key is not one the chart handles (so the page
 * keeps Tab, Space and the rest). null hides the readout. The first arrow press shows the newest probe,
 * the one a class is usually looking at.
 */
export function stepIndex(current: number | null, key: string, length: number): number | null | undefined {
  if (key === 'Escape') return null;
  if (length === 0) return key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home' || key === 'End' ? null : undefined;
  const last = length - 1;
  switch (key) {
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'ArrowLeft':
      return current === null ? last : Math.max(0, Math.min(last, current) - 1);
    case 'ArrowRight':
      return current === null ? last : Math.min(last, current + 1);
    default:
      return undefined;
  }
}

/**
 * A pointer position (clientX or clientY) in the SVG's own units, given where the element sits on screen and
 * how many units its viewBox spans along that axis. null when the element has no size (not laid out yet).
 */
export function clientToView(client: number, start: number, size: number, viewSize: number): number | null {
  if (!(size > 0)) return null;
  return ((client - start) / size) * viewSize;
}

/** Width of a line of readout text: a generous average glyph width, so a box is never narrower than its text. */
export function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.6;
}

/**
 * Top-left corner of a readout box of the given size beside a guide line at `anchorX`: to the right of the
 * line while it fits, else to its left, and in any case clamped inside the plot area so no value is cut off.
 */
export function placeReadout(anchorX: number, width: number, height: number, box: ChartBox, gap = 12): { x: number; y: number } {
  const left = box.left;
  const right = box.width - box.right;
  const top = box.top;
  const bottom = box.height - box.bottom;
  let x = anchorX + gap + width <= right ? anchorX + gap : anchorX - gap - width;
  x = Math.max(left, Math.min(right - width, x));
  if (width > right - left) x = left;
  const y = Math.max(top, Math.min(bottom - height, top + 4));
  return { x, y };
}

/**
 * Splits value columns into blocks that each fit `maxWidth` beside the row labels, so the readout of many
 * pinned runs stacks downwards instead of running out of the chart. Each block lists column indices.
 */
export function columnBlocks(numColumns: number, labelWidth: number, columnWidth: number, maxWidth: number): number[][] {
  const perBlock = Math.max(1, Math.floor((maxWidth - labelWidth) / columnWidth));
  const blocks: number[][] = [];
  for (let c = 0; c < numColumns; c += perBlock) {
    blocks.push(Array.from({ length: Math.min(perBlock, numColumns - c) }, (_, k) => c + k));
  }
  return blocks;
}

/** Training progress as the readout names it: whole epochs plainly, a point within an epoch to two decimals. */
export function formatEpoch(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toFixed(2)));
}

/** A dot where the guide line crosses a series. */
export interface ReadoutDot {
  cx: number;
  cy: number;
  colour: string;
  /** Pinned runs get hollow dots, as their lines are dashed. */
  hollow?: boolean;
}

/** One line of a readout: a series (or layer) and its value in each column (this run, then pinned runs). */
export interface ReadoutRow {
  label: string;
  colour: string;
  /** Dash pattern of the series' line, so a pinned run's row looks like its line. */
  dash?: string;
  values: string[];
}

/**
 * The readout as one sentence for screen readers, the same numbers the box shows: "Epoch 12, ‖δˡ‖ — Layer 1:
 * 3.21e-3; Layer 2: 0.0285." With several columns each value is named by its column.
 */
export function readoutSentence(title: string, columns: readonly string[], rows: readonly ReadoutRow[]): string {
  const parts = rows.map((r) =>
    columns.length > 1
      ? `${r.label}: ${columns.map((c, i) => `${c} ${r.values[i] ?? '—'}`).join(', ')}`
      : `${r.label}: ${r.values[0] ?? '—'}`,
  );
  return `${title} — ${parts.join('; ')}.`;
}
