/**
 * From a snapshot to the bars of the network diagram. Pure, so the choice of neurons and the shared scale
 * are unit-tested without a DOM.
 */
import type { Snapshot } from '../../worker/protocol';

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
