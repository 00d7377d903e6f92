/**
 * The chapter's exploding-gradient construction (section "The exploding gradient problem"): make every
 * factor wⱼσ'(zⱼ) in eq. 122 about 100 · 1/4 = 25, so δ grows by ~25× per layer towards the input.
 * The book does it for one neuron per layer; here it is generalised to wide layers.
 */
import { BatchPass, checkSamples } from './batch';
import type { Network } from './network';
import { DEFAULT_PROBE_SIZE, meanHiddenActivation } from './probe';
import type { Samples } from './types';

/** The factor applied to hidden layer 1's weights: small weights keep layer 1 off saturation. */
const FIRST_LAYER_SHRINK = 0.01;
/** The diagonal weight of every later hidden layer. */
const BIG_WEIGHT = 100;

/**
 * Hidden layer 1's weights × 0.01; every later hidden layer h gets W = 100·I (rectangular identity: neuron
 * j listens only to neuron j of the layer below, or to nothing when the layer below is narrower) and
 * b = −100·ā, ā being the previous layer's mean activation over the probe set (first 1000 examples),
 * so that z ≈ 0 and σ'(z) ≈ 1/4. Layers are set from the input upwards, each ā measured after the layers
 * below it have been changed. The output layer is left alone.
 */
export function applyExplodingPreset(net: Network, probe: Samples): void {
  const count = Math.min(DEFAULT_PROBE_SIZE, probe.count);
  if (count < 1) throw new RangeError('the exploding-gradient preset needs at least one probe example');
  checkSamples(net, { ...probe, count }, 'exploding-gradient preset');
  if (net.numHidden === 0) return;
  // Sparse inputs extracted once; each layer's ā is then one forward pass with the weights set so far.
  const pass = new BatchPass(net, count);
  pass.load(probe, null, 0, count);
  const w1 = net.weights[0];
  for (let t = 0; t < w1.length; t++) w1[t] *= FIRST_LAYER_SHRINK;
  for (let h = 2; h <= net.numHidden; h++) {
    const nIn = net.layers[h - 1];
    const nOut = net.layers[h];
    const meanPrev = new Float32Array(nIn);
    meanHiddenActivation(pass, h - 1, meanPrev);
    const w = net.weights[h - 1];
    const b = net.biases[h - 1];
    w.fill(0);
    for (let j = 0; j < nOut; j++) {
      if (j < nIn) {
        w[j * nIn + j] = BIG_WEIGHT;
        b[j] = -BIG_WEIGHT * meanPrev[j];
      } else {
        b[j] = 0; // no input at all: z = 0 exactly, σ' = 1/4
      }
    }
  }
}
