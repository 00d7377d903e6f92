/**
 * The one message protocol between the page and the training worker. Both sides import these types;
 * nothing else crosses the boundary. Every message carries the runId of the configuration it belongs to,
 * so the page can drop anything a stale run still had in flight after a reset or a change of architecture.
 */
import type { RunConfig } from '../config';
import type { DataProblem } from '../data/problem';

export type ToWorker =
  /** Builds (or rebuilds) the network from config, initialises it and probes once. Stops any running loop. */
  | { type: 'configure'; runId: number; config: RunConfig }
  | { type: 'start'; runId: number }
  | { type: 'pause'; runId: number }
  /**
   * `count` epochs in learning-speed mode; `count` probe intervals of mini-batches in SGD mode. Either way
   * the run stops early at the epoch budget or at a planned pause.
   */
  | { type: 'step'; runId: number; count: number }
  /** Re-initialise with the same seed, keeping the configuration. */
  | { type: 'reset'; runId: number }
  /** Switch the exploding-gradient preset on or off without changing anything else. */
  | { type: 'set-preset'; runId: number; exploding: boolean }
  /** Change the pace while running. */
  | { type: 'set-speed'; runId: number; speed: number }
  /** Pause by itself once `pauseAt` epochs are complete; null: no planned pause. */
  | { type: 'set-pause-at'; runId: number; pauseAt: number | null }
  /**
   * ‖δˡ‖ at initialisation of the configured network for seeds config.seed .. config.seed + count − 1, measured
   * on a network of the sweep's own between units of the run; answered by one 'seed-norms'.
   */
  | { type: 'measure-seeds'; runId: number; count: number }
  /** Asks for a copy of the current weights and biases; answered by a 'network' message with the same requestId. */
  | { type: 'read-network'; runId: number; requestId: number }
  /**
   * Puts weights and biases from a file in place of the seed's draw (this run's resets return to them too)
   * and probes them. Sent right after the 'configure' that built a network of the file's sizes.
   */
  | { type: 'load-network'; runId: number; weights: Float32Array[]; biases: Float32Array[] }
  /**
   * The page's heartbeat: answered at once with a 'pong' of the same seq. A worker that stops answering has
   * stopped (closed, crashed or wedged), and the page says so instead of showing a frozen run.
   */
  | { type: 'ping'; runId: number; seq: number };

export type RunStatus = 'idle' | 'running' | 'paused' | 'finished' | 'diverged';

/** How a value stopped being a number. */
export type NonFinite = 'nan' | 'infinite';

/** The first value of a run that stopped being a number, in the order of blame a reader can follow. */
export type DivergedValue =
  | { kind: 'cost'; became: NonFinite }
  /** ‖δˡ‖ of hidden layer `layer` (from 1). */
  | { kind: 'layer-gradient'; layer: number; became: NonFinite }
  /** A single ∂C/∂b. */
  | { kind: 'bias-gradient'; became: NonFinite }
  | { kind: 'activations' }
  /** The weights feeding hidden layer `layer` (from 1), seen by eq. 124's norms. */
  | { kind: 'weights'; layer: number; became: NonFinite };

/**
 * Why a run diverged, as data, so the page can say it in the reader's language: the value, where training
 * was, and the settings the advice names.
 */
export interface DivergenceCause {
  value: DivergedValue;
  mode: RunConfig['mode'];
  eta: number;
  exploding: boolean;
  epoch: number;
  batch: number;
}

export interface Snapshot {
  type: 'snapshot';
  runId: number;
  /** Completed epochs (0 before any training). */
  epoch: number;
  /** Mini-batches completed within the current epoch. */
  batch: number;
  /** Mini-batches in one epoch. */
  batchesPerEpoch: number;
  /** ∂C/∂b of every hidden neuron averaged over the probe images, hidden layers concatenated, layer 1 first. */
  gradB: Float32Array;
  /** gradB.subarray(hiddenOffsets[h-1], hiddenOffsets[h]) is hidden layer h (counted from 1 at the input side). */
  hiddenOffsets: number[];
  /** ‖δʰ‖ per hidden layer: the Euclidean norm of that layer's slice of gradB. */
  layerNorms: Float64Array;
  /** Mean σ′(z) of each hidden layer over the probe images (eq. 124's diagonal, averaged). */
  meanActivationPrime: Float64Array;
  /**
   * Per hidden layer, the share (0..1) that is saturated — the one definition the page uses (Glorot & Bengio
   * 2010), from the engine's saturation.ts: sigmoid, of all activation values (neurons × probe images) with
   * σ < 0.01 or σ > 0.99; tanh, of those with |a| > 0.97; ReLU, of neurons that are 0 on every probe image.
   */
  saturatedShare: Float64Array;
  /** Per hidden layer, over all its neurons and probe images: the mean activation f(z). */
  activationMean: Float64Array;
  /** Per hidden layer: the 2nd, 50th and 98th percentiles of the same activation values. */
  activationP02: Float64Array;
  activationP50: Float64Array;
  activationP98: Float64Array;
  /**
   * Per hidden layer h, the share of its activation values in each of the engine's HISTOGRAM_BINS equal bins,
   * at activationHistogram[(h−1)·bins ..]; the bins of layer h span histogramRange[2(h−1)] to [2(h−1)+1]
   * (σ: 0 to 1, tanh: −1 to 1, ReLU: 0 to the layer's largest activation).
   */
  activationHistogram: Float64Array;
  histogramRange: Float64Array;
  /**
   * Eq. 124 per hidden layer h: the spectral norm of Σ′(zʰ)(wʰ⁺¹)ᵀ, the matrix that carries δʰ⁺¹ back to δʰ,
   * with Σ′ the diagonal of mean σ′ over the probe images (src/engine/eq124.ts). Below 1 it shrinks the gradient.
   * NaN where the factor is not applicable: just below a layer with a skip, and under layer normalisation.
   */
  factorNorms: Float64Array;
  /** Examples trained per second, measured in the worker over the last probe interval (0 when idle). */
  examplesPerSecond: number;
}

