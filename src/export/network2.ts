/**
 * A network in the format of network2.py's save() (Nielsen, "Neural Networks and Deep Learning", ch. 3):
 *   {"sizes": [784, 30, 10], "weights": [...], "biases": [...], "cost": "CrossEntropyCost"}
 * weights[l] is layer l's matrix as a list of rows, shape (sizes[l+1], sizes[l]): row j holds the weights
 * into neuron j — the lab's own row-major [out][in] layout, so no transposition happens either way.
 * biases[l] is a column, shape (sizes[l+1], 1): a list of one-element lists. network2.load() reads exactly
 * these four keys, so a file written here loads in the book's code, and a file saved there loads here.
 *
 * The parser trusts nothing: every way a file can be wrong has its own message, checked before anything
 * large is allocated.
 */
import { MNIST_LAYER_LIMITS, validateLayers } from '../engine';
import { found, foundLength, ImportFileError, type ImportProblem, type Place } from './problem';

export const NETWORK2_COSTS = ['CrossEntropyCost', 'QuadraticCost'] as const;
export type Network2Cost = (typeof NETWORK2_COSTS)[number];

export interface NetworkWeights {
  sizes: number[];
  /** weights[l][j * sizes[l] + i]: from neuron i of layer l to neuron j of layer l + 1. */
  weights: Float32Array[];
  biases: Float32Array[];
  cost: Network2Cost;
}

/** The largest file the lab reads: well above the largest network it trains at 32-bit precision in text. */
export const MAX_NETWORK_FILE_MB = 200;

/**
 * The shortest decimal that reads back as the same 32-bit float: at most 9 significant digits, usually
 * fewer, so a file is about half the size JSON.stringify would make of the widened 64-bit values.
 */
export function float32Text(v: number): string {
  if (!Number.isFinite(v)) throw new RangeError(`a weight or bias is not finite (${v}) and cannot be saved`);
  for (let digits = 6; digits < 9; digits++) {
    const text = String(Number(v.toPrecision(digits)));
    if (Math.fround(Number(text)) === v) return text;
  }
  return String(Number(v.toPrecision(9)));
}

function matrixText(values: Float32Array, rows: number, cols: number): string {
  const out: string[] = [];
  for (let j = 0; j < rows; j++) {
    const row: string[] = [];
    for (let i = 0; i < cols; i++) row.push(float32Text(values[j * cols + i]));
    out.push(`[${row.join(', ')}]`);
  }
  return `[${out.join(', ')}]`;
}

/** network2.py's save() format; the numbers are written by hand so each is the shortest exact float32 text. */
export function networkToJson(net: NetworkWeights): string {
  const L = net.sizes.length;
  const weights: string[] = [];
  const biases: string[] = [];
  for (let l = 0; l + 1 < L; l++) {
    weights.push(matrixText(net.weights[l], net.sizes[l + 1], net.sizes[l]));
    biases.push(matrixText(net.biases[l], net.sizes[l + 1], 1));
  }
  return `{"sizes": [${net.sizes.join(', ')}], "weights": [${weights.join(', ')}], "biases": [${biases.join(', ')}], "cost": "${net.cost}"}\n`;
}

