/**
 * The page's side of the configuration: labels for the controls, reading what a person types or pastes into
 * the URL, and the URL mirror. What a valid value is comes from the bounds table in src/config, the same one
 * the worker checks against. A URL is something a teacher pastes into a projector's browser, so a
 * hand-edited bad value must never break the page: it is ignored, named in a notice, and the default takes
 * its place.
 */
import { LayerSpecError, MNIST_LAYER_LIMITS, parseLayers, type ActivationName, type InitName } from '../engine';
import {
  BOUNDS,
  checkField,
  checkLayerList,
  checkRunConfig,
  DEFAULT_CONFIG,
  defaultConfig,
  checkPauseAt,
  epochsFor,
  MODES,
  nearestPace,
  PACE_SPEEDS,
  paceAt,
  PACES,
  withinBound,
  type BoundedField,
  type NumberBound,
  type PaceName,
  type RunConfig,
  type TrainingMode,
} from '../config';
import { quote, ruleSentence, urlText } from './urlText';
import { t } from '../i18n/catalogue';
import type { Lang } from '../i18n/lang';

/** MNIST pins the ends of the network: 28×28 pixels in, ten digits out. */
export const INPUT_SIZE = MNIST_LAYER_LIMITS.input;
export const OUTPUT_SIZE = MNIST_LAYER_LIMITS.output;
/** The engine's bounds, so the page never offers a network the worker would refuse. */
export const MAX_HIDDEN_WIDTH = MNIST_LAYER_LIMITS.maxHiddenWidth;
export const MAX_HIDDEN_LAYERS = MNIST_LAYER_LIMITS.maxHiddenLayers;
/** The width the "Add hidden layer" button gives a new layer, as in every network of the chapter. */
export const NEW_LAYER_WIDTH = 30;

/** The initialisers as the menu names them, in `lang`. */
export function initLabels(lang: Lang): Record<InitName, string> {
  const c = t(lang).choices;
  return { default: c.initDefault, large: c.initLarge, xavier: 'Xavier', he: 'He', 'glorot-standard': c.initGlorot };
}
export function activationLabels(lang: Lang): Record<ActivationName, string> {
  return { sigmoid: t(lang).choices.sigmoid, tanh: 'tanh', relu: 'ReLU' };
}
export function modeLabels(lang: Lang): Record<TrainingMode, string> {
  const c = t(lang).choices;
  return { 'learning-speed': c.modeSpeed, sgd: c.modeSgd };
}
export function paceLabels(lang: Lang): Record<PaceName, string> {
  const p = t(lang).pace;
  return { lesson: p.lesson, brisk: p.brisk, fast: p.fast, full: p.full };
}
export const INIT_LABELS = initLabels('en');
export const ACTIVATION_LABELS = activationLabels('en');
export const MODE_LABELS = modeLabels('en');

/** A validator returns the accepted value, or a sentence saying what a valid value looks like. */
export type Check<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * A field's validator: the typed text, and the language its refusal is said in. A field keeps the refused
 * text and asks again when the language changes, so the sentence under it switches with the page.
 */
export type FieldCheck<T> = (text: string, lang?: Lang) => Check<T>;

function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  // Number('') is 0 and Number('0x10') is 16; neither is what someone typing a learning rate meant.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/**
 * True when `text` writes a number other than 0 that rounds to 0 ("1e-400"): taken at its word it would
 * silently become 0, which for λ, μ or the seed is a valid and entirely different setting.
 */
function underflows(text: string, value: number): boolean {
  if (value !== 0) return false;
  const mantissa = text.trim().split(/e/i)[0];
  return /[1-9]/.test(mantissa);
}

/** A number as typed, quoted only when it is long enough to need cutting. */
function shownNumber(text: string, lang: Lang = 'en'): string {
  const trimmed = text.trim();
  return trimmed.length > 40 ? quote(trimmed, lang) : trimmed;
}

