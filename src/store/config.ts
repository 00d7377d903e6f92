/**
 * The lab's configuration: defaults, validation of every field, and its mirror in the URL query string.
 * A URL is something a teacher pastes into a projector's browser, so a hand-edited bad value must never
 * break the page: it is ignored, named in a notice, and the default takes its place.
 */
import { LayerSpecError, MNIST_LAYER_LIMITS, parseLayers, ACTIVATIONS, INITIALISERS, type ActivationName, type InitName } from '../engine';
import type { RunConfig, TrainingMode } from '../worker/protocol';

/** MNIST pins the ends of the network: 28×28 pixels in, ten digits out. */
export const INPUT_SIZE = MNIST_LAYER_LIMITS.input;
export const OUTPUT_SIZE = MNIST_LAYER_LIMITS.output;
/** The engine's bounds, so the page never offers a network the worker would refuse. */
export const MAX_HIDDEN_WIDTH = MNIST_LAYER_LIMITS.maxHiddenWidth;
export const MAX_HIDDEN_LAYERS = MNIST_LAYER_LIMITS.maxHiddenLayers;
/** The width the "Add hidden layer" button gives a new layer, as in every network of the chapter. */
export const NEW_LAYER_WIDTH = 30;

export const MODES: readonly TrainingMode[] = ['learning-speed', 'sgd'];

/** Epoch budgets of the chapter's two experiments: 500 full-batch epochs for figs. 5-7, 30 SGD epochs for the table. */
export function epochsFor(mode: TrainingMode): number {
  return mode === 'learning-speed' ? 500 : 30;
}

/** First visit: the book's fig. 4 network, [784, 30, 30, 10], in learning-speed mode with seed 1. */
export const DEFAULT_CONFIG: RunConfig = Object.freeze({
  layers: [INPUT_SIZE, 30, 30, OUTPUT_SIZE],
  mode: 'learning-speed',
  eta: 0.1,
  lambda: 5.0,
  batchSize: 10,
  seed: 1,
  init: 'default',
  activation: 'sigmoid',
  output: 'sigmoid',
  momentum: 0,
  epochs: epochsFor('learning-speed'),
  exploding: false,
  speed: 5,
}) as RunConfig;

export function defaultConfig(): RunConfig {
  return { ...DEFAULT_CONFIG, layers: [...DEFAULT_CONFIG.layers] };
}

export const INIT_LABELS: Record<InitName, string> = {
  default: 'N(0,1)/√n (default)',
  large: 'Large N(0,1)',
  xavier: 'Xavier',
  he: 'He',
};
export const ACTIVATION_LABELS: Record<ActivationName, string> = {
  sigmoid: 'Sigmoid',
  tanh: 'tanh',
  relu: 'ReLU',
};
export const MODE_LABELS: Record<TrainingMode, string> = {
  'learning-speed': 'Learning speed (figs. 5-7)',
  sgd: 'SGD on MNIST',
};

/** A validator returns the accepted value, or a sentence saying what a valid value looks like. */
export type Check<T> = { ok: true; value: T } | { ok: false; message: string };

function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  // Number('') is 0 and Number('0x10') is 16; neither is what someone typing a learning rate meant.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

function checkRange(text: string, what: string, min: number, max: number, opts: { minExclusive?: boolean; maxExclusive?: boolean; integer?: boolean } = {}): Check<number> {
  const value = parseNumber(text);
  const lo = opts.minExclusive ? `greater than ${min}` : `at least ${min}`;
  const hi = opts.maxExclusive ? `less than ${max}` : `at most ${max}`;
  const kind = opts.integer ? 'a whole number' : 'a number';
  const rule = `${what} must be ${kind} ${lo} and ${hi}`;
  if (value === null || (opts.integer && !Number.isInteger(value))) return { ok: false, message: `${rule}, got "${text}"` };
  const tooLow = opts.minExclusive ? value <= min : value < min;
  const tooHigh = opts.maxExclusive ? value >= max : value > max;
  if (tooLow || tooHigh) return { ok: false, message: `${rule}, got ${text.trim()}` };
  return { ok: true, value };
}

