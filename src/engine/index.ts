/** The numeric engine: everything the worker, the command-line tools and the tests use. */
export * from './types';
export { createRng, shuffle, type Rng } from './rng';
export { sigmoid, sigmoidPrime, activationFn, type Activation } from './activations';
export { exampleCost, softplus } from './costs';
export { LayerSpecError, validateLayers, parseLayers, MNIST_LAYER_LIMITS, MAX_IO_WIDTH, type LayerPins } from './layers';
export { Network, type NetworkOptions } from './network';
export { initializeParams } from './init';
export { Trainer, Evaluator, evaluate, type Evaluation, type SgdOptions } from './train';
export { GradientProbe, DEFAULT_PROBE_SIZE, type ProbeResult } from './probe';
export { applyExplodingPreset } from './presets';
/** Whether the SIMD kernels run here (else the JavaScript loops do); worth showing next to a speed figure. */
export { simdAvailable } from './simd';
// The chapter's analytic pieces: the one-neuron chain (eqs. 114-122), the 0.45 bound (eq. 123),
// the identity-neuron exercise and eq. 124's per-layer factor norms.
export * from './chain';
export * from './bound';
export * from './identity';
export * from './eq124';
