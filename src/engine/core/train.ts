/**
 * Mini-batch stochastic gradient descent exactly as network2.py's update_mini_batch, plus optional momentum.
 *
 * With m the batch size, n the training-set size, ∇ the mean gradient over the batch:
 *   plain SGD (μ = 0):   w ← (1 − ηλ/n)·w − η∇_w      (eq. 93 of chapter 3, L2 weight decay)
 *                        b ← b − η∇_b                  (biases are not decayed, eq. 94)
 *   momentum (μ > 0):    v ← μv − η∇,  w ← (1 − ηλ/n)·w + v,  b ← b + v_b
 * The momentum form is classical momentum as written by Sutskever et al. 2013 (eq. 1 there; also chapter 3's
 * eqs. 107-108), with the weight decay applied to w directly as network2.py does, not folded into ∇.
 *
 * Optional gradient-norm clipping (Pascanu, Mikolov & Bengio 2013, "On the difficulty of training recurrent
 * neural networks", algorithm 1): when the Euclidean norm of ∇ over every weight and bias of every layer
 * exceeds c, ∇ ← ∇·c/‖∇‖ before it enters the update above. Only the data gradient is clipped; the decay
 * factor still applies in full, so with λ = 0 and μ = 0 a clipped step moves the parameters by exactly η·c.
 * The chapter's exploding preset makes ‖∇‖ huge on the first step; clipping keeps that step from throwing
 * every neuron into saturation, where σ′ ≈ 0 and the gradient then vanishes for good.
 *
 * Decay, gradient and update are fused, so each weight is read and written once per step. The first layer
 * (784 × n₁, most of the work) only visits the batch's non-zero pixels. Where WebAssembly SIMD is available,
 * the first layer runs on its kernels (wasm/simd-first-layer.ts), which keep W⁰ between steps and carry the
 * decay as a scale, so a plain step touches only the rows of W⁰ its batch's pixels use. Without SIMD,
 * JavaScript loops scatter the gradient straight into the weights.
 */

import { BatchPass, checkSamples } from './batch';
import { denseUpdate, sparseForward, sparseOuterAdd } from './kernels';
import { activateOutputRow, outputCostCode } from './output';
import { finish, type PieceMeter, type Pieces, unlimitedMeter, WORK_PER_MULTIPLY_ADD } from './pieces';
import { simdAvailable } from '../wasm/simd';
import { SimdFirstLayer } from '../wasm/simd-first-layer';
import { SimdForwardPass } from '../wasm/simd-eval';
import type { FirstLayerHome, Network } from './network';
import type { Samples } from './types';

export interface SgdOptions {
  /** Learning rate η. */
  eta: number;
  /** L2 regularisation λ; 0 disables weight decay. */
  lambda: number;
  /** n in the decay factor (1 − ηλ/n): the size of the whole training set, not of the batch. */
  trainingSize: number;
  /** Momentum coefficient μ in [0, 1); 0 is plain SGD. */
  momentum?: number;
  /** Threshold c of gradient-norm clipping; 0 or absent leaves the gradient as it is. */
  clipNorm?: number;
}

export function checkSgd(opts: SgdOptions): void {
  if (!(Number.isFinite(opts.eta) && opts.eta >= 0)) throw new RangeError(`learning rate η must be a finite number ≥ 0, got ${opts.eta}`);
  if (!(Number.isFinite(opts.lambda) && opts.lambda >= 0))
    throw new RangeError(`regularisation λ must be a finite number ≥ 0, got ${opts.lambda}`);
  if (!(Number.isFinite(opts.trainingSize) && opts.trainingSize >= 1))
    throw new RangeError(`training-set size n must be at least 1, got ${opts.trainingSize}`);
  const mu = opts.momentum ?? 0;
  if (!(Number.isFinite(mu) && mu >= 0 && mu < 1)) throw new RangeError(`momentum μ must be in [0, 1), got ${mu}`);
  const clip = opts.clipNorm ?? 0;
  if (!(Number.isFinite(clip) && clip >= 0)) throw new RangeError(`clipping threshold c must be a finite number ≥ 0, got ${clip}`);
}