/** A network file the lab cannot read; `problem` says why, as data for the page's languages. */
export class NetworkFileError extends ImportFileError {
  constructor(problem: ImportProblem) {
    super(problem);
    this.name = 'NetworkFileError';
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** True when `data` looks like a network2 file at all (the dispatcher's test; parseNetwork says what is wrong). */
export function looksLikeNetwork(data: unknown): boolean {
  return isRecord(data) && ('sizes' in data || 'weights' in data);
}

function readSizes(raw: unknown): number[] {
  if (!Array.isArray(raw) || raw.length === 0) throw new NetworkFileError({ code: 'sizes-not-list', found: found(raw) });
  raw.forEach((v, index) => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
      throw new NetworkFileError({ code: 'size-not-whole', index, found: found(v) });
  });
  const sizes = raw as number[];
  const { input, output, maxHiddenLayers, maxHiddenWidth } = MNIST_LAYER_LIMITS;
  if (sizes[0] !== input) throw new NetworkFileError({ code: 'input-size', found: sizes[0], expected: input });
  if (sizes.length < 3) throw new NetworkFileError({ code: 'no-hidden' });
  const last = sizes[sizes.length - 1];
  if (last !== output) throw new NetworkFileError({ code: 'output-size', found: last, expected: output });
  // The engine's own limits, checked here so the refusal can name them in the page's language.
  if (sizes.length - 2 > maxHiddenLayers)
    throw new NetworkFileError({ code: 'too-many-hidden', count: sizes.length - 2, max: maxHiddenLayers });
  for (let l = 1; l < sizes.length - 1; l++)
    if (sizes[l] > maxHiddenWidth) throw new NetworkFileError({ code: 'too-wide', layer: l + 1, width: sizes[l], max: maxHiddenWidth });
  return validateLayers(sizes, { input, output });
}

/** Copies a (rows × cols) list of lists into `into`, refusing anything but finite numbers that fit a float32. */
function readMatrix(raw: unknown, rows: number, cols: number, into: Float32Array, place: Place): void {
  if (!Array.isArray(raw) || raw.length !== rows) throw new NetworkFileError({ code: 'row-count', place, rows, found: foundLength(raw) });
  for (let j = 0; j < rows; j++) {
    const row = raw[j];
    // A bias column may also be written as plain numbers rather than one-element lists.
    const cells = cols === 1 && typeof row === 'number' ? [row] : row;
    if (!Array.isArray(cells) || cells.length !== cols)
      throw new NetworkFileError({ code: 'row-length', place: { ...place, row: j }, cols, found: foundLength(cells) });
    for (let i = 0; i < cols; i++) {
      const v = cells[i];
      const where: Place = cols === 1 ? { ...place, row: j } : { ...place, row: j, col: i };
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new NetworkFileError({ code: 'not-number', place: where, found: found(v) });
      const f = Math.fround(v);
      if (!Number.isFinite(f)) throw new NetworkFileError({ code: 'too-large', place: where, value: v });
      into[j * cols + i] = f;
    }
  }
}

/** Reads network2.py's format from already-parsed JSON; throws NetworkFileError naming the first problem. */
export function parseNetwork(data: unknown): NetworkWeights {
  if (!isRecord(data)) throw new NetworkFileError({ code: 'network-not-object', found: found(data) });
  for (const key of ['sizes', 'weights', 'biases', 'cost']) if (!(key in data)) throw new NetworkFileError({ code: 'missing-key', key });
  const sizes = readSizes(data.sizes);
  if (!NETWORK2_COSTS.includes(data.cost as Network2Cost))
    throw new NetworkFileError({ code: 'bad-cost', allowed: NETWORK2_COSTS, found: found(data.cost) });
  const layers = sizes.length - 1;
  for (const key of ['weights', 'biases'] as const) {
    const list = data[key];
    if (!Array.isArray(list) || list.length !== layers)
      throw new NetworkFileError({ code: 'matrix-count', key, expected: layers, sizes, found: foundLength(list) });
  }
  const weights: Float32Array[] = [];
  const biases: Float32Array[] = [];
  for (let l = 0; l < layers; l++) {
    const w = new Float32Array(sizes[l + 1] * sizes[l]);
    readMatrix((data.weights as unknown[])[l], sizes[l + 1], sizes[l], w, { key: 'weights', layer: l });
    const b = new Float32Array(sizes[l + 1]);
    readMatrix((data.biases as unknown[])[l], sizes[l + 1], 1, b, { key: 'biases', layer: l });
    weights.push(w);
    biases.push(b);
  }
  return { sizes, weights, biases, cost: data.cost as Network2Cost };
}
