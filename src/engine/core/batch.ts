/**
 * Forward and backward passes over a whole mini-batch, as loops over preallocated Float32Arrays.
 * Shared by Trainer (SGD), GradientProbe and, where WebAssembly SIMD is missing, Evaluator, so all run the
 * same arithmetic.
 *
 * Batch buffers are example-major: acts[l][k * n_l + j] is the activation of neuron j of layer l for
 * example k of the batch; deltas[l] has the same shape and holds δˡ = ∂C_k/∂zˡ (eq. BP1/BP2 of chapter 2).
 * Hidden pre-activations are not kept: f'(z) is recovered from a = f(z) (σ' = a(1−a), tanh' = 1−a²,
 * ReLU' = [a > 0]), which saves a buffer and a pass.
 *
 * With the cures of cures.ts, acts[l] is what the next layer reads (aˡ⁻¹ + f(uˡ) on a layer with a skip),
 * deltas[l] is still ∂C/∂zˡ with zˡ = Wa + b before any normalisation, and the extra buffers below keep what
 * the backward pass cannot recover from acts[l]. The plain network allocates none of them.
 *
 * The input layer is stored sparsely: MNIST pixels are ~81% zero, and the 784×n₁ first layer dominates
 * the cost, so W⁰a⁰ and ∂C/∂W⁰ = δ¹(a⁰)ᵀ only visit the non-zero pixels of each example.
 */
import { ACT_RELU, ACT_SIGMOID, ACT_TANH, activationCode } from './activations';
import { activateOutputRow, outputCostCode, outputDeltaRow } from './output';
import { denseBackward, denseForward, sparseForward } from './kernels';
import { layerNormBackward, layerNormForward } from './cures';
import type { Network } from './network';
import type { Samples } from './types';

/** byte / 255 for every byte value, so loading a batch never divides. */
const BYTE_TO_UNIT = new Float32Array(256);
for (let v = 0; v < 256; v++) BYTE_TO_UNIT[v] = v / 255;

/**
 * Positions of the non-zero inputs of every example of a sample set, found once per set: example k's
 * are idx[start[k] .. start[k+1]). Loading a batch then copies ~150 positions per MNIST image instead of
 * testing 784 bytes (unpredictable branches). 2 bytes per non-zero pixel: ~15 MB for 50,000 images.
 */
interface SparseIndex {
  readonly start: Uint32Array;
  readonly idx: Uint16Array;
}
/** Keyed by the byte array, so Samples wrappers around the same bytes (e.g. a first-n view) share one index. */
const sparseIndexes = new WeakMap<Uint8Array, SparseIndex & { inputSize: number }>();

function sparseIndexOf(samples: Samples): SparseIndex | null {
  if (samples.inputSize > 65536) return null;
  let index = sparseIndexes.get(samples.inputs);
  if (index !== undefined && index.inputSize === samples.inputSize && index.start.length > samples.count) return index;
  const { inputs, inputSize, count } = samples;
  const used = inputs.subarray(0, count * inputSize);
  let nonZero = 0;
  for (let t = 0; t < used.length; t++) if (used[t] !== 0) nonZero++;
  const start = new Uint32Array(count + 1);
  const idx = new Uint16Array(nonZero);
  let p = 0;
  for (let k = 0; k < count; k++) {
    start[k] = p;
    const base = k * inputSize;
    for (let i = 0; i < inputSize; i++) if (inputs[base + i] !== 0) idx[p++] = i;
  }
  start[count] = p;
  index = { start, idx, inputSize };
  sparseIndexes.set(inputs, index);
  return index;
}

/** Checks the first `count` examples (default all) of a sample set against the network. */
export function checkSamples(net: Network, samples: Samples, what: string, count = samples.count): void {
  if (samples.inputSize !== net.layers[0])
    throw new RangeError(`${what}: examples have ${samples.inputSize} inputs but the network's input layer has ${net.layers[0]}`);
  if (samples.inputs.length < count * samples.inputSize || samples.labels.length < count)
    throw new RangeError(`${what}: the sample set claims ${count} examples but holds fewer`);
  const nOut = net.layers[net.layers.length - 1];
  // Labels are checked once per sample set per network, not per batch.
  for (let k = 0; k < count; k++)
    if (samples.labels[k] >= nOut)
      throw new RangeError(`${what}: example ${k} has label ${samples.labels[k]}, but the output layer has only ${nOut} neurons`);
}