/** A field of the bounds table, or a number field outside it with its bound and its name in `lang`. */
type NumberTarget = BoundedField | { bound: NumberBound; label: string };

/** A number field's rule as a sentence of its own, in `lang`. */
function numberRule(target: NumberTarget, lang: Lang): string {
  if (typeof target === 'string') {
    const bound = numberBound(target);
    return ruleSentence(target, bound, lang, bound.typedMax ?? bound.max);
  }
  const { bound, label } = target;
  const words = t(lang).url;
  const hi = bound.max === Infinity ? null : { value: bound.max, exclusive: bound.maxExclusive === true };
  return words.opening(words.rule.number(label, bound.integer === true, { value: bound.min, exclusive: bound.minExclusive === true }, hi));
}

/** Typed text against a number bound; the message quotes what was typed, not what it parsed to. */
function checkNumberText(text: string, target: NumberTarget, lang: Lang): Check<number> {
  const bound = typeof target === 'string' ? numberBound(target) : target.bound;
  const value = parseNumber(text);
  const words = t(lang).url;
  const rule = numberRule(target, lang);
  if (value === null) return { ok: false, message: words.got(rule, quote(text, lang)) };
  if (underflows(text, value)) return { ok: false, message: words.ruleAndWhy(rule, urlText(lang).underflow(text.trim())) };
  if (!withinBound(bound, value, 'typed')) return { ok: false, message: words.got(rule, shownNumber(text, lang)) };
  return { ok: true, value };
}

function numberBound(field: BoundedField): NumberBound {
  const bound = BOUNDS[field];
  if (bound.kind !== 'number') throw new Error(`${field} is not a number field`);
  return bound;
}

const checkNumberField =
  (field: BoundedField): FieldCheck<number> =>
  (text, lang = 'en') =>
    checkNumberText(text, field, lang);

export const checkEta = checkNumberField('eta');
export const checkLambda = checkNumberField('lambda');
export const checkBatchSize = checkNumberField('batchSize');
export const checkSeed = checkNumberField('seed');
export const checkMomentum = checkNumberField('momentum');
export const checkClipNorm = checkNumberField('clipNorm');
export const checkSpeed = checkNumberField('speed');

/**
 * The pause field: empty means no planned pause; otherwise a whole number from 1 to this run's budget,
 * worded by the same table the worker checks against.
 */
export function checkPauseAtText(text: string, epochs: number, lang: Lang = 'en'): Check<number | null> {
  if (text.trim() === '') return { ok: true, value: null };
  const typed = checkNumberText(text, 'pauseAt', lang);
  if (!typed.ok) return typed;
  if (checkPauseAt(typed.value, epochs) === null) return typed;
  const words = t(lang).url;
  return { ok: false, message: words.opening(words.rule.pauseBudget(words.labels.pauseAt, epochs, typed.value)) };
}

/** How each named pace is called on screen (English; paceLabels(lang) for the page's language). */
export const PACE_LABELS = paceLabels('en');
export const checkHiddenWidth = (text: string, layer: number, lang: Lang = 'en') =>
  checkNumberText(
    text,
    {
      bound: { kind: 'number', label: `width of hidden layer ${layer}`, min: 1, max: MAX_HIDDEN_WIDTH, integer: true },
      label: t(lang).url.hiddenWidth(layer),
    },
    lang,
  );

/** Names are matched without regard to case or surrounding spaces: "SGD " in a URL means sgd. */
function checkChoiceText(text: string, field: 'mode' | 'init' | 'activation'): Check<string> {
  const value = text.trim().toLowerCase();
  if (checkField(field, value, 'typed') !== null)
    return { ok: false, message: t('en').url.got(ruleSentence(field, BOUNDS[field], 'en'), quote(text)) };
  return { ok: true, value };
}

export const checkMode = (text: string) => checkChoiceText(text, 'mode') as Check<TrainingMode>;
export const checkInit = (text: string) => checkChoiceText(text, 'init') as Check<InitName>;
export const checkActivation = (text: string) => checkChoiceText(text, 'activation') as Check<ActivationName>;