/** Below this, the JavaScript path's W⁰ scale is folded back into V (as the SIMD path does, simd-first-layer.ts). */
const MIN_FIRST_LAYER_SCALE = 1 / 256;

/**
 * W⁰ between the JavaScript path's steps: V in the network's own params with W⁰ = scale·V, so the L2 decay
 * W ← (1 − ηλ/n)·W (eq. 93) multiplies `scale` instead of every one of W⁰'s 784 × n₁ weights, and the
 * gradient is scattered into V over the batch's non-zero pixels only. Anything that reads the parameters
 * brings W⁰ home first (Network.bringHome), which multiplies V by scale in place. Measured before: the
 * decay was 19 % of a step of [784, 30, 10] at batch 10.
 */
class LazyDecayFirstLayer implements FirstLayerHome {
  scale = 1;
  constructor(private readonly net: Network) {}

  /** Takes W⁰ over from the network's params (V = W⁰, scale 1), unless it holds it already. */
  borrow(): void {
    if (this.net.lentTo(this)) return;
    this.net.bringHome(); // from whoever held it before
    this.scale = 1;
    this.net.lendFirstLayer(this);
  }

  /** W⁰ = scale·V into the params, where V already is (called by Network.bringHome). */
  writeBack(): void {
    this.fold();
  }

  /** V ← scale·V, scale ← 1. */
  fold(): void {
    const s = this.scale;
    if (s === 1) return;
    const v = this.net.weightsInPlace[0];
    for (let t = 0; t < v.length; t++) v[t] *= s;
    this.scale = 1;
  }
}

export class Trainer {
  readonly net: Network;
  readonly maxBatch: number;
  private readonly pass: BatchPass;
  /** Momentum velocities, laid out exactly like net.params. */
  private readonly velocity: Float32Array;
  private readonly velocityW: Float32Array[];
  private readonly velocityB: Float32Array[];
  /** Velocities of the normalisation's γ and β (empty without normalisation). */
  private readonly velocityGain: Float32Array[];
  private readonly velocityShift: Float32Array[];
  /** δ of one layer transposed to [neuron][example], for the weight-gradient sums. */
  private readonly deltaT: Float32Array;
  private readonly checked = new WeakSet<Samples>();
  private readonly simd: SimdFirstLayer | null;
  /** W⁰ with its decay kept as a scale, for plain steps on the JavaScript path (null where SIMD runs). */
  private readonly lazyFirstLayer: LazyDecayFirstLayer | null;
  /** Zeros for z¹'s sums, which the lazy path scales before it adds the real biases. */
  private readonly noBias: Float32Array;
  /** One layer's ∂C/∂w summed over the batch, formed only to measure ‖∇‖ when clipping is on. */
  private gradScratch: Float32Array | null = null;
  /**
   * ‖∇‖ of the last step's mean gradient over all weights and biases, before any clipping; NaN when the last
   * step did not clip (measuring it costs a second pass over the weight gradients).
   */
  lastGradNorm = Number.NaN;

  constructor(net: Network, maxBatch: number) {
    this.net = net;
    this.maxBatch = maxBatch;
    const simd = SimdFirstLayer.create(net, maxBatch);
    this.simd = simd;
    this.lazyFirstLayer = simd === null && net.layers.length > 2 ? new LazyDecayFirstLayer(net) : null;
    this.noBias = new Float32Array(net.layers[1]);
    this.pass = simd === null ? new BatchPass(net, maxBatch) : new BatchPass(net, maxBatch, maxBatch * net.layers[0], simd.sparseBuffers);
    this.velocity = new Float32Array(net.params.length);
    const offsetOf = (view: Float32Array): number => (view.byteOffset - net.params.byteOffset) / 4;
    this.velocityW = net.weights.map((w) => this.velocity.subarray(offsetOf(w), offsetOf(w) + w.length));
    this.velocityB = net.biases.map((b) => this.velocity.subarray(offsetOf(b), offsetOf(b) + b.length));
    this.velocityGain = net.gains.map((g) => this.velocity.subarray(offsetOf(g), offsetOf(g) + g.length));
    this.velocityShift = net.shifts.map((g) => this.velocity.subarray(offsetOf(g), offsetOf(g) + g.length));
    this.deltaT = new Float32Array(maxBatch * Math.max(...net.layers.slice(1)));
  }

