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
import { LayerSpecError, MNIST_LAYER_LIMITS, validateLayers } from '../engine';

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

export class NetworkFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NetworkFileError';
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** True when `data` looks like a network2 file at all (the dispatcher's test; parseNetwork says what is wrong). */
export function looksLikeNetwork(data: unknown): boolean {
  return isRecord(data) && ('sizes' in data || 'weights' in data);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.length > 20 ? `${v.slice(0, 20)}…` : v)}`;
  return typeof v === 'object' ? 'an object' : String(v);
}

function readSizes(raw: unknown): number[] {
  if (!Array.isArray(raw) || raw.length === 0)
    throw new NetworkFileError(`"sizes" must be a list of layer widths such as [784, 30, 10], got ${describe(raw)}.`);
  raw.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
      throw new NetworkFileError(`sizes[${i}] must be a whole number of neurons, got ${describe(v)}.`);
  });
  const sizes = raw as number[];
  if (sizes[0] !== MNIST_LAYER_LIMITS.input)
    throw new NetworkFileError(`the input layer has ${sizes[0]} neurons; MNIST images have ${MNIST_LAYER_LIMITS.input} pixels (28×28).`);
  if (sizes.length < 3) throw new NetworkFileError('the network has no hidden layer, and the lab shows the gradients of hidden layers.');
  if (sizes[sizes.length - 1] !== MNIST_LAYER_LIMITS.output)
    throw new NetworkFileError(`the output layer has ${sizes[sizes.length - 1]} neurons; MNIST has ${MNIST_LAYER_LIMITS.output} digits.`);
  try {
    return validateLayers(sizes, { input: MNIST_LAYER_LIMITS.input, output: MNIST_LAYER_LIMITS.output });
  } catch (err) {
    if (err instanceof LayerSpecError) throw new NetworkFileError(`the network is too big for the lab: ${err.message}.`);
    throw err;
  }
}

/** Copies a (rows × cols) list of lists into `into`, refusing anything but finite numbers that fit a float32. */
function readMatrix(raw: unknown, rows: number, cols: number, into: Float32Array, name: string): void {
  if (!Array.isArray(raw) || raw.length !== rows)
    throw new NetworkFileError(
      `${name} must have ${rows} rows (one per neuron of the layer it feeds), got ${Array.isArray(raw) ? raw.length : describe(raw)}.`,
    );
  for (let j = 0; j < rows; j++) {
    const row = raw[j];
    // A bias column may also be written as plain numbers rather than one-element lists.
    const cells = cols === 1 && typeof row === 'number' ? [row] : row;
    if (!Array.isArray(cells) || cells.length !== cols)
      throw new NetworkFileError(
        `${name}[${j}] must be a list of ${cols} number${cols === 1 ? '' : 's'}, got ${Array.isArray(cells) ? `${cells.length}` : describe(cells)}.`,
      );
    for (let i = 0; i < cols; i++) {
      const v = cells[i];
      const where = cols === 1 ? `${name}[${j}]` : `${name}[${j}][${i}]`;
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new NetworkFileError(`${where} is not a number: ${describe(v)}.`);
      const f = Math.fround(v);
      if (!Number.isFinite(f)) throw new NetworkFileError(`${where} = ${v} is too large for the lab's 32-bit numbers.`);
      into[j * cols + i] = f;
    }
  }
}

/** Reads network2.py's format from already-parsed JSON; throws NetworkFileError naming the first problem. */
export function parseNetwork(data: unknown): NetworkWeights {
  if (!isRecord(data))
    throw new NetworkFileError(`a network file is a JSON object with sizes, weights, biases and cost, got ${describe(data)}.`);
  for (const key of ['sizes', 'weights', 'biases', 'cost'])
    if (!(key in data)) throw new NetworkFileError(`the key "${key}" is missing (network2.py saves sizes, weights, biases and cost).`);
  const sizes = readSizes(data.sizes);
  if (!NETWORK2_COSTS.includes(data.cost as Network2Cost))
    throw new NetworkFileError(`"cost" must be ${NETWORK2_COSTS.map((c) => `"${c}"`).join(' or ')}, got ${describe(data.cost)}.`);
  const layers = sizes.length - 1;
  for (const key of ['weights', 'biases'] as const) {
    const list = data[key];
    if (!Array.isArray(list) || list.length !== layers)
      throw new NetworkFileError(
        `"${key}" must hold ${layers} matrices for sizes [${sizes.join(', ')}], got ${Array.isArray(list) ? list.length : describe(list)}.`,
      );
  }
  const weights: Float32Array[] = [];
  const biases: Float32Array[] = [];
  for (let l = 0; l < layers; l++) {
    const w = new Float32Array(sizes[l + 1] * sizes[l]);
    readMatrix((data.weights as unknown[])[l], sizes[l + 1], sizes[l], w, `weights[${l}]`);
    const b = new Float32Array(sizes[l + 1]);
    readMatrix((data.biases as unknown[])[l], sizes[l + 1], 1, b, `biases[${l}]`);
    weights.push(w);
    biases.push(b);
  }
  return { sizes, weights, biases, cost: data.cost as Network2Cost };
}
