/**
 * What a run is: the network, the experiment and the pace. The page edits it, mirrors it in the URL and
 * sends it to the worker, which trains exactly this; both read the type and the defaults from here.
 */
import { MNIST_LAYER_LIMITS, type ActivationName, type InitName, type NormalisationName, type OutputName } from '../engine';
import { DEFAULT_PACE, PACE_SPEEDS } from './pace';

/**
 * learning-speed: the chapter's figs. 5-7 — full-batch gradient descent on the first 1000 training images,
 *   probing ‖δˡ‖ before every epoch.
 * sgd: the chapter's opening table — mini-batch SGD on the 50,000 training images, probing every
 *   `probeEvery` batches and measuring validation accuracy after each epoch.
 */
export type TrainingMode = 'learning-speed' | 'sgd';

export const MODES: readonly TrainingMode[] = ['learning-speed', 'sgd'];

export interface RunConfig {
  /** e.g. [784, 30, 30, 10]; input 784 and output 10 are fixed by MNIST. */
  layers: number[];
  mode: TrainingMode;
  eta: number;
  lambda: number;
  /** Ignored in learning-speed mode, where the batch is the whole 1000-image set. */
  batchSize: number;
  seed: number;
  init: InitName;
  activation: ActivationName;
  output: OutputName;
  /** μ; 0 is plain SGD. */
  momentum: number;
  /** Epoch budget: 500 in learning-speed mode, 30 in SGD mode by default. */
  epochs: number;
  /** Apply the engine's exploding-gradient preset after initialising. */
  exploding: boolean;
  /**
   * Gradient-norm clipping threshold c (Pascanu et al. 2013): a mini-batch's gradient longer than c is scaled
   * down to length c before the step. 0 or left out: no clipping, the chapter's plain SGD.
   */
  clipNorm?: number;
  /** 1 (gentle, easy to follow) .. 10 (as fast as the worker can go); the page offers the named paces of pace.ts. */
  speed: number;
  /**
   * SGD mode: mini-batches between two gradient probes. Leave it out and the worker chooses: at full speed an
   * interval that keeps probing under ~10% of its time, at slower speeds a shorter one so the bars move smoothly.
   * An interval never runs past the end of an epoch, so every epoch ends with a probe.
   */
  probeEvery?: number;
  /**
   * Pause by itself once this many epochs are complete (SGD mode: at the end of that epoch, after its
   * validation), so a teacher can stop exactly where the lesson needs it. Left out: no planned pause.
   */
  pauseAt?: number;
  /**
   * Skip connections aˡ = aˡ⁻¹ + f(zˡ) on hidden layers after the first whose width equals the layer below
   * (He et al. 2016). Left out means off, the chapter's network.
   */
  residual?: boolean;
  /** Layer normalisation of every hidden layer's pre-activations (Ba et al. 2016). Left out means 'none'. */
  normalisation?: NormalisationName;
}

/** Epoch budgets of the chapter's two experiments: 500 full-batch epochs for figs. 5-7, 30 SGD epochs for the table. */
export function epochsFor(mode: TrainingMode): number {
  return mode === 'learning-speed' ? 500 : 30;
}

/** First visit: the book's fig. 4 network, [784, 30, 30, 10], in learning-speed mode with seed 1, at the lesson pace. */
export const DEFAULT_CONFIG: RunConfig = Object.freeze({
  layers: [MNIST_LAYER_LIMITS.input, 30, 30, MNIST_LAYER_LIMITS.output],
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
  speed: PACE_SPEEDS[DEFAULT_PACE],
}) as RunConfig;

export function defaultConfig(): RunConfig {
  return { ...DEFAULT_CONFIG, layers: [...DEFAULT_CONFIG.layers] };
}