  resetVelocity(): void {
    this.velocity.fill(0);
    // W⁰'s velocities live next to the SIMD kernels.
    this.simd?.resetVelocity();
  }

  /**
   * One SGD step on examples order[offset .. offset+size). Returns the batch's mean data cost, measured
   * in the forward pass before the update. The first step on a sample set indexes its non-zero inputs once
   * (keyed by the `inputs` array), so keep passing the same arrays rather than fresh copies.
   */
  step(samples: Samples, order: Uint32Array, offset: number, size: number, opts: SgdOptions): number {
    checkSgd(opts);
    if (!this.checked.has(samples)) {
      checkSamples(this.net, samples, 'training');
      this.checked.add(samples);
    }
    const pass = this.pass;
    const simd = this.simd;
    const mu = opts.momentum ?? 0;
    const clip = opts.clipNorm ?? 0;
    const decay = 1 - (opts.eta * opts.lambda) / opts.trainingSize; // eq. 93
    if (simd !== null) {
      pass.loadLabels(samples, order, offset, size);
      simd.gather(samples, order, offset, size);
      if (simd.trainsAllLayers && mu === 0 && clip === 0) {
        // The plain step of the chapter's network runs on the kernels from input to update.
        this.lastGradNorm = Number.NaN;
        return simd.trainStep(size, pass.labels, opts.eta / size, decay) / size;
      }
      simd.forward(size, pass.acts[1]);
    }
    // Plain steps on the JavaScript path keep W⁰'s decay as a scale; momentum's velocity is decayed with W⁰
    // and takes the eager path.
    const lazy = simd === null && mu === 0 ? this.lazyFirstLayer : null;
    if (simd === null) {
      pass.load(samples, order, offset, size, true);
      if (lazy !== null) this.lazyFirstLayerForward(lazy, size);
      else this.net.bringHome(); // the JavaScript loops update W⁰ in params
    }
    pass.forward(simd !== null || lazy !== null, true);
    const totalCost = pass.cost;
    pass.outputDelta();
    pass.backpropDeltas(1);

    const net = this.net;
    const layers = net.layers;
    const m = size;
    const eta = opts.eta;
    let rate = eta / m; // η/m: the mean over the batch
    this.lastGradNorm = Number.NaN;
    if (clip > 0) {
      const norm = this.meanGradientNorm(m);
      this.lastGradNorm = norm;
      // Scaling the step scales every component of ∇ alike, which is all clipping does.
      if (norm > clip) rate *= clip / norm;
    }
    const deltaT = this.deltaT;

    for (let l = 0; l + 1 < layers.length; l++) {
      const nIn = layers[l];
      const nOut = layers[l + 1];
      const w = net.weightsInPlace[l];
      const b = net.biases[l];
      const d = pass.deltas[l + 1];
      const vW = this.velocityW[l];
      const vB = this.velocityB[l];

      // Biases: ∂C/∂b = δ (eq. BP3); no decay.
      for (let j = 0; j < nOut; j++) {
        let g = 0;
        for (let k = 0; k < m; k++) g += d[k * nOut + j];
        if (mu === 0) b[j] -= rate * g;
        else {
          vB[j] = mu * vB[j] - rate * g;
          b[j] += vB[j];
        }
      }

      if (l === 0 && simd !== null) {
        simd.update(m, d, rate, decay, mu);
      } else if (l === 0) {
        // ∂C/∂w_ji = δ_j a_i (eq. BP4) is zero wherever the pixel a_i is, so scatter only the non-zeros.
        if (lazy !== null) {
          // W⁰ = s·V: W ← decay·W − rate·g is s ← decay·s, V ← V − (rate/s)·g, over the non-zero pixels only.
          lazy.scale *= decay;
          sparseOuterAdd(w, nIn, nOut, m, pass.nzStart, pass.nzIdx, pass.nzVal, d, -rate / lazy.scale);
          if (lazy.scale < MIN_FIRST_LAYER_SCALE) lazy.fold();
        } else if (mu === 0) {
          if (decay !== 1) for (let t = 0; t < w.length; t++) w[t] *= decay;
          sparseOuterAdd(w, nIn, nOut, m, pass.nzStart, pass.nzIdx, pass.nzVal, d, -rate);
        } else {
          for (let t = 0; t < vW.length; t++) vW[t] *= mu;
          sparseOuterAdd(vW, nIn, nOut, m, pass.nzStart, pass.nzIdx, pass.nzVal, d, -rate);
          for (let t = 0; t < w.length; t++) w[t] = decay * w[t] + vW[t];
        }
      } else {
        for (let k = 0; k < m; k++) for (let j = 0; j < nOut; j++) deltaT[j * m + k] = d[k * nOut + j];
        denseUpdate(w, vW, nIn, nOut, m, pass.acts[l], deltaT, rate, decay, mu);
      }
    }
    // γ and β of the normalisation, like biases: no weight decay (it would pull γ towards 0 and undo the
    // normalisation's unit scale).
    for (let h = 0; h < net.gains.length; h++) {
      stepParams(net.gains[h], this.velocityGain[h], pass.gradGain[h], rate, mu);
      stepParams(net.shifts[h], this.velocityShift[h], pass.gradShift[h], rate, mu);
    }
    return totalCost / m;
  }

