/**
 * Everything that belongs to one configured network, and the training steps that advance it. Nothing here
 * posts a message or reads a clock: the steps report what happened and the trainer decides what to say.
 */
import { PROBE_COUNT } from '../data/mnist';
import {
  applyExplodingPresetPieces,
  createRng,
  Evaluator,
  finish,
  ActivationStats,
  GradientSum,
  GradientProbe,
  LayerFactorNorms,
  Network,
  PIECE_WORK,
  type PieceMeter,
  shuffle,
  simdAvailable,
  unlimitedMeter,
  WORK_PER_MULTIPLY_ADD,
  type Pieces,
  Trainer,
  type Rng,
  type Samples,
} from '../engine';
import type { RunConfig } from '../config';
import type { RunStatus } from './protocol';
import { sgdProbeInterval } from './schedule';

/** Replaced as a whole by the next good 'configure'. */
export interface Model {
  /** The worker's own copy; set-preset and set-speed update it. */
  config: RunConfig;
  net: Network;
  trainer: Trainer;
  factors: LayerFactorNorms;
  /** Built once the probe images are here, like everything that needs them. */
  probe: GradientProbe | null;
  /** The activation statistics of the same probe images (saturation per layer), built with the probe. */
  activationStats: ActivationStats | null;
  /** Weights drawn (and the preset applied) and the first snapshot posted. */
  ready: boolean;
  /** Seeded stream: draws the initial weights, then shuffles each SGD epoch (as network2.py's one global RNG). */
  rng: Rng;
  status: RunStatus;
  /** Completed epochs. */
  epoch: number;
  /** Mini-batches completed in the current epoch (SGD mode; always 0 in learning-speed mode). */
  batch: number;
  /** Learning-speed mode: 0..n−1 over the probe images. SGD mode: the training images in this epoch's order. */
  order: Uint32Array | null;
  /** The epoch `order` was shuffled for (SGD mode), −1 before the first. */
  shuffledFor: number;
  /** Batch index at which the current SGD probe interval ends, 0 when no interval is open. */
  intervalEnd: number;
  /** Σ (batch cost × batch size) and Σ batch size over the current epoch. */
  epochCost: number;
  epochExamples: number;
  /** SGD mode, after an epoch: validation images evaluated so far, −1 when no evaluation is under way. */
  validated: number;
  /** Validation images classified correctly so far. */
  validCorrect: number;
  /** Weights and biases loaded from a file: every (re-)initialisation puts them in place of the seed's draw. */
  loaded: { weights: Float32Array[]; biases: Float32Array[] } | null;
  /** Learning-speed mode on a wide network: the epoch's gradient, summed a block of probe images at a time (else null). */
  epochSum: GradientSum | null;
  /** Probe images whose gradient is in epochSum: the epoch in progress has got this far. */
  epochDone: number;
  /** Images per block of epochSum: fixed per network, so the sum's rounding never depends on timing. */
  blockImages: number;
  /**
   * SGD mode, when a mini-batch is too much work for one piece (a wide network or a large batch): each
   * mini-batch's gradient, summed a block at a time (else null, and Trainer takes the step).
   */
  batchSum: GradientSum | null;
  /** Validation images evaluated per unit of work: fewer on wide networks, so a unit stays short. */
  validationSlice: number;
  /** Evaluates the validation images; made at the first validation (its copy of a wide network's weights is large). */
  evaluator: Evaluator | null;
  /** Whether the evaluator has taken in the weights of the epoch being validated. */
  validationPrepared: boolean;
}

/**
 * The gradient of one block of images is one pass through the network; blocks are sized so that a pass does
 * about this many multiply-adds (forward, backward and the weight gradient: ~3 per weight and image).
 * About 20 ms on the JavaScript loops; a slice of an epoch is one or more whole blocks.
 */
const BLOCK_WORK = 6e6;
const MAX_BLOCK_IMAGES = 100;
/**
 * At least two images per block: with one, each layer's pass is a matrix-vector product that reads every
 * weight (and writes every gradient) for a single image, so it is bound by memory; a second image rides on
 * the same reads. On [784, 1000 × 10, 10] a block of 2 took about as long as a block of 1 (bench:slices).
 */
const MIN_BLOCK_IMAGES = 2;

/**
 * Networks up to this many weights take each learning-speed epoch as one unsplit step on the fused kernels
 * (the chapter's networks: [784, 30 × 4, 10] has 24,320 weights and its whole epoch takes a few
 * milliseconds); wider ones sum their epoch in blocks, a slice at a time.
 */
export const UNSLICED_MAX_WEIGHTS = 50_000;

function weightCount(layers: readonly number[]): number {
  let weights = 0;
  for (let l = 0; l + 1 < layers.length; l++) weights += layers[l] * layers[l + 1];
  return weights;
}