export class BatchPass {
  readonly net: Network;
  readonly maxBatch: number;
  /** acts[l], l = 1..L−1: activations of layer l for each example of the batch (acts[0] is unused: input is sparse). */
  readonly acts: Float32Array[];
  /** deltas[l], l = 1..L−1: δˡ for each example (deltas[0] unused). */
  readonly deltas: Float32Array[];
  /** Output pre-activations z^L, kept so the cost can be computed from z without log 0. */
  readonly zOut: Float32Array;
  /** Sparse input: example k's non-zero inputs are nzIdx/nzVal[nzStart[k] .. nzStart[k+1]). */
  readonly nzStart: Int32Array;
  nzIdx: Int32Array;
  nzVal: Float32Array;
  readonly labels: Uint8Array;
  /** Number of examples currently loaded. */
  size = 0;
  /** Sum of the loaded examples' costs, after forward(…, true). */
  cost = 0;
  /** branch[l] on a layer with a skip: f(uˡ) alone, before the layer below is added (f′ is read from it). */
  readonly branch: Float32Array[];
  /** ∂C/∂aˡ on a layer with a skip, kept so the identity path can hand it to the layer below. */
  private readonly gradA: Float32Array[];
  /** With layer normalisation, hidden layer h at index h−1: ẑ (rows of n) and 1/√(v + ε) (one per example). */
  readonly xhat: Float32Array[];
  private readonly invStd: Float32Array[];
  /** Σₖ ∂C/∂γ and Σₖ ∂C/∂β of hidden layer h at index h−1, summed over the batch by backpropDeltas. */
  readonly gradGain: Float64Array[];
  readonly gradShift: Float64Array[];
  private readonly act: number;
  private readonly outCost: number;

  /**
   * nzCapacity: room for non-zero inputs (default: every input of a full batch). `sparseBuffers` lets a
   * caller place the sparse input lists in memory of its choosing (the SIMD kernels' memory).
   */
  constructor(
    net: Network,
    maxBatch: number,
    nzCapacity = maxBatch * net.layers[0],
    sparseBuffers?: { nzStart: Int32Array; nzIdx: Int32Array; nzVal: Float32Array },
  ) {
    if (!Number.isInteger(maxBatch) || maxBatch < 1) throw new RangeError(`batch size must be a whole number ≥ 1, got ${maxBatch}`);
    this.net = net;
    this.maxBatch = maxBatch;
    const L = net.layers.length;
    this.acts = [new Float32Array(0)];
    this.deltas = [new Float32Array(0)];
    for (let l = 1; l < L; l++) {
      this.acts.push(new Float32Array(maxBatch * net.layers[l]));
      this.deltas.push(new Float32Array(maxBatch * net.layers[l]));
    }
    this.zOut = new Float32Array(maxBatch * net.layers[L - 1]);
    this.nzStart = sparseBuffers?.nzStart ?? new Int32Array(maxBatch + 1);
    this.nzIdx = sparseBuffers?.nzIdx ?? new Int32Array(nzCapacity);
    this.nzVal = sparseBuffers?.nzVal ?? new Float32Array(nzCapacity);
    this.labels = new Uint8Array(maxBatch);
    this.act = activationCode(net.activation);
    this.outCost = outputCostCode(net.output, net.cost);
    const none = new Float32Array(0);
    const normalised = net.normalisation === 'layer';
    this.branch = net.layers.map((n, l) => (net.skips[l] ? new Float32Array(maxBatch * n) : none));
    this.gradA = net.layers.map((n, l) => (net.skips[l] ? new Float32Array(maxBatch * n) : none));
    const hidden = net.layers.slice(1, -1);
    this.xhat = normalised ? hidden.map((n) => new Float32Array(maxBatch * n)) : [];
    this.invStd = normalised ? hidden.map(() => new Float32Array(maxBatch)) : [];
    this.gradGain = normalised ? hidden.map((n) => new Float64Array(n)) : [];
    this.gradShift = normalised ? hidden.map((n) => new Float64Array(n)) : [];
  }