  /** z¹ = s·(V a⁰) + b⁰ into acts[1] for the loaded batch, W⁰ being held as s·V (LazyDecayFirstLayer). */
  private lazyFirstLayerForward(lazy: LazyDecayFirstLayer, m: number): void {
    lazy.borrow();
    const net = this.net;
    const pass = this.pass;
    const n1 = net.layers[1];
    const z = pass.acts[1];
    sparseForward(net.weightsInPlace[0], this.noBias, net.layers[0], n1, m, pass.nzStart, pass.nzIdx, pass.nzVal, z);
    const s = lazy.scale;
    const b = net.biases[0];
    for (let k = 0; k < m; k++) {
      const o = k * n1;
      for (let j = 0; j < n1; j++) z[o + j] = s * z[o + j] + b[j];
    }
  }

  /**
   * ‖∇‖ for the batch whose deltas the pass holds: the Euclidean norm of the mean gradient over every bias
   * (Σₖδₖ/m, eq. BP3) and every weight (Σₖδₖaₖᵀ/m, eq. BP4) of every layer. The weight gradients are formed
   * one layer at a time in a scratch buffer with the same kernels as the update, so the JavaScript and SIMD
   * paths measure the same number from the same δ. Sums of squares are kept in float64.
   */
  private meanGradientNorm(m: number): number {
    const net = this.net;
    const layers = net.layers;
    const pass = this.pass;
    let widest = 0;
    for (let l = 0; l + 1 < layers.length; l++) widest = Math.max(widest, layers[l] * layers[l + 1]);
    if (this.gradScratch === null) this.gradScratch = new Float32Array(widest);
    const g = this.gradScratch;
    const deltaT = this.deltaT;
    let sq = 0;
    for (let l = 0; l + 1 < layers.length; l++) {
      const nIn = layers[l];
      const nOut = layers[l + 1];
      const d = pass.deltas[l + 1];
      for (let j = 0; j < nOut; j++) {
        let gb = 0;
        for (let k = 0; k < m; k++) gb += d[k * nOut + j];
        sq += gb * gb;
      }
      const gw = g.subarray(0, nIn * nOut);
      gw.fill(0);
      if (l === 0) sparseOuterAdd(gw, nIn, nOut, m, pass.nzStart, pass.nzIdx, pass.nzVal, d, 1);
      else {
        for (let k = 0; k < m; k++) for (let j = 0; j < nOut; j++) deltaT[j * m + k] = d[k * nOut + j];
        // w ← 1·w − (−1)·g on a zeroed buffer leaves g itself; the velocity is not read when μ = 0.
        denseUpdate(gw, gw, nIn, nOut, m, pass.acts[l], deltaT, -1, 1, 0);
      }
      for (let t = 0; t < gw.length; t++) sq += gw[t] * gw[t];
    }
    return Math.sqrt(sq) / m;
  }
}

