/**
 * From a snapshot to the bars of the network diagram. Pure, so the choice of neurons and the shared scale
 * are unit-tested without a DOM.
 */
import { t } from '../../i18n/catalogue';
import type { Lang } from '../../i18n/lang';
import type { Snapshot } from '../../worker/protocol';
import { formatValue } from '../../store/format';

/** The book's fig. 4 shows the first six neurons of each hidden layer. */
export const BOOK_NEURONS_SHOWN = 6;
/** More rows than this stop being legible on a projector, so wide layers are sampled evenly. */
export const MAX_ROWS = 40;

/**
 * The neurons of a hidden layer that get a bar: the first six as in the book, or with "Show all neurons"
 * every neuron, sampled evenly (always keeping the first and last) when the layer has more than maxRows.
 */
export function selectNeurons(width: number, showAll: boolean, maxRows = MAX_ROWS): number[] {
  if (!showAll) return range(Math.min(width, BOOK_NEURONS_SHOWN));
  if (width <= maxRows) return range(width);
  const picked: number[] = [];
  for (let r = 0; r < maxRows; r++) picked.push(Math.round((r * (width - 1)) / (maxRows - 1)));
  return picked;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

export interface Bar {
  /** Hidden layer, counted from 1 at the input side. */
  layer: number;
  /** Neuron index within the layer, from 0. */
  neuron: number;
  /** Row in the drawn column. */
  row: number;
  /** ∂C/∂b of this neuron, as the worker measured it. */
  grad: number;
}

/**
 * The bars of hidden layer h (from 1), or an empty list when the snapshot describes a different
 * architecture than the one drawn (it belongs to a run that is being replaced).
 */
export function barsForLayer(snapshot: Snapshot | null, h: number, width: number, neurons: readonly number[]): Bar[] {
  if (!snapshot) return [];
  const start = snapshot.hiddenOffsets[h - 1];
  const end = snapshot.hiddenOffsets[h];
  if (start === undefined || end === undefined || end - start !== width) return [];
  return neurons.map((neuron, row) => ({ layer: h, neuron, row, grad: snapshot.gradB[start + neuron] }));
}

export interface ColumnLayout {
  height: number;
  rowHeight: number;
  /** Centre of row r. */
  rowY(row: number): number;
}

/** Six rows get big, readable neurons; many rows share a taller column. */
export function columnLayout(rows: number): ColumnLayout {
  const height = Math.max(220, rows * 12);
  const rowHeight = rows > 0 ? height / rows : height;
  return { height, rowHeight, rowY: (row) => (row + 0.5) * rowHeight };
}

/** A bar picked for the readout: hidden layer (from 1) and row in that layer's drawn column. */
export interface BarChoice {
  layer: number;
  row: number;
}

/**
 * The bar picked after a key press, for keyboard reading of the diagram: ↑/↓ move along a layer's neurons,
 * ←/→ to the same row of the neighbouring layer (or its last row, if it has fewer), Home/End to a layer's
 * first/last neuron, Escape hides. `rows[h - 1]` is how many bars layer h draws; `focused` is the layer whose
 * column has the focus, where the first key press starts. undefined: not a key the diagram handles.
 */
export function stepBar(current: BarChoice | null, key: string, rows: readonly number[], focused: number): BarChoice | null | undefined {
  if (key === 'Escape') return null;
  if (!['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(key)) return undefined;
  const count = (h: number) => rows[h - 1] ?? 0;
  if (current === null || count(current.layer) === 0) {
    const n = count(focused);
    if (n === 0) return null;
    return { layer: focused, row: key === 'End' ? n - 1 : 0 };
  }
  const { layer, row } = current;
  const clampRow = (h: number, r: number) => Math.max(0, Math.min(count(h) - 1, r));
  switch (key) {
    case 'ArrowUp':
      return { layer, row: clampRow(layer, row - 1) };
    case 'ArrowDown':
      return { layer, row: clampRow(layer, row + 1) };
    case 'Home':
      return { layer, row: 0 };
    case 'End':
      return { layer, row: count(layer) - 1 };
    default: {
      const dir = key === 'ArrowLeft' ? -1 : 1;
      let h = layer + dir;
      // Skip a layer that draws no bars (none yet); stay put at either end of the network.
      while (h >= 1 && h <= rows.length && count(h) === 0) h += dir;
      if (h < 1 || h > rows.length) return { layer, row };
      return { layer: h, row: clampRow(h, row) };
    }
  }
}

/** The row under a point `y` units down a column (its own viewBox units), clamped to the rows drawn; null if none. */
export function rowAt(y: number, layout: ColumnLayout, rows: number): number | null {
  if (rows === 0) return null;
  return Math.max(0, Math.min(rows - 1, Math.floor(y / layout.rowHeight)));
}

/**
 * A bar's readout, numbering neurons from 1 as the column headings number layers ("Layer 2, neuron 5"),
 * though data-neuron and the snapshot index them from 0.
 */
export function barReadoutText(bar: Bar, lang: Lang = 'en'): string {
  const m = t(lang).network;
  const value = formatValue(bar.grad, lang);
  return Number.isFinite(bar.grad) ? m.readout(bar.layer, bar.neuron + 1, value) : m.readoutOverflow(bar.layer, bar.neuron + 1, value);
}
