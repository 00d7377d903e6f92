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
  MAX_SPEED,
  MAX_TYPED_ETA,
  MIN_SPEED,
  withinBound,
  type BoundedField,
  type ChoiceBound,
  type FieldBound,
  type FlagBound,
  type NumberBound,
  type Origin,
} from './bounds';
export { checkField, checkLayerList, checkRunConfig, showValue, type ConfigProblem } from './check';