export type FromWorker =
  | { type: 'loading'; runId: number; stage: 'probe' | 'train' | 'test'; loadedBytes: number; totalBytes: number }
  /** The data needed for `stage` is available: 'probe' means bars can be drawn, 'all' means training can start. */
  | { type: 'ready'; runId: number; stage: 'probe' | 'all'; trainingCount: number; validationCount: number }
  | Snapshot
  | {
      type: 'epoch-end';
      runId: number;
      epoch: number;
      /** Fraction of the 10,000 validation images classified correctly (SGD mode), or null when not measured. */
      validationAccuracy: number | null;
      /** Mean cost over the examples trained this epoch (data term). */
      cost: number;
    }
  | {
      type: 'status';
      runId: number;
      status: RunStatus;
      epoch: number;
      /**
       * True when a 'start' or 'step' was accepted but waits for the images it needs (SGD mode: the whole
       * training set; learning-speed mode: the first 1000). It runs by itself when they arrive, unless paused.
       */
      waitingForData?: boolean;
      /** 'pause-at': the run paused by itself at the epoch the configuration's `pauseAt` asked for. */
      reason?: 'pause-at';
    }
  /**
   * A non-finite value appeared; training stops and says where. epoch and batch count what was completed,
   * as in a snapshot (the step that produced the value included); `reason` says the same in English words,
   * names the value and suggests what to change; `cause` is the same as data, for the page's languages.
   */
  | { type: 'diverged'; runId: number; epoch: number; batch: number; reason: string; cause?: DivergenceCause }
  /**
   * A long learning-speed epoch under way: `done` of `total` probe images are in epoch `epoch`'s step
   * (numbered from 1, as it will be counted once done). Posted only once the epoch has taken a second.
   */
  | { type: 'progress'; runId: number; epoch: number; done: number; total: number; stage: 'training' }
  /**
   * Something went wrong. `message` says it in English (for logs and other senders); `cause` says the same
   * as data, and the page words it in its own language whenever it is there.
   */
  | { type: 'error'; runId: number; message: string; retryable: boolean; cause?: ErrorCause }
  /** A 'read-network' the worker cannot answer with a network: the request's promise fails with this reason. */
  | { type: 'network-refused'; runId: number; requestId: number; cause: ErrorCause }
  /** norms[s][h−1] = ‖δʰ‖ at initialisation with seed firstSeed + s (NaN where not finite). */
  | { type: 'seed-norms'; runId: number; firstSeed: number; norms: number[][] }
  /**
   * The answer to 'read-network': copies of the weights (row-major [out][in] per layer, as network2.py's
   * matrices) and biases of the network as it is between two units of training.
   */
  | { type: 'network'; runId: number; requestId: number; sizes: number[]; weights: Float32Array[]; biases: Float32Array[] }
  | EngineMessage
  /** The answer to a 'ping'. */
  | { type: 'pong'; runId: number; seq: number };

/**
 * Sent once when the worker starts (runId NO_RUN): which kernels train here. 'javascript' runs the same
 * numbers more slowly; `webAssemblyBlocked` says whether that is because the page's Content-Security-Policy
 * forbids compiling WebAssembly (no 'wasm-unsafe-eval') rather than the browser lacking WebAssembly SIMD.
 */
export interface EngineMessage {
  type: 'engine';
  runId: number;
  kernels: 'webassembly-simd' | 'javascript';
  webAssemblyBlocked: boolean;
}

/** What an 'error' (or a refused 'read-network') is about, as data the page words in the reader's language. */
export type ErrorCause =
  /** An MNIST file arrived wrong, or its download failed: `file` is the URL. */
  | { kind: 'data-file'; file: string; problem: DataProblem }
  /** Loading failed in some other way; `reason` is the exception's own text. */
  | { kind: 'load-failed'; reason: string }
  /** A command that needs a network arrived before any configuration (after a restart, say). */
  | { kind: 'not-configured'; command: Exclude<ToWorker['type'], 'configure' | 'ping'> }
  /** Other seeds are measured on the probe images, which have not arrived yet. */
  | { kind: 'probe-not-ready' }
  /** Copying the weights out of the network threw; `reason` is the exception's own text. */
  | { kind: 'network-unreadable'; reason: string }
  /** A unit of training threw; `reason` is the exception's own text. */
  | { kind: 'training-stopped'; reason: string }
  /** A configuration the worker's own checks refused (the page checks first, so this is another sender's). */
  | { kind: 'config-refused'; reason: string }
  /** A command with an argument the worker refused (a speed, a step count …); `reason` names the rule. */
  | { kind: 'command-refused'; reason: string }
  /** An exception where none was expected; `reason` is its own text. */
  | { kind: 'unexpected'; reason: string }
  /** A message between the page and the worker could not be read (structured clone failed). */
  | { kind: 'unreadable-message'; from: 'page' | 'worker' };

/** The worker tags loading and data errors with the runId it last saw; before any configure that is 0. */
export const NO_RUN = 0;