/** Images per block for a network of these layer sizes: a few images on the widest networks, 100 on small ones. */
export function blockImagesFor(layers: readonly number[]): number {
  const weights = weightCount(layers);
  return Math.max(MIN_BLOCK_IMAGES, Math.min(MAX_BLOCK_IMAGES, Math.floor(BLOCK_WORK / (3 * weights))));
}

/** Validation images evaluated per unit of work: ~10 ms on the chapter's networks, so a pause during validation is obeyed promptly. */
export const VALIDATION_SLICE = 1000;

/**
 * A mini-batch whose size × weights is over this takes its step in blocks (GradientSum) rather than as one
 * Trainer step: [784, 30, 10] with mini-batches of 100 (2.4 million) stays one step of a few milliseconds;
 * [784, 1000 × 10, 10] with mini-batches of 10 (100 million) was ~150 ms in one piece (bench:slices).
 */
export const SGD_UNSLICED_MAX_WORK = 5e6;

/**
 * Validation images per unit: what fits in a piece (core/pieces.ts) on this network's forward pass, at most
 * VALIDATION_SLICE. The evaluator takes in the weights once per validation, in pieces of their own
 * (prepareValidation), so a slice is all forward passes: 16 images on [784, 1000 × 10, 10].
 */
export function validationSliceFor(layers: readonly number[], simd: boolean): number {
  const perImage = weightCount(layers) * (simd ? WORK_PER_MULTIPLY_ADD.simd : WORK_PER_MULTIPLY_ADD.js);
  return Math.max(1, Math.min(VALIDATION_SLICE, Math.floor(PIECE_WORK / perImage)));
}

export function buildModel(config: RunConfig): Model {
  const net = new Network({
    layers: config.layers,
    activation: config.activation,
    output: config.output,
    residual: config.residual ?? false,
    normalisation: config.normalisation ?? 'none',
  });
  // Learning-speed mode trains on the whole probe set at once: one step of up to 1000 images, taken by the
  // trainer on a small network, summed a block at a time (epochSum) on a wide one.
  const learningSpeed = config.mode === 'learning-speed';
  const sliced = learningSpeed && weightCount(config.layers) > UNSLICED_MAX_WEIGHTS;
  const blockImages = blockImagesFor(config.layers);
  const batchSliced = !learningSpeed && config.batchSize * weightCount(config.layers) > SGD_UNSLICED_MAX_WORK;
  return {
    config,
    net,
    trainer: new Trainer(net, sliced || batchSliced ? 1 : learningSpeed ? PROBE_COUNT : config.batchSize),
    // ‖M‖ is shown to three digits; a relative tolerance of 1e-6 saves iterations on wide layers.
    factors: new LayerFactorNorms(net, { tolerance: 1e-6 }),
    probe: null,
    activationStats: null,
    ready: false,
    rng: createRng(config.seed),
    status: 'idle',
    epoch: 0,
    batch: 0,
    order: null,
    shuffledFor: -1,
    intervalEnd: 0,
    epochCost: 0,
    epochExamples: 0,
    validated: -1,
    validCorrect: 0,
    loaded: null,
    epochSum: sliced ? new GradientSum(net, blockImages) : null,
    epochDone: 0,
    blockImages,
    batchSum: batchSliced ? new GradientSum(net, Math.min(blockImages, config.batchSize)) : null,
    validationSlice: validationSliceFor(config.layers, simdAvailable()),
    evaluator: null,
    validationPrepared: false,
  };
}

/** 0, 1, …, n−1: the images in their stored order. */
function fillIdentity(order: Uint32Array): Uint32Array {
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order;
}

/** Back to epoch 0 with the same weights: a new curve starts here. */
export function restartCounters(m: Model): void {
  m.epoch = 0;
  m.batch = 0;
  m.shuffledFor = -1;
  m.intervalEnd = 0;
  m.epochCost = 0;
  m.epochExamples = 0;
  m.validated = -1;
  m.validCorrect = 0;
  m.validationPrepared = false;
  m.trainer.resetVelocity();
  m.epochSum?.clear();
  m.epochSum?.resetVelocity();
  m.epochDone = 0;
  m.batchSum?.clear();
  m.batchSum?.resetVelocity();
  if (m.order !== null && m.config.mode === 'sgd') fillIdentity(m.order);
}

/**
 * Draws the weights from the seed (a fresh stream, so reset and configure give the same numbers), then
 * applies the exploding-gradient preset if it is on. Needs the probe images: the preset sets each later
 * layer's biases from the mean activation over them.
 */
export function initialiseWeights(m: Model, probe: Samples): void {
  finish(initialiseWeightsPieces(m, probe, unlimitedMeter()));
}

