/**
 * Why a dropped file is refused, as data: the parsers (network2.ts, workspace.ts) name the problem and the
 * values involved, and the page's catalogues word it (src/i18n/groups/importErrors.*.ts), so a refusal on
 * screen switches language with the page. describeImportProblem is the English, which the errors also carry.
 */

/** What was found where something else was expected, without quoting large data. */
export type Found =
  | { kind: 'null' }
  | { kind: 'list' }
  | { kind: 'object' }
  /** A string, cut to 20 characters. */
  | { kind: 'text'; text: string }
  /** A number, boolean or undefined, as JavaScript writes it. */
  | { kind: 'value'; text: string }
  /** A list of this many items where another length was expected. */
  | { kind: 'count'; count: number };

/** One of network2.py's matrices, and where in it: weights[1], biases[0][3] … */
export interface Place {
  key: 'weights' | 'biases';
  layer: number;
  row?: number;
  col?: number;
}

export type ImportProblem =
  // ---- network2.py files
  | { code: 'network-not-object'; found: Found }
  | { code: 'missing-key'; key: string }
  | { code: 'sizes-not-list'; found: Found }
  | { code: 'size-not-whole'; index: number; found: Found }
  | { code: 'input-size'; found: number; expected: number }
  | { code: 'no-hidden' }
  | { code: 'output-size'; found: number; expected: number }
  | { code: 'too-many-hidden'; count: number; max: number }
  /** Layer `layer` (counted from 1, the input layer included) is wider than `max`. */
  | { code: 'too-wide'; layer: number; width: number; max: number }
  | { code: 'bad-cost'; allowed: readonly string[]; found: Found }
  | { code: 'matrix-count'; key: 'weights' | 'biases'; expected: number; sizes: number[]; found: Found }
  | { code: 'row-count'; place: Place; rows: number; found: Found }
  | { code: 'row-length'; place: Place; cols: number; found: Found }
  | { code: 'not-number'; place: Place; found: Found }
  | { code: 'too-large'; place: Place; value: number }
  // ---- workspace files
  | { code: 'not-workspace' }
  | { code: 'workspace-version'; found: string; expected: number }
  | { code: 'workspace-configuration' }
  | { code: 'workspace-pinned' };

export function found(v: unknown): Found {
  if (v === null) return { kind: 'null' };
  if (Array.isArray(v)) return { kind: 'list' };
  if (typeof v === 'string') return { kind: 'text', text: v.length > 20 ? `${v.slice(0, 20)}…` : v };
  return typeof v === 'object' ? { kind: 'object' } : { kind: 'value', text: String(v) };
}

/** `found` for a list that should have had another length: its length, else what it is. */
export function foundLength(v: unknown): Found {
  return Array.isArray(v) ? { kind: 'count', count: v.length } : found(v);
}

/** weights[1][3], biases[0]: the place as a JSON path, the same in every language. */
export function placeText(p: Place): string {
  return `${p.key}[${p.layer}]${p.row === undefined ? '' : `[${p.row}]`}${p.col === undefined ? '' : `[${p.col}]`}`;
}

function foundText(f: Found): string {
  switch (f.kind) {
    case 'null':
      return 'null';
    case 'list':
      return 'a list';
    case 'object':
      return 'an object';
    case 'text':
      return `the text ${JSON.stringify(f.text)}`;
    case 'value':
      return f.text;
    case 'count':
      return String(f.count);
  }
}

export function describeImportProblem(p: ImportProblem): string {
  switch (p.code) {
    case 'network-not-object':
      return `a network file is a JSON object with sizes, weights, biases and cost, got ${foundText(p.found)}.`;
    case 'missing-key':
      return `the key "${p.key}" is missing (network2.py saves sizes, weights, biases and cost).`;
    case 'sizes-not-list':
      return `"sizes" must be a list of layer widths such as [784, 30, 10], got ${foundText(p.found)}.`;
    case 'size-not-whole':
      return `sizes[${p.index}] must be a whole number of neurons, got ${foundText(p.found)}.`;
    case 'input-size':
      return `the input layer has ${p.found} neurons; MNIST images have ${p.expected} pixels (28×28).`;
    case 'no-hidden':
      return 'the network has no hidden layer, and the lab shows the gradients of hidden layers.';
    case 'output-size':
      return `the output layer has ${p.found} neurons; MNIST has ${p.expected} digits.`;
    case 'too-many-hidden':
      return `the network is too big for the lab: at most ${p.max} hidden layers are allowed, got ${p.count}.`;
    case 'too-wide':
      return `the network is too big for the lab: layer ${p.layer} width ${p.width} must be between 1 and ${p.max}.`;
    case 'bad-cost':
      return `"cost" must be ${p.allowed.map((c) => `"${c}"`).join(' or ')}, got ${foundText(p.found)}.`;
    case 'matrix-count':
      return `"${p.key}" must hold ${p.expected} matrices for sizes [${p.sizes.join(', ')}], got ${foundText(p.found)}.`;
    case 'row-count':
      return `${placeText(p.place)} must have ${p.rows} rows (one per neuron of the layer it feeds), got ${foundText(p.found)}.`;
    case 'row-length':
      return `${placeText(p.place)} must be a list of ${p.cols} number${p.cols === 1 ? '' : 's'}, got ${foundText(p.found)}.`;
    case 'not-number':
      return `${placeText(p.place)} is not a number: ${foundText(p.found)}.`;
    case 'too-large':
      return `${placeText(p.place)} = ${p.value} is too large for the lab's 32-bit numbers.`;
    case 'not-workspace':
      return 'it is not a Gradient Lab workspace file.';
    case 'workspace-version':
      return `it is a workspace of format version ${p.found}; this lab reads version ${p.expected}.`;
    case 'workspace-configuration':
      return 'its "configuration" is missing or is not a query such as "?layers=784,30,30,10&…".';
    case 'workspace-pinned':
      return 'its "pinned" runs are missing or are not a list.';
    default: {
      const unreachable: never = p;
      return unreachable;
    }
  }
}

/** A file the lab refuses to load, with the problem as data and in English. */
export class ImportFileError extends Error {
  constructor(readonly problem: ImportProblem) {
    super(describeImportProblem(problem));
    this.name = 'ImportFileError';
  }
}
