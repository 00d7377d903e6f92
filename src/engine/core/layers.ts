/**
 * Checking a layer list such as [784, 30, 30, 10] before a network is built, with one-line messages a
 * person can act on. The limits keep a browser tab responsive: 10 hidden layers of 1000 already make
 * ~10⁷ weights, and the chapter's experiments need at most 4 hidden layers of 30.
 */

/**
 * What is wrong with a layer list, as data, so a page can say it in its own language. Positions count from 1
 * at the input layer; `shown` is the offending value as JavaScript would write it ("abc" quoted).
 */
export type LayerProblem =
  | { code: 'not-list'; shown: string }
  | { code: 'not-text'; shown: string }
  | { code: 'no-layers' }
  | { code: 'empty-width'; position: number; text: string }
  | { code: 'too-few'; count: number; shown: string | null }
  | { code: 'too-many-hidden'; count: number; max: number }
  | { code: 'not-whole'; position: number; shown: string }
  | { code: 'width-range'; position: number; end: 'input' | 'output' | null; width: number; max: number }
  | { code: 'input-pinned'; expected: number; found: number }
  | { code: 'output-pinned'; expected: number; found: number };

/** The problem in English, the words of LayerSpecError's message. */
export function describeLayerProblem(p: LayerProblem): string {
  switch (p.code) {
    case 'not-list':
      return `layers must be a list of widths such as [784, 30, 10], got ${p.shown}`;
    case 'not-text':
      return `layers must be text such as "784,30,10", got ${p.shown}`;
    case 'no-layers':
      return 'no layers given: write widths separated by commas, e.g. "784,30,10"';
    case 'empty-width':
      return `layer ${p.position} width is empty in "${p.text}"`;
    case 'too-few':
      return `a network needs at least 2 layers (input and output), got ${p.count}${p.shown === null ? '' : ` (${p.shown})`}`;
    case 'too-many-hidden':
      return `at most ${p.max} hidden layers are allowed, got ${p.count}`;
    case 'not-whole':
      return `layer ${p.position} width ${p.shown} is not a whole number`;
    case 'width-range':
      return `layer ${p.position}${p.end === null ? '' : ` (${p.end})`} width ${p.width} must be between 1 and ${p.max}`;
    case 'input-pinned':
      return `input layer must be ${p.expected}${p.expected === 784 ? ' (MNIST has 28×28 pixels)' : ''}, got ${p.found}`;
    case 'output-pinned':
      return `output layer must be ${p.expected}${p.expected === 10 ? ' (digits 0-9)' : ''}, got ${p.found}`;
    default: {
      const unreachable: never = p;
      return unreachable;
    }
  }
}

export class LayerSpecError extends Error {
  constructor(readonly problem: LayerProblem) {
    super(describeLayerProblem(problem));
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
  else throw new LayerSpecError({ code: 'not-whole', position, shown: show(v) });
  if (!Number.isInteger(n)) throw new LayerSpecError({ code: 'not-whole', position, shown: show(v) });
  return n;
}

/**
 * Returns the widths as numbers; throws LayerSpecError naming the first bad value.
 * Positions in messages count from 1 at the input layer. Numeric strings ("30") are accepted.
 */
export function validateLayers(layers: readonly unknown[], opts: LayerPins = {}): number[] {
  if (!Array.isArray(layers)) throw new LayerSpecError({ code: 'not-list', shown: show(layers) });
  if (layers.length < 2)
    throw new LayerSpecError({ code: 'too-few', count: layers.length, shown: layers.length === 1 ? show(layers[0]) : null });
  const numHidden = layers.length - 2;
  if (numHidden > MNIST_LAYER_LIMITS.maxHiddenLayers)
    throw new LayerSpecError({ code: 'too-many-hidden', count: numHidden, max: MNIST_LAYER_LIMITS.maxHiddenLayers });
  const widths = layers.map((v, i) => toWidth(v, i + 1));
  const last = widths.length - 1;
  for (let i = 0; i <= last; i++) {
    const isIo = i === 0 || i === last;
    const max = isIo ? MAX_IO_WIDTH : MNIST_LAYER_LIMITS.maxHiddenWidth;
    const w = widths[i];
    if (w < 1 || w > max)
      throw new LayerSpecError({
        code: 'width-range',
        position: i + 1,
        end: i === 0 ? 'input' : i === last ? 'output' : null,
        width: w,
        max,
      });
  }
  if (opts.input !== undefined && widths[0] !== opts.input)
    throw new LayerSpecError({ code: 'input-pinned', expected: opts.input, found: widths[0] });
  if (opts.output !== undefined && widths[last] !== opts.output)
    throw new LayerSpecError({ code: 'output-pinned', expected: opts.output, found: widths[last] });
  return widths;
}

/** Parses "784,30,10" (commas, optional spaces) and validates it. */
export function parseLayers(text: string, opts: LayerPins = {}): number[] {
  if (typeof text !== 'string') throw new LayerSpecError({ code: 'not-text', shown: show(text) });
  const trimmed = text.trim();
  if (trimmed === '') throw new LayerSpecError({ code: 'no-layers' });
  const parts = trimmed.split(',').map((s) => s.trim());
  parts.forEach((p, i) => {
    if (p === '') throw new LayerSpecError({ code: 'empty-width', position: i + 1, text: trimmed });
  });
  return validateLayers(parts, opts);
}
