/**
 * The chapter's exploding-gradient construction (section "The exploding gradient problem"): make every
 * factor wⱼσ'(zⱼ) in eq. 122 about 100 · 1/4 = 25, so δ grows by ~25× per layer towards the input.
 * The book does it for one neuron per layer; here it is generalised to wide layers.
 */
import { activationCode } from './activations';
import { applyActivation, BatchPass, checkSamples } from './batch';
import type { Network } from './network';
import { finish, type PieceMeter, type Pieces, unlimitedMeter, WORK_PER_MULTIPLY_ADD } from './pieces';
import { DEFAULT_PROBE_SIZE } from './probe';
import type { Samples } from './types';

/** The factor applied to hidden layer 1's weights: small weights keep layer 1 off saturation. */
const FIRST_LAYER_SHRINK = 0.01;
/** The diagonal weight of every later hidden layer. */
const BIG_WEIGHT = 100;
/** About how many of an MNIST image's 784 pixels are non-zero: what a first-layer pass costs per neuron. */
const NONZERO_PIXELS = 150;
/**
 * Work counted per activation computed neuron by neuron: σ's exponential and division, the mean's sum and a
 * fresh buffer. Measured: a layer of 1000 neurons over 1000 images takes ~30 ms (npm run bench:slices).
 */
const WORK_PER_ACTIVATION = 16 * WORK_PER_MULTIPLY_ADD.js;

/**
 * Hidden layer 1's weights × 0.01; every later hidden layer h gets W = 100·I (rectangular identity: neuron
 * j listens only to neuron j of the layer below, or to nothing when the layer below is narrower) and
 * b = −100·ā, ā being the previous layer's mean activation over the probe set (first 1000 examples),
 * so that z ≈ 0 and σ'(z) ≈ 1/4. Layers are set from the input upwards, each ā measured after the layers
 * below it have been changed. The output layer is left alone.
 */
export function applyExplodingPreset(net: Network, probe: Samples): void {
  finish(applyExplodingPresetPieces(net, probe, unlimitedMeter()));
}

/**
 * applyExplodingPreset in pieces of `meter`'s size, with the same result bit for bit. On [784, 1000 × 10, 10]
 * the preset once took 90 s in one piece, a forward pass of every layer below for each layer set; now layer
 * 1 is computed once, a block of images per piece, and every layer above it from the one below through its
 * new W = 100·I, one multiply per neuron.
 */
export function* applyExplodingPresetPieces(net: Network, probe: Samples, meter: PieceMeter): Pieces<void> {
  const count = Math.min(DEFAULT_PROBE_SIZE, probe.count);
  if (count < 1) throw new RangeError('the exploding-gradient preset needs at least one probe example');
  checkSamples(net, { ...probe, count }, 'exploding-gradient preset');
  if (net.numHidden === 0) return;
  const w1 = net.weights[0];
  for (let t = 0; t < w1.length; t++) w1[t] *= FIRST_LAYER_SHRINK;
  if (net.numHidden === 1) return;
  if (net.cured) {
    yield* presetThroughPasses(net, probe, count, meter);
    return;
  }
  const act = activationCode(net.activation);
  let below = yield* activationsOfLayer(net, probe, count, 1, meter);
  for (let h = 2; h <= net.numHidden; h++) {
    setIdentityLayer(net, h, meanOverExamples(below, count, net.layers[h - 1]));
    if (h === net.numHidden) break;
    below = yield* identityLayerForward(net, h, below, count, act, meter);
  }
}

/**
 * Layer h's activations of `count` examples from layer h−1's, through W = 100·I and the layer's biases. The
 * dense pass (kernels.ts denseForward) sums Σᵢ wᵢxᵢ in float64, where every product but one is an exact zero,
 * then adds b and rounds to float32: the same as 100·x + b rounded once, which is what is computed here.
 */
