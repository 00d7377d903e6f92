/**
 * Checking a layer list such as [784, 30, 30, 10] before a network is built, with one-line messages a
 * person can act on. The limits keep a browser tab responsive: 10 hidden layers of 1000 already make
 * ~10⁷ weights, and the chapter's experiments need at most 4 hidden layers of 30.
 */

export class LayerSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LayerSpecError';
  }
}

export const MNIST_LAYER_LIMITS = {
  input: 784,
  output: 10,
  /** Widest hidden layer accepted. */
  maxHiddenWidth: 1000,
  /** Deepest network accepted, counting hidden layers only. */
  maxHiddenLayers: 10,
} as const satisfies { input: 784; output: 10; maxHiddenWidth: number; maxHiddenLayers: number };

/** Widest input or output layer accepted when they are not pinned (28×28 MNIST needs 784). */
export const MAX_IO_WIDTH = 4096;

export interface LayerPins {
  /** Required input width (MNIST: 784). */
  input?: number;
  /** Required output width (MNIST: 10). */
  output?: number;
}

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' || v === null || v === undefined) return String(v);
  if (Array.isArray(v)) return 'a list';
  return `a ${typeof v}`;
}

function toWidth(v: unknown, position: number): number {
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string' && /^\s*[+-]?\d+\s*$/.test(v)) n = Number(v);
  else throw new LayerSpecError(`layer ${position} width ${show(v)} is not a whole number`);
  if (!Number.isInteger(n)) throw new LayerSpecError(`layer ${position} width ${show(v)} is not a whole number`);
  return n;
}

/**
 * Returns the widths as numbers; throws LayerSpecError naming the first bad value.
 * Positions in messages count from 1 at the input layer. Numeric strings ("30") are accepted.
 */
export function validateLayers(layers: readonly unknown[], opts: LayerPins = {}): number[] {
  if (!Array.isArray(layers)) throw new LayerSpecError(`layers must be a list of widths such as [784, 30, 10], got ${show(layers)}`);
  if (layers.length < 2)
    throw new LayerSpecError(
      `a network needs at least 2 layers (input and output), got ${layers.length}${layers.length === 1 ? ` (${show(layers[0])})` : ''}`,
    );
  const numHidden = layers.length - 2;
  if (numHidden > MNIST_LAYER_LIMITS.maxHiddenLayers)
    throw new LayerSpecError(`at most ${MNIST_LAYER_LIMITS.maxHiddenLayers} hidden layers are allowed, got ${numHidden}`);
  const widths = layers.map((v, i) => toWidth(v, i + 1));
  const last = widths.length - 1;
  for (let i = 0; i <= last; i++) {
    const isIo = i === 0 || i === last;
    const max = isIo ? MAX_IO_WIDTH : MNIST_LAYER_LIMITS.maxHiddenWidth;
    const w = widths[i];
    if (w < 1 || w > max) {
      const which = i === 0 ? ' (input)' : i === last ? ' (output)' : '';
      throw new LayerSpecError(`layer ${i + 1}${which} width ${w} must be between 1 and ${max}`);
    }
  }
  if (opts.input !== undefined && widths[0] !== opts.input) {
    const why = opts.input === 784 ? ' (MNIST has 28×28 pixels)' : '';
    throw new LayerSpecError(`input layer must be ${opts.input}${why}, got ${widths[0]}`);
  }
  if (opts.output !== undefined && widths[last] !== opts.output) {
    const why = opts.output === 10 ? ' (digits 0-9)' : '';
    throw new LayerSpecError(`output layer must be ${opts.output}${why}, got ${widths[last]}`);
  }
  return widths;
}

/** Parses "784,30,10" (commas, optional spaces) and validates it. */
export function parseLayers(text: string, opts: LayerPins = {}): number[] {
  if (typeof text !== 'string') throw new LayerSpecError(`layers must be text such as "784,30,10", got ${show(text)}`);
  const trimmed = text.trim();
  if (trimmed === '') throw new LayerSpecError('no layers given: write widths separated by commas, e.g. "784,30,10"');
  const parts = trimmed.split(',').map((s) => s.trim());
  parts.forEach((p, i) => {
    if (p === '') throw new LayerSpecError(`layer ${i + 1} width is empty in "${trimmed}"`);
  });
  return validateLayers(parts, opts);
}