/**
 * η is allowed far beyond any useful value: a huge η is how a student makes a run overflow on purpose and
 * sees the divergence message (η = 1000000 is the documented example).
 */
export const MAX_ETA = 1_000_000;
export const checkEta = (text: string) => checkRange(text, 'η (learning rate)', 0, MAX_ETA, { minExclusive: true });
export const checkLambda = (text: string) => checkRange(text, 'λ (L2 regularisation)', 0, 1000);
export const checkBatchSize = (text: string) => checkRange(text, 'Mini-batch size', 1, 10000, { integer: true });
export const checkSeed = (text: string) => checkRange(text, 'Seed', 0, 4294967295, { integer: true });
export const checkMomentum = (text: string) => checkRange(text, 'Momentum μ', 0, 1, { maxExclusive: true });
export const checkSpeed = (text: string) => checkRange(text, 'Speed', 1, 10, { integer: true });
export const checkHiddenWidth = (text: string, layer: number) =>
  checkRange(text, `Width of hidden layer ${layer}`, 1, MAX_HIDDEN_WIDTH, { integer: true });

function checkChoice<T extends string>(text: string, what: string, choices: readonly T[]): Check<T> {
  const found = choices.find((c) => c === text.trim().toLowerCase());
  return found ? { ok: true, value: found } : { ok: false, message: `${what} must be one of ${choices.join(', ')}, got "${text}"` };
}

export const checkMode = (text: string) => checkChoice(text, 'Mode', MODES);
export const checkInit = (text: string) => checkChoice(text, 'Initialiser', INITIALISERS);
export const checkActivation = (text: string) => checkChoice(text, 'Activation', ACTIVATIONS);

export function checkBoolean(text: string, what: string): Check<boolean> {
  const t = text.trim().toLowerCase();
  if (t === '1' || t === 'true' || t === 'on' || t === 'yes') return { ok: true, value: true };
  if (t === '0' || t === 'false' || t === 'off' || t === 'no') return { ok: true, value: false };
  return { ok: false, message: `${what} must be 1 or 0, got "${text}"` };
}

/** Layers as written in the URL, "784,30,30,10": the engine's own rules, so the page and worker agree. */
export function checkLayers(text: string): Check<number[]> {
  try {
    const layers = parseLayers(text, { input: INPUT_SIZE, output: OUTPUT_SIZE });
    // The engine can train [784, 10]; the lab cannot show it: there is no hidden layer to draw a bar for.
    if (layers.length < 3) return { ok: false, message: `layers needs at least one hidden layer, e.g. 784,30,10, got "${text}"` };
    return { ok: true, value: layers };
  } catch (err) {
    if (err instanceof LayerSpecError) return { ok: false, message: err.message };
    throw err;
  }
}

/** The query-string keys, in the order they are written. */
export const URL_KEYS = ['layers', 'mode', 'eta', 'lambda', 'batch', 'seed', 'init', 'activation', 'momentum', 'exploding'] as const;
type UrlKey = (typeof URL_KEYS)[number];

export interface ParsedQuery {
  config: RunConfig;
  /** One sentence per ignored parameter, naming it, the bad value and the default used instead. */
  notices: string[];
}

