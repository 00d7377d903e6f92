/**
 * A gradient-descent step taken in pieces: the gradient of a batch is a sum over its examples, so it can be
 * summed a few examples at a time, with any amount of other work in between, and applied as ONE step once
 * every example is in. The worker uses it for learning-speed mode, where one step is the whole probe set
 * and a wide network would otherwise hold the thread for many seconds per step.
 *
 * The step applied is the one Trainer.step takes on the same examples (eqs. 93-94, momentum, gradient-norm
 * clipping; see train.ts): w ← decay·w − (η/m)·Σ∇, with ∇ summed over all m examples. Only the order in
 * which float32 partial sums are added differs, so the parameters agree with one unsplit step to rounding.
 * The passes run on the JavaScript loops: W⁰ is brought home from any SIMD holder before it is read, so the
 * numbers do not depend on which engine held the weights before.
 */
import { BatchPass, checkSamples } from './batch';
import { denseUpdate, sparseOuterAdd } from './kernels';
import type { Network } from './network';
import { finish, type PieceMeter, type Pieces, unlimitedMeter, WORK_PER_MULTIPLY_ADD } from './pieces';
import { checkSgd, type SgdOptions } from './train';
import type { Samples } from './types';

export class GradientSum {
  readonly net: Network;
  /** The most examples one add() takes. */
  readonly maxChunk: number;
  private readonly pass: BatchPass;
  /** Σ ∂C/∂w per layer (float32, like the weights), Σ ∂C/∂b per layer (float64). */
  private readonly gradW: Float32Array[];
  private readonly gradB: Float64Array[];
  private readonly gradGain: Float64Array[];
  private readonly gradShift: Float64Array[];
  /** Momentum velocities laid out like net.params, allocated on the first step with μ > 0. */
  private velocity: Float32Array | null = null;
  private readonly deltaT: Float32Array;
  private readonly checked = new WeakSet<Samples>();
  /** Examples summed since the last step. */
  examples = 0;
  /** Some gradient has been added since the last clear, perhaps by an addPieces left unfinished. */
  private touched = false;
  /** Their summed data cost, measured before the update. */
  cost = 0;

  constructor(net: Network, maxChunk: number) {
    this.net = net;
    this.maxChunk = maxChunk;
    this.pass = new BatchPass(net, maxChunk);
    const layers = net.layers;
    this.gradW = [];
    this.gradB = [];
    for (let l = 0; l + 1 < layers.length; l++) {
      this.gradW.push(new Float32Array(layers[l] * layers[l + 1]));
      this.gradB.push(new Float64Array(layers[l + 1]));
    }
    this.gradGain = net.gains.map((g) => new Float64Array(g.length));
    this.gradShift = net.shifts.map((g) => new Float64Array(g.length));
    this.deltaT = new Float32Array(maxChunk * Math.max(...layers.slice(1)));
  }

  /** Forgets the examples summed so far (a reset or a new start mid-step). */
  clear(): void {
    if (this.examples === 0 && !this.touched) return;
    this.touched = false;
    for (const g of this.gradW) g.fill(0);
    for (const g of this.gradB) g.fill(0);
    for (const g of this.gradGain) g.fill(0);
    for (const g of this.gradShift) g.fill(0);
    this.examples = 0;
    this.cost = 0;
  }

  resetVelocity(): void {
    this.velocity?.fill(0);
  }

  /** Adds the gradient of examples order[offset .. offset+size) to the sum; returns their summed cost. */
  add(samples: Samples, order: Uint32Array, offset: number, size: number): number {
    return finish(this.addPieces(samples, order, offset, size, unlimitedMeter()));
  }