  /** Where f(zˡ) of hidden layer l is kept: branch[l] on a layer with a skip, else acts[l] itself. */
  activationOf(l: number): Float32Array {
    return this.net.skips[l] ? this.branch[l] : this.acts[l];
  }

  /**
   * Loads examples order[offset .. offset+size) (or offset .. offset+size when order is null) as sparse
   * inputs and labels. `indexed` uses (and on first use builds) the sample set's index of non-zero inputs:
   * worth it for training, which revisits every example each epoch, not for a single evaluation pass.
   */
  load(samples: Samples, order: Uint32Array | null, offset: number, size: number, indexed = false): void {
    if (size < 1 || size > this.maxBatch) throw new RangeError(`batch of ${size} examples does not fit (1..${this.maxBatch})`);
    const limit = order === null ? samples.count : order.length;
    if (offset < 0 || offset + size > limit)
      throw new RangeError(`examples ${offset}..${offset + size - 1} are out of range (0..${limit - 1})`);
    const nIn = samples.inputSize;
    const inputs = samples.inputs;
    const nzStart = this.nzStart;
    let nzIdx = this.nzIdx;
    let nzVal = this.nzVal;
    let p = 0;
    const index = indexed ? sparseIndexOf(samples) : null;
    if (index !== null && nzIdx.length >= size * nIn) {
      const { start, idx } = index;
      for (let k = 0; k < size; k++) {
        const ex = order === null ? offset + k : order[offset + k];
        if (ex >= samples.count) throw new RangeError(`example index ${ex} is out of range (0..${samples.count - 1})`);
        this.labels[k] = samples.labels[ex];
        nzStart[k] = p;
        const base = ex * nIn;
        const end = start[ex + 1];
        for (let t = start[ex]; t < end; t++) {
          const i = idx[t];
          nzIdx[p] = i;
          nzVal[p] = BYTE_TO_UNIT[inputs[base + i]];
          p++;
        }
      }
      nzStart[size] = p;
      this.size = size;
      return;
    }
    for (let k = 0; k < size; k++) {
      const ex = order === null ? offset + k : order[offset + k];
      if (ex >= samples.count) throw new RangeError(`example index ${ex} is out of range (0..${samples.count - 1})`);
      this.labels[k] = samples.labels[ex];
      nzStart[k] = p;
      if (p + nIn > nzIdx.length) {
        // Only reachable when the capacity was sized for fewer non-zeros than this batch has.
        const grown = Math.max(nzIdx.length * 2, p + nIn);
        const idx = new Int32Array(grown);
        idx.set(nzIdx);
        const val = new Float32Array(grown);
        val.set(nzVal);
        this.nzIdx = nzIdx = idx;
        this.nzVal = nzVal = val;
      }
      const base = ex * nIn;
      for (let i = 0; i < nIn; i++) {
        const v = inputs[base + i];
        if (v !== 0) {
          nzIdx[p] = i;
          nzVal[p] = BYTE_TO_UNIT[v];
          p++;
        }
      }
    }
    nzStart[size] = p;
    this.size = size;
  }

  /**
   * Labels and size of examples order[offset .. offset+size) only, for a caller that writes their sparse
   * inputs itself (the SIMD first layer gathers them in WebAssembly).
   */
  loadLabels(samples: Samples, order: Uint32Array, offset: number, size: number): void {
    if (size < 1 || size > this.maxBatch) throw new RangeError(`batch of ${size} examples does not fit (1..${this.maxBatch})`);
    if (offset < 0 || offset + size > order.length)
      throw new RangeError(`examples ${offset}..${offset + size - 1} are out of range (0..${order.length - 1})`);
    for (let k = 0; k < size; k++) {
      const ex = order[offset + k];
      if (ex >= samples.count) throw new RangeError(`example index ${ex} is out of range (0..${samples.count - 1})`);
      this.labels[k] = samples.labels[ex];
    }
    this.size = size;
  }