/** A switch as a URL writes it: 1/0, with true/false, on/off and yes/no understood too. */
export function checkBoolean(text: string, what: string, lang: Lang = 'en'): Check<boolean> {
  const word = text.trim().toLowerCase();
  if (word === '1' || word === 'true' || word === 'on' || word === 'yes') return { ok: true, value: true };
  if (word === '0' || word === 'false' || word === 'off' || word === 'no') return { ok: true, value: false };
  return { ok: false, message: t(lang).url.rule.switch(what, quote(text, lang)) };
}

/** Layers as written in the URL, "784,30,30,10": the engine's own rules, so the page and worker agree. */
export function checkLayers(text: string): Check<number[]> {
  let layers: number[];
  try {
    layers = parseLayers(text, { input: INPUT_SIZE, output: OUTPUT_SIZE });
  } catch (err) {
    if (err instanceof LayerSpecError) return { ok: false, message: err.message };
    throw err;
  }
  const problem = checkLayerList(layers);
  return problem === null ? { ok: true, value: layers } : { ok: false, message: problem.message };
}

/** The query-string keys, in the order they are written. */
export const URL_KEYS = [
  'layers',
  'mode',
  'eta',
  'lambda',
  'batch',
  'seed',
  'init',
  'activation',
  'momentum',
  'exploding',
  'clip',
  'speed',
  'pauseAt',
  'residual',
  'norm',
] as const;
type UrlKey = (typeof URL_KEYS)[number];

export interface ParsedQuery {
  config: RunConfig;
  /** One sentence per ignored parameter, naming it, the bad value and the default used instead, in the language asked for. */
  notices: string[];
}

/** The field each URL key sets. */
const URL_FIELDS: Record<UrlKey, keyof RunConfig> = {
  layers: 'layers',
  mode: 'mode',
  eta: 'eta',
  lambda: 'lambda',
  batch: 'batchSize',
  seed: 'seed',
  init: 'init',
  activation: 'activation',
  momentum: 'momentum',
  exploding: 'exploding',
  clip: 'clipNorm',
  speed: 'speed',
  pauseAt: 'pauseAt',
  residual: 'residual',
  norm: 'normalisation',
};

/** How a notice names the default that stands in for an ignored value. */
function shownDefault(key: UrlKey, lang: Lang): string {
  // The initialiser's default is literally named "default"; say what it is rather than "the default, default".
  if (key === 'init') return `${quote(DEFAULT_CONFIG.init, lang)} (${t(lang).choices.initDefaultShort})`;
  if (key === 'exploding') return DEFAULT_CONFIG.exploding ? '1' : '0';
  if (key === 'speed') return nearestPace(DEFAULT_CONFIG.speed);
  if (key === 'pauseAt') return t(lang).url.noPause;
  // The cures are left out of the default configuration: off.
  if (key === 'residual') return '0';
  if (key === 'norm') return t(lang).url.none;
  const value = DEFAULT_CONFIG[URL_FIELDS[key]];
  if (value === undefined) return '0';
  return Array.isArray(value) ? value.join(',') : String(value);
}

/**
 * The longest layers text worth reading: ten hidden layers of four digits, the ends and the commas fit in
 * 60 characters, so anything past this is not a network and is not quoted whole.
 */
const MAX_LAYERS_TEXT = 120;

