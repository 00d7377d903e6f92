/**
 * The worker's last check before the numbers: a configuration from the page is held against the same bounds
 * table the page uses, and only a clean copy of it is trained.
 */
import { PROBE_COUNT } from '../data/mnist';
import { checkField, checkPauseAt, checkRunConfig, MAX_EPOCHS, type RunConfig } from '../config';

/** A configuration the worker refuses, with a message naming the bad value. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Checks every field of a configuration from the page and returns a clean copy (nothing but the known
 * fields); throws ConfigError naming the first bad value.
 */
export function checkConfig(raw: unknown): RunConfig {
  let candidate = raw;
  if (typeof raw === 'object' && raw !== null) {
    const c = raw as Record<string, unknown>;
    // Learning-speed mode always trains on the whole 1000-image set, so a missing or odd batch size is not
    // worth refusing a run over there: it is simply not used.
    if (c.mode === 'learning-speed' && checkField('batchSize', c.batchSize) !== null) candidate = { ...c, batchSize: PROBE_COUNT };
  }
  const problems = checkRunConfig(candidate);
  if (problems.length > 0) throw new ConfigError(problems[0].message);
  const c = candidate as RunConfig;
  const config: RunConfig = {
    layers: [...c.layers],
    mode: c.mode,
    eta: c.eta,
    lambda: c.lambda,
    batchSize: c.batchSize,
    seed: c.seed,
    init: c.init,
    activation: c.activation,
    output: c.output,
    momentum: c.momentum,
    epochs: c.epochs,
    exploding: c.exploding,
    speed: c.speed,
  };
  if (c.probeEvery !== undefined) config.probeEvery = c.probeEvery;
  if (c.clipNorm !== undefined) config.clipNorm = c.clipNorm;
  if (c.pauseAt !== undefined) config.pauseAt = c.pauseAt;
  if (c.residual !== undefined) config.residual = c.residual;
  if (c.normalisation !== undefined) config.normalisation = c.normalisation;
  return config;
}

/** A pace sent on its own while a run goes on ('set-speed'), held against the same bound as in a configuration. */
export function checkSpeed(v: unknown): number {
  const problem = checkField('speed', v);
  if (problem !== null) throw new ConfigError(problem.message);
  return v as number;
}

/** A planned pause sent on its own ('set-pause-at'): null clears it; a number must lie within the run's budget. */
export function checkPauseAtValue(v: unknown, epochs: number): number | null {
  if (v === null) return null;
  const problem = checkField('pauseAt', v) ?? checkPauseAt(v, epochs);
  if (problem !== null) throw new ConfigError(problem.message);
  return v as number;
}

/** How many steps one 'step' asks for: a whole number, at most an epoch budget's worth. */
export function checkStepCount(v: unknown): number {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= MAX_EPOCHS) return v;
  throw new ConfigError(`a step count must be a whole number from 1 to ${MAX_EPOCHS}, got ${String(v)}`);
}

/**
 * A command's argument checked by `check`: the value, or null after `refuse` was told why. A refused
 * argument changes nothing, like a refused configuration.
 */
export function checkedArgument<T>(check: () => T, refuse: (message: string) => void): T | null {
  try {
    return check();
  } catch (err) {
    refuse(err instanceof Error ? err.message : String(err));
    return null;
  }
}