  /**
   * Forward pass for the loaded batch: fills acts[1..L−1] and zOut, and with withCost sets `cost` to the
   * sum of the examples' costs (a logarithm per example, so skipped when only δ is wanted). With
   * firstLayerDone, acts[1] already holds z¹ = W⁰a⁰ + b⁰ (computed by the caller) and only the
   * non-linearity is applied to it.
   */
  forward(firstLayerDone = false, withCost = false): void {
    // A SIMD trainer may hold W⁰ between its steps; a pass that computes the first layer itself needs it home
    // (the statistics of the activation panel run such a pass between steps, and read stale weights otherwise).
    if (!firstLayerDone) this.net.bringHome();
    for (let l = 0; l + 1 < this.net.layers.length; l++) this.forwardLayer(l, firstLayerDone);
    this.finishForward(withCost);
  }

  /**
   * One layer of forward(): z = Wˡa + b into layer l+1 and its non-linearity (the output layer's waits for
   * finishForward). Called for l = 0, 1, … in turn, with W⁰ at home; a caller that needs pieces calls it itself.
   */
  forwardLayer(l: number, firstLayerDone = false): void {
    const net = this.net;
    const layers = net.layers;
    const L = layers.length;
    const m = this.size;
    const nIn = layers[l];
    const nOut = layers[l + 1];
    const w = net.weightsInPlace[l];
    const b = net.biases[l];
    const out = l + 2 === L ? this.zOut : this.acts[l + 1];
    if (l === 0 && firstLayerDone) {
      // z¹ is in place already
    } else if (l === 0) sparseForward(w, b, nIn, nOut, m, this.nzStart, this.nzIdx, this.nzVal, out);
    else denseForward(w, b, nIn, nOut, m, this.acts[l], out);
    if (l + 2 < L) {
      if (net.cured) this.cureForward(l + 1, out);
      else applyActivation(this.act, out, m * nOut);
    }
  }

  /** The output layer's activation (and with withCost the batch's summed cost), after the last forwardLayer. */
  finishForward(withCost = false): void {
    const layers = this.net.layers;
    const m = this.size;
    const nOut = layers[layers.length - 1];
    const a = this.acts[layers.length - 1];
    let cost = 0;
    for (let k = 0; k < m; k++) cost += activateOutputRow(this.outCost, this.zOut, k * nOut, a, k * nOut, nOut, this.labels[k], withCost);
    this.cost = cost;
  }

  /** Output error δ^L = ∂C/∂z^L of every example (eq. BP1; output.ts says which formula for which cost). */
  outputDelta(): void {
    const nOut = this.net.layers[this.net.layers.length - 1];
    const a = this.acts[this.acts.length - 1];
    const d = this.deltas[this.deltas.length - 1];
    for (let k = 0; k < this.size; k++) outputDeltaRow(this.outCost, a, k * nOut, d, k * nOut, nOut, this.labels[k]);
  }

  /**
   * Back-propagates δ from the output down to hidden layer `lowest` (≥ 1):
   * δˡ = ((W^l)ᵀ δ^{l+1}) ⊙ f'(zˡ) (eq. BP2). The input layer never needs a δ.
   */
  backpropDeltas(lowest = 1): void {
    this.beginBackprop();
    for (let l = this.net.layers.length - 2; l >= lowest; l--) this.backpropLayer(l);
  }

  /** Before the first backpropLayer: the normalisation's parameter gradients start from zero. */
  beginBackprop(): void {
    if (!this.net.cured) return;
    for (let h = 0; h < this.gradGain.length; h++) {
      this.gradGain[h].fill(0);
      this.gradShift[h].fill(0);
    }
  }