  /**
   * add() in pieces of `meter`'s size (core/pieces.ts), cut between layers: on the widest networks one
   * image's pass through all layers is over 50 ms. The network must not change until it returns.
   */
  *addPieces(samples: Samples, order: Uint32Array, offset: number, size: number, meter: PieceMeter): Pieces<number> {
    if (!this.checked.has(samples)) {
      checkSamples(this.net, samples, 'training');
      this.checked.add(samples);
    }
    const net = this.net;
    const pass = this.pass;
    const layers = net.layers;
    const layerWork = (l: number) => size * layers[l] * layers[l + 1] * WORK_PER_MULTIPLY_ADD.js;
    net.bringHome(); // the JavaScript pass reads W⁰ in place
    pass.load(samples, order, offset, size, true);
    for (let l = 0; l + 1 < layers.length; l++) {
      pass.forwardLayer(l);
      if (meter.spend(layerWork(l))) yield;
    }
    pass.finishForward(true);
    const cost = pass.cost;
    pass.outputDelta();
    pass.beginBackprop();
    for (let l = layers.length - 2; l >= 1; l--) {
      pass.backpropLayer(l);
      if (meter.spend(layerWork(l))) yield;
    }
    const m = size;
    const deltaT = this.deltaT;
    this.touched = true;
    for (let l = 0; l + 1 < layers.length; l++) {
      const nIn = layers[l];
      const nOut = layers[l + 1];
      const d = pass.deltas[l + 1];
      const gb = this.gradB[l];
      for (let k = 0; k < m; k++) for (let j = 0; j < nOut; j++) gb[j] += d[k * nOut + j];
      const gw = this.gradW[l];
      if (l === 0) sparseOuterAdd(gw, nIn, nOut, m, pass.nzStart, pass.nzIdx, pass.nzVal, d, 1);
      else {
        for (let k = 0; k < m; k++) for (let j = 0; j < nOut; j++) deltaT[j * m + k] = d[k * nOut + j];
        // g ← 1·g − (−1)·Σδaᵀ: the update kernel with a unit rate adds the batch's weight gradient to g.
        denseUpdate(gw, gw, nIn, nOut, m, pass.acts[l], deltaT, -1, 1, 0);
      }
      if (meter.spend(layerWork(l))) yield;
    }
    for (let h = 0; h < this.gradGain.length; h++) {
      for (let j = 0; j < this.gradGain[h].length; j++) {
        this.gradGain[h][j] += pass.gradGain[h][j];
        this.gradShift[h][j] += pass.gradShift[h][j];
      }
    }
    this.examples += m;
    this.cost += cost;
    return cost;
  }

  /** ‖∇‖ of the mean gradient over weights and biases (not γ, β), as Trainer measures it for clipping. */
  meanGradientNorm(): number {
    let sq = 0;
    for (const g of this.gradB) for (let j = 0; j < g.length; j++) sq += g[j] * g[j];
    for (const g of this.gradW) for (let t = 0; t < g.length; t++) sq += g[t] * g[t];
    return Math.sqrt(sq) / this.examples;
  }

  /** Applies one step with the summed gradient, clears the sum, and returns the mean data cost of its examples. */
  apply(opts: SgdOptions): number {
    checkSgd(opts);
    const m = this.examples;
    if (m === 0) throw new Error('no examples have been summed for this step');
    const net = this.net;
    net.bringHome();
    const mu = opts.momentum ?? 0;
    const clip = opts.clipNorm ?? 0;
    const decay = 1 - (opts.eta * opts.lambda) / opts.trainingSize; // eq. 93
    let rate = opts.eta / m;
    if (clip > 0) {
      const norm = this.meanGradientNorm();
      if (norm > clip) rate *= clip / norm;
    }
    if (mu > 0 && this.velocity === null) this.velocity = new Float32Array(net.params.length);
    const velocity = this.velocity;
    const offsetOf = (view: Float32Array): number => (view.byteOffset - net.params.byteOffset) / 4;
    const step = (p: Float32Array, g: Float32Array | Float64Array, pDecay: number): void => {
      if (mu === 0 || velocity === null) {
        for (let t = 0; t < p.length; t++) p[t] = pDecay * p[t] - rate * g[t];
        return;
      }
      const v = velocity.subarray(offsetOf(p), offsetOf(p) + p.length);
      for (let t = 0; t < p.length; t++) {
        v[t] = mu * v[t] - rate * g[t];
        p[t] = pDecay * p[t] + v[t];
      }
    };
    for (let l = 0; l < this.gradW.length; l++) {
      step(net.weightsInPlace[l], this.gradW[l], decay);
      step(net.biases[l], this.gradB[l], 1); // biases are not decayed (eq. 94)
    }
    for (let h = 0; h < this.gradGain.length; h++) {
      step(net.gains[h], this.gradGain[h], 1);
      step(net.shifts[h], this.gradShift[h], 1);
    }
    const cost = this.cost / m;
    this.clear();
    return cost;
  }
}