function* identityLayerForward(
  net: Network,
  h: number,
  below: Float32Array,
  count: number,
  act: number,
  meter: PieceMeter,
): Pieces<Float32Array> {
  const nIn = net.layers[h - 1];
  const nOut = net.layers[h];
  const b = net.biases[h - 1];
  const above = new Float32Array(count * nOut);
  const rows = Math.min(count, meter.rowsPerPiece(nOut * WORK_PER_ACTIVATION));
  for (let first = 0; first < count; first += rows) {
    const end = Math.min(count, first + rows);
    for (let k = first; k < end; k++) {
      const from = k * nIn;
      const to = k * nOut;
      for (let j = 0; j < nOut; j++) above[to + j] = j < nIn ? BIG_WEIGHT * below[from + j] + b[j] : b[j];
    }
    applyActivation(act, above.subarray(first * nOut, end * nOut), (end - first) * nOut);
    if (meter.spend((end - first) * nOut * WORK_PER_ACTIVATION)) yield;
  }
  return above;
}

/** W = 100·I (rectangular) and b = −100·ā for hidden layer h, given ā of layer h−1. */
function setIdentityLayer(net: Network, h: number, meanBelow: Float32Array): void {
  const nIn = net.layers[h - 1];
  const nOut = net.layers[h];
  const w = net.weights[h - 1];
  const b = net.biases[h - 1];
  w.fill(0);
  for (let j = 0; j < nOut; j++) {
    if (j < nIn) {
      w[j * nIn + j] = BIG_WEIGHT;
      b[j] = -BIG_WEIGHT * meanBelow[j];
    } else {
      b[j] = 0; // no input at all: z = 0 exactly, σ' = 1/4
    }
  }
}

/** Mean over `count` example-major rows of n values: each sum in float64, in example order, rounded once. */
function meanOverExamples(a: Float32Array, count: number, n: number): Float32Array {
  const sums = new Float64Array(n);
  addRows(a, count, n, sums);
  return meanFromSums(sums, count);
}

function meanFromSums(sums: Float64Array, count: number): Float32Array {
  return Float32Array.from(sums, (s) => s / count);
}

function addRows(a: Float32Array, count: number, n: number, sums: Float64Array): void {
  for (let k = 0; k < count; k++) {
    const row = k * n;
    for (let j = 0; j < n; j++) sums[j] += a[row + j];
  }
}

/** Work of a forward pass of one image up to hidden layer h (the first layer's inputs counted as sparse). */
function forwardWork(net: Network, h: number): number {
  let work = NONZERO_PIXELS * net.layers[1] * WORK_PER_MULTIPLY_ADD.js;
  for (let l = 1; l < h; l++) work += net.layers[l] * net.layers[l + 1] * WORK_PER_MULTIPLY_ADD.js;
  return work + net.layers[h] * WORK_PER_ACTIVATION;
}

/**
 * Forward passes, a block of images at a time, from the input to hidden layer h, handing each block's
 * activations of layer h (example-major, `size` rows) to `take`.
 */
function* forwardInBlocks(
  net: Network,
  probe: Samples,
  count: number,
  h: number,
  meter: PieceMeter,
  take: (a: Float32Array, offset: number, size: number) => void,
): Pieces<void> {
  const work = forwardWork(net, h);
  const block = Math.min(count, meter.rowsPerPiece(work));
  const pass = new BatchPass(net, block);
  for (let offset = 0; offset < count; offset += block) {
    const size = Math.min(block, count - offset);
    net.bringHome(); // the pass reads W⁰ in place
    pass.load(probe, null, offset, size);
    for (let l = 0; l < h; l++) pass.forwardLayer(l);
    take(pass.acts[h], offset, size);
    if (meter.spend(size * work)) yield;
  }
}

/** Activations of hidden layer h for the first `count` probe examples, example-major. */
function* activationsOfLayer(net: Network, probe: Samples, count: number, h: number, meter: PieceMeter): Pieces<Float32Array> {
  const n = net.layers[h];
  const all = new Float32Array(count * n);
  yield* forwardInBlocks(net, probe, count, h, meter, (a, offset, size) => all.set(a.subarray(0, size * n), offset * n));
  return all;
}

/**
 * The preset on a network with skips or normalisation (cures.ts), where a layer's activations are not a
 * function of the layer below alone: each ā is measured by forward passes from the input.
 */
function* presetThroughPasses(net: Network, probe: Samples, count: number, meter: PieceMeter): Pieces<void> {
  for (let h = 2; h <= net.numHidden; h++) {
    const n = net.layers[h - 1];
    const sums = new Float64Array(n);
    yield* forwardInBlocks(net, probe, count, h - 1, meter, (a, _offset, size) => addRows(a, size, n, sums));
    setIdentityLayer(net, h, meanFromSums(sums, count));
  }
}