/** initialiseWeights with the drawing in pieces of `meter`'s size: the widest networks have 10 million weights. */
export function* initialiseWeightsPieces(m: Model, probe: Samples, meter: PieceMeter): Pieces<void> {
  m.rng = createRng(m.config.seed);
  yield* m.net.initializePieces(m.config.init, m.rng, meter);
  // The seed's draw still happens first, so the rest of the stream (the SGD shuffles) is the seed's own.
  if (m.loaded !== null) m.net.setLayers(m.loaded.weights, m.loaded.biases);
  if (m.config.exploding) yield* applyExplodingPresetPieces(m.net, probe, meter);
  restartCounters(m);
}

/**
 * After the exploding preset was switched in m.config, in pieces. On: applied to the current weights, as the
 * chapter builds it on top of a network. Off: the preset cannot be undone layer by layer, so the network is
 * re-initialised from the seed, which gives exactly the weights a configuration without the preset starts
 * from. Either way the counters restart at epoch 0.
 */
export function* switchPresetPieces(m: Model, probe: Samples, meter: PieceMeter): Pieces<void> {
  if (m.config.exploding) {
    yield* applyExplodingPresetPieces(m.net, probe, meter);
    restartCounters(m);
  } else {
    yield* initialiseWeightsPieces(m, probe, meter);
  }
}

/** Everything that waits for the probe images: the probe itself and the weights. The caller posts the first snapshot. */
export function prepareModel(m: Model, probe: Samples): void {
  finish(prepareModelPieces(m, probe, unlimitedMeter()));
}

/**
 * prepareModel with the weights drawn in pieces. The model counts as ready from the start: whatever comes
 * next for it (a start, a step) waits behind these pieces, since the loop finishes them first.
 */
export function* prepareModelPieces(m: Model, probe: Samples, meter: PieceMeter): Pieces<void> {
  m.probe = new GradientProbe(m.net, probe);
  m.activationStats = new ActivationStats(m.net, probe, m.probe.count);
  if (m.config.mode === 'learning-speed') m.order = fillIdentity(new Uint32Array(probe.count));
  m.ready = true;
  yield* initialiseWeightsPieces(m, probe, meter);
}

/**
 * Learning-speed mode, part of an epoch: adds the gradient of the next `blocks` blocks of probe images to
 * the epoch's sum. Returns the images summed so far; the epoch's step waits for all of them.
 */
export function sumFullBatch(m: Model, samples: Samples, blocks: number): number {
  for (let b = 0; b < blocks && m.epochDone < samples.count; b++) finish(sumNextBlock(m, samples, unlimitedMeter()));
  return m.epochDone;
}

/** The next block of sumFullBatch in pieces of `meter`'s size; returns the images summed so far. */
export function* sumNextBlock(m: Model, samples: Samples, meter: PieceMeter): Pieces<number> {
  if (m.order === null || m.epochSum === null) throw new Error('the probe images are not loaded');
  const size = Math.min(m.blockImages, samples.count - m.epochDone);
  if (size > 0) yield* m.epochSum.addPieces(samples, m.order, m.epochDone, size, meter);
  m.epochDone += size;
  return m.epochDone;
}

/** Learning-speed mode, once every probe image is summed: the epoch's one step. Returns the epoch's mean cost. */
export function finishFullBatch(m: Model, samples: Samples): number {
  if (m.epochSum === null || m.epochDone < samples.count)
    throw new Error(`the epoch's step needs all ${samples.count} probe images, ${m.epochDone} are summed`);
  const { eta, lambda, momentum, clipNorm } = m.config;
  const cost = m.epochSum.apply({ eta, lambda, trainingSize: samples.count, momentum, clipNorm });
  m.epochDone = 0;
  m.epoch++;
  return cost;
}

/** Learning-speed mode (figs. 5-7): one full-batch gradient-descent step on the probe images = one epoch. Returns the cost. */
export function trainFullBatch(m: Model, samples: Samples): number {
  if (m.epochSum !== null) {
    sumFullBatch(m, samples, Math.ceil(samples.count / m.blockImages));
    return finishFullBatch(m, samples);
  }
  if (m.order === null) throw new Error('the probe images are not loaded');
  const { eta, lambda, momentum, clipNorm } = m.config;
  const cost = m.trainer.step(samples, m.order, 0, samples.count, { eta, lambda, trainingSize: samples.count, momentum, clipNorm });
  m.epoch++;
  return cost;
}

export interface MiniBatchResult {
  cost: number;
  /** Examples in the batch: the last batch of an epoch may be short. */
  size: number;
  /** The batch completed an epoch: `epoch` has moved on and `batch` is back to 0. */
  endOfEpoch: boolean;
  /** The batch completed a probe interval within the epoch. */
  endOfInterval: boolean;
}