  /** One layer of backpropDeltas(): δˡ from δˡ⁺¹, for l = L−2, L−3, … in turn. */
  backpropLayer(l: number): void {
    const net = this.net;
    if (net.cured) {
      this.cureBackwardLayer(l);
      return;
    }
    const n = net.layers[l];
    const d = this.deltas[l];
    denseBackward(net.weightsInPlace[l], n, net.layers[l + 1], this.size, this.deltas[l + 1], d);
    multiplyByDerivative(this.act, d, this.acts[l], this.size * n);
  }

  /** Hidden layer l after z = Wa + b is in `out`: normalise, apply f, add the skip (cures.ts). */
  private cureForward(l: number, out: Float32Array): void {
    const net = this.net;
    const n = net.layers[l];
    const m = this.size;
    if (net.normalisation === 'layer')
      layerNormForward(out, n, m, net.gains[l - 1], net.shifts[l - 1], this.xhat[l - 1], this.invStd[l - 1]);
    applyActivation(this.act, out, m * n);
    if (net.skips[l]) {
      const branch = this.branch[l];
      const below = this.acts[l - 1];
      for (let t = 0; t < m * n; t++) {
        branch[t] = out[t];
        out[t] += below[t];
      }
    }
  }

  /**
   * One layer of δ through skips and normalisation (cures.ts):
   *   ∂C/∂aˡ = (Wˡ)ᵀδˡ⁺¹ + ∂C/∂aˡ⁺¹ when layer l+1 has a skip, else (Wˡ)ᵀδˡ⁺¹
   *   ∂C/∂uˡ = ∂C/∂aˡ ⊙ f′(uˡ), then δˡ = ∂C/∂zˡ through the normalisation's backward formula.
   */
  private cureBackwardLayer(l: number): void {
    const net = this.net;
    const layers = net.layers;
    const L = layers.length;
    const m = this.size;
    const normalised = net.normalisation === 'layer';
    const n = layers[l];
    const count = m * n;
    const d = this.deltas[l];
    denseBackward(net.weightsInPlace[l], n, layers[l + 1], m, this.deltas[l + 1], d);
    if (l + 1 < L - 1 && net.skips[l + 1]) {
      const above = this.gradA[l + 1];
      for (let t = 0; t < count; t++) d[t] += above[t];
    }
    if (net.skips[l]) this.gradA[l].set(d.subarray(0, count));
    multiplyByDerivative(this.act, d, this.activationOf(l), count);
    if (normalised)
      layerNormBackward(d, n, m, net.gains[l - 1], this.xhat[l - 1], this.invStd[l - 1], this.gradGain[l - 1], this.gradShift[l - 1]);
  }
}

/** z ← f(z) over the first `count` entries, f given by its activation code. */
export function applyActivation(act: number, z: Float32Array, count: number): void {
  if (act === ACT_SIGMOID) {
    for (let t = 0; t < count; t++) z[t] = 1 / (1 + Math.exp(-z[t]));
  } else if (act === ACT_TANH) {
    for (let t = 0; t < count; t++) z[t] = Math.tanh(z[t]);
  } else if (act === ACT_RELU) {
    for (let t = 0; t < count; t++) if (z[t] < 0) z[t] = 0;
  }
}

/** d ⊙= f'(z), with f'(z) recovered from a = f(z). */
function multiplyByDerivative(act: number, d: Float32Array, a: Float32Array, count: number): void {
  if (act === ACT_SIGMOID) {
    for (let t = 0; t < count; t++) d[t] *= a[t] * (1 - a[t]);
  } else if (act === ACT_TANH) {
    for (let t = 0; t < count; t++) d[t] *= 1 - a[t] * a[t];
  } else {
    for (let t = 0; t < count; t++) if (!(a[t] > 0)) d[t] = 0;
  }
}

/** f'(z) from a = f(z), for the probe's per-neuron means. */
export function derivativeFromActivation(act: number, a: number): number {
  if (act === ACT_SIGMOID) return a * (1 - a);
  if (act === ACT_TANH) return 1 - a * a;
  return a > 0 ? 1 : 0;
}
