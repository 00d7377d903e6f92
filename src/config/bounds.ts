/**
 * The one table of what each field of a RunConfig may hold. The page checks what a person types or pastes
 * into the URL against it, and the worker checks every configuration it receives against it, so the two can
 * never disagree about what a valid run is. The layer list is the exception: its rules are the engine's own
 * (validateLayers), because the engine is what would break on a bad one.
 */
import { ACTIVATIONS, INITIALISERS, NORMALISATIONS, OUTPUTS } from '../engine';
import { MAX_SPEED, MIN_SPEED } from './pace';
import { MODES, type RunConfig } from './runConfig';

/** A number field: the interval it must lie in, and whether it counts something. */
export interface NumberBound {
  kind: 'number';
  /** How a sentence names the field, starting in lower case: the page capitalises it when it opens one. */
  label: string;
  min: number;
  max: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  integer?: boolean;
  /**
   * A lower ceiling for values a person types or pastes into the URL, where it exists. A configuration
   * built in code (a benchmark, a test that wants an overflow at once) is held only to `max`.
   */
  typedMax?: number;
}

export interface ChoiceBound {
  kind: 'choice';
  label: string;
  names: readonly string[];
}

export interface FlagBound {
  kind: 'flag';
  label: string;
}

export type FieldBound = NumberBound | ChoiceBound | FlagBound;

/** Every field except the layer list, in the order problems are reported (the order of the URL keys). */
export type BoundedField = Exclude<keyof RunConfig, 'layers'>;

/**
 * η is allowed far beyond any useful value: a huge η is how a student makes a run overflow on purpose and
 * sees the divergence message (η = 1000000 is the documented example). One step at that η already
 * overflows, so a typed value beyond it is a slipped key, not an experiment; code may go further.
 */
export const MAX_TYPED_ETA = 1_000_000;
/** The chapter uses λ up to 5; 1000 leaves room to overdo it on purpose and still catches a slipped digit. */
export const MAX_LAMBDA = 1000;
/** A fifth of the training set per step; beyond it a run is full-batch descent in all but name. */
export const MAX_BATCH_SIZE = 10_000;
/** Seeds are 32-bit: the engine's generator takes an unsigned 32-bit state. */
export const MAX_SEED = 0xffff_ffff;
/** Far beyond either experiment's budget (500 and 30), and still a run that ends. */
export const MAX_EPOCHS = 100_000;
/**
 * The clipping threshold c is a gradient length. The probe's ‖δˡ‖ of a healthy run is 1e-3..1 and the exploding
 * preset's first step is ~1e3 and beyond, so a threshold past a million never bites: a typo, not an experiment.
 */
export const MAX_CLIP_NORM = 1_000_000;

export const BOUNDS: { readonly [F in BoundedField]: FieldBound } = {
  mode: { kind: 'choice', label: 'mode', names: MODES },
  eta: { kind: 'number', label: 'η (learning rate)', min: 0, max: Infinity, minExclusive: true, typedMax: MAX_TYPED_ETA },
  lambda: { kind: 'number', label: 'λ (L2 regularisation)', min: 0, max: MAX_LAMBDA },
  batchSize: { kind: 'number', label: 'mini-batch size', min: 1, max: MAX_BATCH_SIZE, integer: true },
  seed: { kind: 'number', label: 'seed', min: 0, max: MAX_SEED, integer: true },
  init: { kind: 'choice', label: 'initialiser', names: INITIALISERS },
  activation: { kind: 'choice', label: 'activation', names: ACTIVATIONS },
  output: { kind: 'choice', label: 'output layer', names: OUTPUTS },
  // μ = 1 never forgets a gradient, so the velocity grows without bound.
  momentum: { kind: 'number', label: 'momentum μ', min: 0, max: 1, maxExclusive: true },
  epochs: { kind: 'number', label: 'epoch budget', min: 1, max: MAX_EPOCHS, integer: true },
  exploding: { kind: 'flag', label: 'exploding' },
  clipNorm: { kind: 'number', label: 'gradient-norm clipping threshold', min: 0, max: MAX_CLIP_NORM },
  // Any number in range: the pace table rounds it to the nearest step.
  speed: { kind: 'number', label: 'speed', min: MIN_SPEED, max: MAX_SPEED },
  probeEvery: { kind: 'number', label: 'probe interval (mini-batches)', min: 1, max: Infinity, integer: true },
  // The ceiling here is the table's; checkRunConfig also holds it to the run's own epoch budget.
  pauseAt: { kind: 'number', label: 'pause at epoch', min: 1, max: MAX_EPOCHS, integer: true },
  residual: { kind: 'flag', label: 'residual connections' },
  normalisation: { kind: 'choice', label: 'normalisation', names: NORMALISATIONS },
};

/** Fields a configuration may leave out: the worker chooses the probe interval, and the cures default to off. */
export const OPTIONAL_FIELDS: readonly BoundedField[] = ['probeEvery', 'pauseAt', 'clipNorm', 'residual', 'normalisation'];

export const BOUNDED_FIELDS = Object.keys(BOUNDS) as BoundedField[];

/** Where a value comes from: typed by a person (a control, the URL) or built in code. */
export type Origin = 'typed' | 'code';

/** The ceiling that applies to a value from `origin`. */
function ceiling(bound: NumberBound, origin: Origin): number {
  return origin === 'typed' && bound.typedMax !== undefined ? bound.typedMax : bound.max;
}

/** "η (learning rate) must be a number greater than 0 and at most 1000000": the rule, without the value. */
export function describeRule(bound: FieldBound, origin: Origin = 'code'): string {
  switch (bound.kind) {
    case 'number': {
      const max = ceiling(bound, origin);
      const kind = bound.integer ? 'a whole number' : 'a number';
      const lo = bound.minExclusive ? `greater than ${bound.min}` : `at least ${bound.min}`;
      const hi = max === Infinity ? '' : bound.maxExclusive ? ` and less than ${max}` : ` and at most ${max}`;
      return `${bound.label} must be ${kind} ${lo}${hi}`;
    }
    case 'choice':
      return `${bound.label} must be one of ${bound.names.join(', ')}`;
    case 'flag':
      return `${bound.label} must be true or false`;
    default: {
      const unreachable: never = bound;
      return unreachable;
    }
  }
}

/** True when `value` is within `bound`; the type is part of the bound, so a string "5" is not a number. */
export function withinBound(bound: FieldBound, value: unknown, origin: Origin = 'code'): boolean {
  switch (bound.kind) {
    case 'number': {
      const max = ceiling(bound, origin);
      return (
        typeof value === 'number' &&
        Number.isFinite(value) &&
        (!bound.integer || Number.isInteger(value)) &&
        (bound.minExclusive ? value > bound.min : value >= bound.min) &&
        (bound.maxExclusive ? value < max : value <= max)
      );
    }
    case 'choice':
      return typeof value === 'string' && bound.names.includes(value);
    case 'flag':
      return typeof value === 'boolean';
    default: {
      const unreachable: never = bound;
      return unreachable;
    }
  }
}