/** p ← p − rate·g, or with momentum v ← μv − rate·g, p ← p + v; g is summed over the batch. */
function stepParams(p: Float32Array, v: Float32Array, g: Float64Array, rate: number, mu: number): void {
  for (let j = 0; j < p.length; j++) {
    if (mu === 0) p[j] -= rate * g[j];
    else {
      v[j] = mu * v[j] - rate * g[j];
      p[j] += v[j];
    }
  }
}

/** Examples per forward pass of an evaluation: large enough that per-batch overhead vanishes, small enough
 *  that the sparse lists (room for every pixel of every image) stay a few megabytes. */
const EVAL_BATCH = 250;

export interface Evaluation {
  /** Fraction of the examples whose largest output is the label. */
  accuracy: number;
  /** Mean data cost (no regularisation term) over the examples. */
  cost: number;
}

/**
 * Accuracy and mean cost of a network over a sample set, on the fastest forward pass available: the SIMD
 * kernels where WebAssembly SIMD runs (simd-eval.ts), else BatchPass's JavaScript loops. Owns all its buffers,
 * so evaluating slice after slice of a validation set allocates no arrays. The parameters are read afresh on
 * each run, so one Evaluator follows its network through training.
 */
export class Evaluator {
  readonly net: Network;
  readonly maxBatch: number;
  /** Whether SIMD was available when this evaluator was built (it may still have fallen back, see usesSimd). */
  readonly builtWithSimd: boolean;
  private readonly simd: SimdForwardPass | null;
  private readonly pass: BatchPass | null;
  private readonly outCost: number;
  /** One example's output activations (float32, as BatchPass stores them, so ties break the same way). */
  private readonly aRow: Float32Array;
  /** The output layer's biases as prepare() took them in: the SIMD kernels leave z^L without them. */
  private readonly outBias: Float32Array;
  private readonly result: Evaluation = { accuracy: 0, cost: 0 };
  private batchCost = 0;
  private batchCorrect = 0;

  constructor(net: Network, maxBatch = EVAL_BATCH) {
    if (!Number.isInteger(maxBatch) || maxBatch < 1) throw new RangeError(`batch size must be a whole number ≥ 1, got ${maxBatch}`);
    this.net = net;
    this.maxBatch = maxBatch;
    this.builtWithSimd = simdAvailable();
    this.simd = this.builtWithSimd ? SimdForwardPass.create(net, maxBatch) : null;
    this.pass = this.simd === null ? new BatchPass(net, maxBatch) : null;
    this.outCost = outputCostCode(net.output, net.cost);
    this.aRow = new Float32Array(net.layers[net.layers.length - 1]);
    this.outBias = new Float32Array(net.layers[net.layers.length - 1]);
  }

  get usesSimd(): boolean {
    return this.simd !== null;
  }

  /**
   * Accuracy and mean data cost over the first `count` examples (default all), on the parameters as they are
   * now. Returns this evaluator's own result object, overwritten by the next run.
   */
  run(samples: Samples, count = samples.count): Evaluation {
    this.prepare();
    return this.runPrepared(samples, count);
  }

  /**
   * Takes in the current parameters: the SIMD pass works on its own copy of them, packed for its kernels.
   * Needed again after any change to the parameters; run() does it each time.
   */
  prepare(): void {
    finish(this.preparePieces(unlimitedMeter()));
  }