/** Reads a configuration from a query string ("?layers=784,30,10&seed=2"); unknown keys are ignored silently. */
export function parseQuery(search: string): ParsedQuery {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const config = defaultConfig();
  const notices: string[] = [];
  const apply = <T>(key: UrlKey, check: (text: string) => Check<T>, set: (value: T) => void, shown: string) => {
    const raw = params.get(key);
    if (raw === null) return;
    const result = check(raw);
    if (result.ok) set(result.value);
    else notices.push(`Ignored URL parameter "${key}": ${result.message}. Using the default, ${shown}.`);
  };
  apply('layers', checkLayers, (v) => (config.layers = v), DEFAULT_CONFIG.layers.join(','));
  apply('mode', checkMode, (v) => (config.mode = v), DEFAULT_CONFIG.mode);
  apply('eta', checkEta, (v) => (config.eta = v), String(DEFAULT_CONFIG.eta));
  apply('lambda', checkLambda, (v) => (config.lambda = v), String(DEFAULT_CONFIG.lambda));
  apply('batch', checkBatchSize, (v) => (config.batchSize = v), String(DEFAULT_CONFIG.batchSize));
  apply('seed', checkSeed, (v) => (config.seed = v), String(DEFAULT_CONFIG.seed));
  // The initialiser's default is literally named "default"; say what it is rather than "the default, default".
  apply('init', checkInit, (v) => (config.init = v), `"${DEFAULT_CONFIG.init}" (${INIT_LABELS[DEFAULT_CONFIG.init].replace(' (default)', '')})`);
  apply('activation', checkActivation, (v) => (config.activation = v), DEFAULT_CONFIG.activation);
  apply('momentum', checkMomentum, (v) => (config.momentum = v), String(DEFAULT_CONFIG.momentum));
  apply('exploding', (t) => checkBoolean(t, 'exploding'), (v) => (config.exploding = v), '0');
  config.epochs = epochsFor(config.mode);
  return { config, notices };
}

/** Writes every mirrored field, so a copied URL reproduces the run exactly even if defaults change later. */
export function serialiseQuery(config: RunConfig): string {
  const pairs: [UrlKey, string][] = [
    ['layers', config.layers.join(',')],
    ['mode', config.mode],
    ['eta', String(config.eta)],
    ['lambda', String(config.lambda)],
    ['batch', String(config.batchSize)],
    ['seed', String(config.seed)],
    ['init', config.init],
    ['activation', config.activation],
    ['momentum', String(config.momentum)],
    ['exploding', config.exploding ? '1' : '0'],
  ];
  // Commas stay readable in the layers list; everything else is a plain token already.
  return '?' + pairs.map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2C/g, ',')}`).join('&');
}

/** Fields whose change builds a fresh network from the seed (everything except the pace). */
export function needsReinitialise(before: RunConfig, after: RunConfig): boolean {
  return (
    before.layers.join(',') !== after.layers.join(',') ||
    before.seed !== after.seed ||
    before.init !== after.init ||
    before.activation !== after.activation ||
    before.mode !== after.mode ||
    before.eta !== after.eta ||
    before.lambda !== after.lambda ||
    before.batchSize !== after.batchSize ||
    before.momentum !== after.momentum ||
    before.output !== after.output
  );
}

/**
 * What sets another run apart from `current`, in a few words: "seed 1 · ReLU · He".
 * Used as the legend of a pinned run so the overlay says what is being compared.
 */
export function describeDifference(other: RunConfig, current: RunConfig): string {
  const parts: string[] = [];
  if (other.layers.join(',') !== current.layers.join(',')) parts.push(`[${other.layers.join(', ')}]`);
  if (other.mode !== current.mode) parts.push(MODE_LABELS[other.mode]);
  if (other.seed !== current.seed) parts.push(`seed ${other.seed}`);
  if (other.activation !== current.activation) parts.push(ACTIVATION_LABELS[other.activation]);
  if (other.init !== current.init) parts.push(INIT_LABELS[other.init].replace(' (default)', ''));
  if (other.eta !== current.eta) parts.push(`η ${other.eta}`);
  if (other.lambda !== current.lambda) parts.push(`λ ${other.lambda}`);
  if (other.batchSize !== current.batchSize) parts.push(`batch ${other.batchSize}`);
  if (other.momentum !== current.momentum) parts.push(`μ ${other.momentum}`);
  if (other.exploding !== current.exploding) parts.push(other.exploding ? 'exploding preset' : 'no preset');
  return parts.length > 0 ? parts.join(' · ') : 'same settings';
}
