/**
 * Checking a configuration against the bounds table. Nothing here throws: every bad field comes back as a
 * named problem, so the page can fall back field by field and the worker can refuse with the first one.
 */
import { LayerSpecError, MNIST_LAYER_LIMITS, validateLayers } from '../engine';
import { BOUNDED_FIELDS, BOUNDS, OPTIONAL_FIELDS, describeRule, withinBound, type BoundedField, type Origin } from './bounds';
import type { RunConfig } from './runConfig';

export interface ConfigProblem {
  /** The field at fault; 'config' when the whole value is not a configuration at all. */
  field: keyof RunConfig | 'config';
  /** A sentence fragment naming the field, the rule and the value: "seed must be … , got 2.5". */
  message: string;
}

/** How a refused value is quoted in a message: strings quoted, numbers as written, other things by kind. */
export function showValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) return String(v);
  return Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** The problem with one field's value, or null when the table accepts it. */
export function checkField(field: BoundedField, value: unknown, origin: Origin = 'code'): ConfigProblem | null {
  const bound = BOUNDS[field];
  return withinBound(bound, value, origin) ? null : { field, message: `${describeRule(bound, origin)}, got ${showValue(value)}` };
}

/**
 * The layer list by the engine's rules, plus the lab's own: at least one hidden layer, since the lab is about
 * the gradient in hidden layers and has nothing to draw without one.
 */
export function checkLayerList(value: unknown): ConfigProblem | null {
  let layers: number[];
  try {
    layers = validateLayers(value as readonly unknown[], { input: MNIST_LAYER_LIMITS.input, output: MNIST_LAYER_LIMITS.output });
  } catch (err) {
    if (err instanceof LayerSpecError) return { field: 'layers', message: err.message };
    throw err;
  }
  if (layers.length < 3)
    return { field: 'layers', message: `the network needs at least one hidden layer to probe, e.g. 784,30,10; got ${layers.join(',')}` };
  return null;
}

/**
 * Every problem of a configuration, in the order of the fields (the order of the URL keys), or [] when it
 * is a valid run. The OPTIONAL_FIELDS may be left out; every other field must be there. The page passes 'typed'
 * for values a person entered, which holds them to the table's typed ceilings as well.
 */
export function checkRunConfig(config: unknown, origin: Origin = 'code'): ConfigProblem[] {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    return [{ field: 'config', message: `the configuration must be an object, got ${showValue(config)}` }];
  }
  const c = config as Record<string, unknown>;
  const problems: ConfigProblem[] = [];
  const layers = checkLayerList(c.layers);
  if (layers !== null) problems.push(layers);
  for (const field of BOUNDED_FIELDS) {
    if (OPTIONAL_FIELDS.includes(field) && c[field] === undefined) continue;
    const problem = checkField(field, c[field], origin);
    if (problem !== null) problems.push(problem);
  }
  const pause = checkPauseAt(c.pauseAt, c.epochs);
  if (pause !== null && !problems.some((p) => p.field === 'pauseAt')) problems.push(pause);
  return problems;
}

/**
 * A pause beyond the epoch budget would never happen, and a teacher who typed it expects one; so it is
 * refused rather than silently ignored. Checked only when both values are themselves valid.
 */
export function checkPauseAt(pauseAt: unknown, epochs: unknown): ConfigProblem | null {
  if (pauseAt === undefined || !withinBound(BOUNDS.pauseAt, pauseAt) || !withinBound(BOUNDS.epochs, epochs)) return null;
  if ((pauseAt as number) <= (epochs as number)) return null;
  return {
    field: 'pauseAt',
    message: `${BOUNDS.pauseAt.label} must be a whole number from 1 to the epoch budget, ${epochs}, got ${pauseAt}`,
  };
}
