/**
 * The numeric engine's one door: the worker, the panels, the command-line tools and the benchmarks import
 * from here and nowhere deeper. Inside, three rooms:
 *   core/    the network and its training (parameters, passes, SGD, the gradient probe, presets)
 *   wasm/    the WebAssembly SIMD kernels the core runs its heavy loops on, with JavaScript fallbacks in core/
 *   chapter/ the chapter's analytic pieces: the one-neuron chain (eqs. 114-122), the 0.45 bound (eq. 123),
 *            the identity-neuron exercise and eq. 124's per-layer factor norms
 * Only the engine's own tests reach past this file, to test a room's internals.
 */
export * from './core/types';
export { createRng, shuffle, type Rng } from './core/rng';
export { sigmoid, sigmoidPrime, activationFn, type Activation } from './core/activations';
export { exampleCost, softplus } from './core/costs';
export {
  LayerSpecError,
  validateLayers,
  parseLayers,
  describeLayerProblem,
  MNIST_LAYER_LIMITS,
  MAX_IO_WIDTH,
  type LayerPins,
  type LayerProblem,
} from './core/layers';
export { Network, type NetworkOptions } from './core/network';
export { initializeParams } from './core/init';
export { Trainer, Evaluator, evaluate, type Evaluation, type SgdOptions } from './core/train';
export { GradientSum } from './core/accumulate';
export { finish, PieceMeter, PIECE_WORK, unlimitedMeter, WORK_PER_MULTIPLY_ADD, type Pieces } from './core/pieces';
export { GradientProbe, DEFAULT_PROBE_SIZE, type ProbeResult } from './core/probe';
export {
  ActivationStats,
  HISTOGRAM_BINS,
  SIGMOID_SATURATION,
  TANH_SATURATION,
  isSaturatedValue,
  quantileOfSorted,
  sortPieces,
  type ActivationSource,
  type ActivationStatsResult,
} from './core/saturation';
export { applyExplodingPreset, applyExplodingPresetPieces } from './core/presets';
/** Whether the SIMD kernels run here (else the JavaScript loops do); worth showing next to a speed figure. */
export { simdAvailable, setSimdEnabled } from './wasm/simd';
/** The f32x4 multiply-add rate the kernels reach on this machine, for benchmarks' physical-limit estimates. */
export { simdMultiplyAddWork } from './wasm/simd-rate';
export * from './chapter/chain';
export * from './chapter/bound';
export * from './chapter/identity';
export * from './chapter/eq124';