/** Turns one parameter's text into a value of the right type; whether the value is allowed is checked after. */
function readParam(key: UrlKey, text: string, lang: Lang): Check<unknown> {
  const words = t(lang).url;
  const q = (value: string) => quote(value, lang);
  const rule = (field: BoundedField) => ruleSentence(field, BOUNDS[field], lang, typedCeiling(field));
  switch (key) {
    case 'layers':
      // The engine's message quotes the offending width whole; a pasted page of text is cut short first.
      if (text.length > MAX_LAYERS_TEXT) return { ok: false, message: words.rule.layers(urlText(lang).tooLong(text)) };
      try {
        return { ok: true, value: parseLayers(text, { input: INPUT_SIZE, output: OUTPUT_SIZE }) };
      } catch (err) {
        if (err instanceof LayerSpecError) return { ok: false, message: words.layerProblem(err.problem) };
        throw err;
      }
    case 'mode':
    case 'init':
    case 'activation':
    case 'norm':
      return { ok: true, value: text.trim().toLowerCase() };
    case 'exploding':
      return checkBoolean(text, 'exploding', lang);
    case 'speed': {
      // A pace is written by name; a number is a speed on the scale underneath (see src/config/pace.ts).
      const name = PACES.find((p) => p === text.trim().toLowerCase());
      if (name !== undefined) return { ok: true, value: PACE_SPEEDS[name] };
      const value = parseNumber(text);
      return value === null ? { ok: false, message: words.rule.speed(PACES, q(text)) } : { ok: true, value };
    }
    case 'residual':
      return checkBoolean(text, 'residual', lang);
    default: {
      const field = URL_FIELDS[key] as BoundedField;
      const value = parseNumber(text);
      if (value === null) return { ok: false, message: words.got(rule(field), q(text)) };
      if (underflows(text, value)) return { ok: false, message: words.ruleAndWhy(rule(field), urlText(lang).underflow(text.trim())) };
      return { ok: true, value };
    }
  }
}

/** Why the bounds table refused a parameter, quoting the text as it was in the URL. */
function refusal(key: UrlKey, text: string, message: string, lang: Lang, epochs: number): string {
  const field = URL_FIELDS[key];
  if (field === 'layers') return message;
  // The budget rule is not the table's own rule, so its message is the one that says why.
  if (field === 'pauseAt' && message.includes('epoch budget')) {
    const words = t(lang).url;
    return words.opening(words.rule.pauseBudget(words.labels.pauseAt, epochs, Number(text.trim())));
  }
  const bound = BOUNDS[field];
  const rule = ruleSentence(field, bound, lang, typedCeiling(field));
  return t(lang).url.got(rule, bound.kind === 'number' ? shownNumber(text, lang) : quote(text, lang));
}

/** The ceiling a typed value of `field` is held to (the table's typedMax where it has one). */
function typedCeiling(field: BoundedField): number | undefined {
  const bound = BOUNDS[field];
  return bound.kind === 'number' ? (bound.typedMax ?? bound.max) : undefined;
}

/**
 * Reads a configuration from a query string ("?layers=784,30,10&seed=2"). Keys it does not read are left to
 * queryKeys.ts, which names the unknown ones.
 * Each parameter is first read as text, then the whole configuration is checked against the bounds table
 * the worker uses; every refused value falls back to its default with a notice, in the order of the keys.
 */
