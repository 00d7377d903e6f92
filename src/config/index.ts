/**
 * A run's configuration: its type, its defaults and the one table of what each field may hold. The page
 * and the training worker both import it from here.
 */
export { DEFAULT_CONFIG, defaultConfig, epochsFor, MODES, type RunConfig, type TrainingMode } from './runConfig';
export {
  BOUNDED_FIELDS,
  BOUNDS,
  describeRule,
  MAX_BATCH_SIZE,
  MAX_CLIP_NORM,
  MAX_EPOCHS,
  MAX_LAMBDA,
  MAX_SEED,
  MAX_TYPED_ETA,
  withinBound,
  type BoundedField,
  type ChoiceBound,
  type FieldBound,
  type FlagBound,
  type NumberBound,
  type Origin,
} from './bounds';
export { checkField, checkLayerList, checkPauseAt, checkRunConfig, showValue, type ConfigProblem } from './check';
export {
  DEFAULT_PACE,
  MAX_SPEED,
  MIN_SPEED,
  nearestPace,
  PACE_SPEEDS,
  paceAt,
  PACES,
  unitsPerSecond,
  type PaceName,
} from './pace';