  /**
   * prepare() a layer at a time, in pieces of `meter`'s size: on [784, 1000 × 10, 10] the copy of 10 million
   * weights is over 100 ms, so a validation set evaluated in slices takes it once, in pieces of its own.
   */
  *preparePieces(meter: PieceMeter): Pieces<void> {
    this.net.bringHome();
    const simd = this.simd;
    if (simd === null) return; // the JavaScript pass reads the parameters in place
    const layers = this.net.layers;
    this.outBias.set(this.net.biases[layers.length - 2]);
    for (let l = 0; l + 1 < layers.length; l++) {
      simd.prepareLayer(l);
      // A copy and a transposing copy of every weight, as the probe's packing: ~4 plain multiply-adds each.
      if (meter.spend(8 * layers[l] * layers[l + 1] * WORK_PER_MULTIPLY_ADD.js)) yield;
    }
  }

  /**
   * run() on the parameters taken in by the last prepare() or preparePieces(), which must not have changed
   * since: a validation set evaluated slice by slice between two training steps prepares once.
   */
  runPrepared(samples: Samples, count = samples.count): Evaluation {
    if (!Number.isInteger(count) || count < 1 || count > samples.count)
      throw new RangeError(`cannot evaluate ${count} examples of a set of ${samples.count}`);
    checkSamples(this.net, samples, 'evaluation', count);
    const L = this.net.layers.length;
    const nOut = this.net.layers[L - 1];
    const simd = this.simd;
    const pass = this.pass;
    this.net.bringHome(); // the JavaScript pass reads W⁰ in place
    let cost = 0;
    let correct = 0;
    for (let offset = 0; offset < count; offset += this.maxBatch) {
      const size = Math.min(this.maxBatch, count - offset);
      if (simd !== null) {
        simd.forward(samples, offset, size);
        // The kernels leave z^L without its bias: add it here, rounding to float32 as BatchPass's z^L is.
        const f = simd.f32;
        const b = this.outBias;
        for (let k = 0; k < size; k++) {
          const o = simd.outBase + k * simd.outStride;
          for (let j = 0; j < nOut; j++) f[o + j] += b[j];
        }
        this.score(f, simd.outBase, simd.outStride, size, samples.labels, offset);
      } else if (pass !== null) {
        pass.load(samples, null, offset, size);
        pass.forward();
        this.score(pass.zOut, 0, nOut, size, samples.labels, offset);
      }
      cost += this.batchCost;
      correct += this.batchCorrect;
    }
    this.result.accuracy = correct / count;
    this.result.cost = cost / count;
    return this.result;
  }

  /**
   * Sum of the costs and the number of correct argmaxes of m examples whose z^L rows start at
   * base + k·stride. The argmax is taken over the float32 activations, first index winning, exactly as
   * BatchPass forms them.
   */
  private score(z: Float32Array, base: number, stride: number, m: number, labels: Uint8Array, labelBase: number): void {
    const nOut = this.aRow.length;
    const a = this.aRow;
    const code = this.outCost;
    let total = 0;
    let correct = 0;
    for (let k = 0; k < m; k++) {
      const y = labels[labelBase + k];
      total += activateOutputRow(code, z, base + k * stride, a, 0, nOut, y, true);
      let best = 0;
      for (let j = 1; j < nOut; j++) if (a[j] > a[best]) best = j;
      if (best === y) correct++;
    }
    this.batchCost = total;
    this.batchCorrect = correct;
  }
}

/** One evaluator per network, so repeated calls (a validation set in slices) reuse its buffers. */
const evaluators = new WeakMap<Network, Evaluator>();

/**
 * Accuracy (fraction whose largest output is the label) and mean data cost over the first `count` examples.
 * A convenience over Evaluator that keeps one per network.
 */
export function evaluate(net: Network, samples: Samples, count = samples.count): Evaluation {
  let evaluator = evaluators.get(net);
  // Rebuilt if SIMD has been switched on or off since (tests compare both paths on one network).
  if (evaluator === undefined || evaluator.builtWithSimd !== simdAvailable()) {
    evaluator = new Evaluator(net);
    evaluators.set(net, evaluator);
  }
  const r = evaluator.run(samples, count);
  return { accuracy: r.accuracy, cost: r.cost };
}