/** SGD mode (the opening table): one mini-batch, shuffling at the start of each epoch as network2.py does. */
export function trainMiniBatch(m: Model, training: Samples): MiniBatchResult {
  return finish(trainMiniBatchPieces(m, training, unlimitedMeter()));
}

/**
 * trainMiniBatch in pieces of `meter`'s size: where the model sums its mini-batches in blocks (batchSum), the
 * step is taken once every block is in; otherwise Trainer takes it at once. Which of the two is fixed by the
 * configuration, so a run's numbers never depend on how the pieces were timed.
 */
export function* trainMiniBatchPieces(m: Model, training: Samples, meter: PieceMeter): Pieces<MiniBatchResult> {
  const { batchSize, eta, lambda, momentum, clipNorm } = m.config;
  const perEpoch = Math.ceil(training.count / batchSize);
  if (m.order === null || m.order.length !== training.count) m.order = fillIdentity(new Uint32Array(training.count));
  if (m.shuffledFor !== m.epoch) {
    shuffle(m.order, m.rng); // network2.py: random.shuffle(training_data) at the start of every epoch
    m.shuffledFor = m.epoch;
    m.epochCost = 0;
    m.epochExamples = 0;
  }
  if (m.intervalEnd <= m.batch) {
    const every = m.config.probeEvery ?? sgdProbeInterval(batchSize, m.probe?.count ?? PROBE_COUNT, m.config.speed);
    m.intervalEnd = Math.min(perEpoch, m.batch + every);
  }
  const offset = m.batch * batchSize;
  const size = Math.min(batchSize, training.count - offset);
  const opts = { eta, lambda, trainingSize: training.count, momentum, clipNorm };
  let cost: number;
  if (m.batchSum === null) cost = m.trainer.step(training, m.order, offset, size, opts);
  else {
    // A batch left half-summed (a pause, then a reset) must not leak into this one.
    if (m.batchSum.examples === 0) m.batchSum.clear();
    for (let done = m.batchSum.examples; done < size; done = m.batchSum.examples) {
      yield* m.batchSum.addPieces(training, m.order, offset + done, Math.min(m.batchSum.maxChunk, size - done), meter);
    }
    cost = m.batchSum.apply(opts);
  }
  m.batch++;
  const result = { cost, size, endOfEpoch: false, endOfInterval: false };
  if (!Number.isFinite(cost)) return result;
  m.epochCost += cost * size;
  m.epochExamples += size;
  if (m.batch >= perEpoch) {
    m.epoch++;
    m.batch = 0;
    m.intervalEnd = 0;
    result.endOfEpoch = true;
  } else if (m.batch >= m.intervalEnd) {
    m.intervalEnd = 0;
    result.endOfInterval = true;
  }
  return result;
}

/** After an epoch: validation starts with the next unit of work, unless there is nothing to validate on. */
export function beginValidation(m: Model, validation: Samples): boolean {
  m.validated = validation.count > 0 ? 0 : -1;
  m.validCorrect = 0;
  m.validationPrepared = false;
  return m.validated === 0;
}

/**
 * Before the first slice of a validation: the evaluator takes in the epoch's weights, in pieces (a copy of
 * every weight into its kernels' layout). The weights cannot change until the validation ends: training
 * waits for it, and whatever redraws them restarts the counters (restartCounters), which drops it.
 */
export function* prepareValidation(m: Model, meter: PieceMeter): Pieces<void> {
  // Rebuilt if WebAssembly SIMD was switched on or off since (tests compare both paths).
  if (m.evaluator === null || m.evaluator.builtWithSimd !== simdAvailable()) m.evaluator = new Evaluator(m.net);
  yield* m.evaluator.preparePieces(meter);
  m.validationPrepared = true;
}

/** Evaluates the next slice of the validation images; returns the accuracy after the last one, null before. */
export function validateSlice(m: Model, validation: Samples): number | null {
  if (!m.validationPrepared || m.evaluator === null) finish(prepareValidation(m, unlimitedMeter()));
  const start = m.validated;
  const count = Math.min(m.validationSlice, validation.count - start);
  const slice: Samples = {
    inputs: validation.inputs.subarray(start * validation.inputSize, (start + count) * validation.inputSize),
    labels: validation.labels.subarray(start, start + count),
    inputSize: validation.inputSize,
    count,
  };
  m.validCorrect += Math.round((m.evaluator as Evaluator).runPrepared(slice).accuracy * count);
  m.validated = start + count;
  if (m.validated < validation.count) return null;
  m.validated = -1;
  return m.validCorrect / validation.count;
}

/** Mean cost per example over the epoch just trained (data term), 0 before any example. */
export function epochMeanCost(m: Model): number {
  return m.epochExamples > 0 ? m.epochCost / m.epochExamples : 0;
}