export function parseQuery(search: string, lang: Lang = 'en'): ParsedQuery {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const config = defaultConfig();
  const fields = config as unknown as Record<string, unknown>;
  const refused = new Map<UrlKey, string>();
  for (const key of URL_KEYS) {
    const text = params.get(key);
    if (text === null) continue;
    const read = readParam(key, text, lang);
    if (read.ok) fields[URL_FIELDS[key]] = read.value;
    else refused.set(key, read.message);
  }
  // The budget follows the mode, and a planned pause is checked against the budget of the run it will be in.
  config.epochs = epochsFor(MODES.includes(config.mode) ? config.mode : DEFAULT_CONFIG.mode);
  for (const problem of checkRunConfig(config, 'typed')) {
    const key = URL_KEYS.find((k) => URL_FIELDS[k] === problem.field);
    if (key === undefined) throw new Error(`the default configuration is refused: ${problem.message}`);
    const field = URL_FIELDS[key];
    if (field === 'pauseAt') delete config.pauseAt;
    else fields[field] = field === 'layers' ? [...DEFAULT_CONFIG.layers] : DEFAULT_CONFIG[field];
    refused.set(key, refusal(key, params.get(key) ?? '', problem.message, lang, config.epochs));
  }
  config.epochs = epochsFor(config.mode);
  const notices = URL_KEYS.filter((k) => refused.has(k)).map((k) => t(lang).url.ignored(k, refused.get(k) ?? '', shownDefault(k, lang)));
  // Links made before the named paces carry a number from 1 to 10. The page offers only the named
  // paces, so such a number becomes the nearest one, and the page says what it now means.
  const pace = paceAt(config.speed);
  if (pace === null) {
    const nearest = nearestPace(config.speed);
    notices.push(t(lang).url.nearestPace(quote(`speed=${params.get('speed')}`, lang), paceLabels(lang)[nearest]));
    config.speed = PACE_SPEEDS[nearest];
  }
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
    ['speed', paceAt(config.speed) ?? String(config.speed)],
  ];
  // Clipping is written only when on: off is the chapter's plain SGD and always will be, so links made
  // before the setting existed and links made without it read the same.
  if ((config.clipNorm ?? 0) > 0) pairs.push(['clip', String(config.clipNorm)]);
  if (config.pauseAt !== undefined) pairs.push(['pauseAt', String(config.pauseAt)]);
  // The cures are written only when on, so every URL of the chapter's own networks stays as it was.
  if (config.residual === true) pairs.push(['residual', '1']);
  if (config.normalisation !== undefined && config.normalisation !== 'none') pairs.push(['norm', config.normalisation]);
  // Commas stay readable in the layers list; everything else is a plain token already.
  return `?${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2C/g, ',')}`).join('&')}`;
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
    (before.clipNorm ?? 0) !== (after.clipNorm ?? 0) ||
    before.output !== after.output ||
    (before.residual ?? false) !== (after.residual ?? false) ||
    (before.normalisation ?? 'none') !== (after.normalisation ?? 'none')
  );
}

/**
 * What sets another run apart from `current`, in a few words: "seed 1 · ReLU · He".
 * Used as the legend of a pinned run so the overlay says what is being compared.
 */
export function describeDifference(other: RunConfig, current: RunConfig, lang: Lang = 'en'): string {
  const d = t(lang).difference;
  const parts: string[] = [];
  if (other.layers.join(',') !== current.layers.join(',')) parts.push(`[${other.layers.join(', ')}]`);
  if (other.mode !== current.mode) parts.push(modeLabels(lang)[other.mode]);
  if (other.seed !== current.seed) parts.push(d.seed(other.seed));
  if (other.activation !== current.activation) parts.push(activationLabels(lang)[other.activation]);
  if (other.init !== current.init) parts.push(other.init === 'default' ? t(lang).choices.initDefaultShort : initLabels(lang)[other.init]);
  if (other.eta !== current.eta) parts.push(`η ${other.eta}`);
  if (other.lambda !== current.lambda) parts.push(`λ ${other.lambda}`);
  if (other.batchSize !== current.batchSize) parts.push(d.batch(other.batchSize));
  if (other.momentum !== current.momentum) parts.push(`μ ${other.momentum}`);
  if (other.exploding !== current.exploding) parts.push(other.exploding ? d.exploding : d.noPreset);
  if ((other.clipNorm ?? 0) !== (current.clipNorm ?? 0)) parts.push((other.clipNorm ?? 0) > 0 ? d.clip(other.clipNorm ?? 0) : d.noClip);
  if ((other.residual ?? false) !== (current.residual ?? false)) parts.push(other.residual ? d.residual : d.noSkips);
  if ((other.normalisation ?? 'none') !== (current.normalisation ?? 'none'))
    parts.push(other.normalisation === 'layer' ? d.layerNorm : d.noNorm);
  return parts.length > 0 ? parts.join(' · ') : d.same;
}
