/**
 * The vocabulary shared by the engine, the data layer, the worker and the page.
 * Only types and the lists of valid names live here, so any layer can import it for free.
 */

export const ACTIVATIONS = ['sigmoid', 'tanh', 'relu'] as const;
/** Hidden-layer non-linearity. The chapter's network is sigmoid throughout. */
export type ActivationName = (typeof ACTIVATIONS)[number];

export const OUTPUTS = ['sigmoid', 'softmax'] as const;
/** Output-layer non-linearity. Sigmoid + cross-entropy is network2.py's default. */
export type OutputName = (typeof OUTPUTS)[number];

export const COSTS = ['cross-entropy', 'quadratic'] as const;
export type CostName = (typeof COSTS)[number];

export const INITIALISERS = ['default', 'large', 'xavier', 'he', 'glorot-standard'] as const;
/**
 * default: w ~ N(0,1)/√n_in, b ~ N(0,1) (network2.default_weight_initializer)
 * large:   w ~ N(0,1),       b ~ N(0,1) (network2.large_weight_initializer)
 * xavier:  w ~ N(0, 2/(n_in+n_out)), b = 0 (Glorot & Bengio 2010)
 * he:      w ~ N(0, 2/n_in),          b = 0 (He et al. 2015)
 * glorot-standard: w ~ U[−1/√n_in, 1/√n_in], b = 0 — the "standard" initialisation Glorot & Bengio (2010)
 *          start from (their eq. 1, Var w = 1/(3 n_in)), under which their fig. 2 saw the top hidden layer saturate
 */
export type InitName = (typeof INITIALISERS)[number];

/**
 * A labelled set of examples kept as bytes: input i of example k is inputs[k * inputSize + i] / 255.
 * Bytes stay resident (MNIST's 60k images cost 47 MB this way instead of 188 MB as floats);
 * the engine converts a mini-batch at a time.
 */
export interface Samples {
  readonly inputs: Uint8Array;
  readonly labels: Uint8Array;
  readonly inputSize: number;
  readonly count: number;
}

export const NORMALISATIONS = ['none', 'layer'] as const;
/**
 * none:  z = Wa + b goes straight into the non-linearity, as in the chapter.
 * layer: layer normalisation (Ba, Kiros & Hinton 2016): z is standardised over the layer's neurons, one
 *        example at a time, then scaled and shifted by a learned gain γ and shift β per neuron.
 * Layer rather than batch normalisation (Ioffe & Szegedy 2015): with the chapter's mini-batches of 10 the
 * batch mean and variance are noisy, and the gradient probe runs one 1000-image batch, so under batch
 * normalisation the probe would measure a different network from the one being trained. Layer
 * normalisation gives every example the same arithmetic whatever batch it is in.
 */
export type NormalisationName = (typeof NORMALISATIONS)[number];
