/**
 * The layers above the first during an SGD step on the SIMD kernels, for the chapter's plain network (no
 * skips, no normalisation): forward, backward and update of every dense layer W^l (l ≥ 1) in the memory the
 * first layer's kernels already use (simd-first-layer.ts owns that memory and calls these). At a batch of 10
 * and widths of 30, the JavaScript loops spent more time on these small layers than the kernels spent on the
 * 784-input one.
 *
 * Each dense layer is kept twice: forward panels (panel g, input i, lane q = W[g·PANEL_LANES + q][i]), which the dense
 * kernel reads to form z = W a and the denseOuter kernel updates in place, and backward panels (panel g,
 * output j, lane q = W[j][g·PANEL_LANES + q]), the transpose, which the dense kernel reads to form Wᵀδ. After each
 * update the backward panels are rebuilt from the forward ones.
 */
import type { Network } from '../core/network';
import { activateOutputRow, outputDeltaRow } from '../core/output';
import type { Arena } from './arena';
import { PANEL_LANES as LANES, type OutputKernel, padToPanels as pad, sigmoidOutputKernel, type SimdKernels } from './simd';

const LANE_BITS = Math.log2(LANES);

/** Per layer index l, byte offsets in the shared memory (−1 where a layer has no such region). */
export interface DensePlan {
  /** b^l padded to whole panels, l = 0 .. L−2. */
  bias: number[];
  /** Forward and backward panels of W^l, l = 1 .. L−2. */
  fwd: number[];
  bwd: number[];
  /** Rows of a^l (z^L for the output layer) and of δ^l, l = 1 .. L−1, pad(n_l) floats apart. */
  act: number[];
  delta: number[];
  /** stats' per-neuron sums of hidden layer l (Σδ first), l = 1 .. L−2. */
  sums: number[];
  /** The float32 scale of W⁰ = scale·V, read by the first layer's activation. */
  scale: number;
  /** The batch's labels as bytes, and two float32 per example for the output kernel's cost (c, s). */
  labels: number;
  costs: number;
}

/**
 * Reserves the dense layers' regions; a¹ and δ¹ are the first layer's own `z` and `delta` rows, passed in.
 */
export function planDense(arena: Arena<string>, net: Network, maxBatch: number, act1: number, delta1: number): DensePlan {
  const layers = net.layers;
  const L = layers.length;
  const plan: DensePlan = {
    bias: [],
    fwd: [-1],
    bwd: [-1],
    act: [-1, act1],
    delta: [-1, delta1],
    sums: [-1],
    scale: 0,
    labels: 0,
    costs: 0,
  };
  for (let l = 0; l + 1 < L; l++) plan.bias.push(arena.reserveWords(`bias ${l}`, pad(layers[l + 1])));
  for (let l = 1; l + 1 < L; l++) {
    plan.fwd.push(arena.reserveWords(`fwd ${l}`, pad(layers[l + 1]) * layers[l]));
    plan.bwd.push(arena.reserveWords(`bwd ${l}`, pad(layers[l]) * layers[l + 1]));
    plan.sums.push(arena.reserveWords(`sums ${l}`, 3 * pad(layers[l])));
  }
  for (let l = 2; l < L; l++) {
    plan.act.push(arena.reserveWords(`act ${l}`, maxBatch * pad(layers[l])));
    plan.delta.push(arena.reserveWords(`delta ${l}`, maxBatch * pad(layers[l])));
  }
  plan.scale = arena.reserveWords('scale', 4);
  plan.labels = arena.reserve('labels', maxBatch);
  plan.costs = arena.reserveWords('costs', 2 * maxBatch);
  return plan;
}

export class SimdDenseLayers {
  private readonly net: Network;
  private readonly kernels: SimdKernels;
  private readonly plan: DensePlan;
  private readonly f32: Float32Array;
  private readonly u8: Uint8Array;
  private readonly act: number;
  private readonly outCost: number;
  /** The output layer's kernel for a sigmoid output; null for softmax, which stays in JavaScript. */
  private readonly outputKernel: OutputKernel | null;

  constructor(net: Network, kernels: SimdKernels, plan: DensePlan, act: number, outCost: number) {
    this.net = net;
    this.kernels = kernels;
    this.plan = plan;
    this.f32 = new Float32Array(kernels.memory.buffer);
    this.u8 = new Uint8Array(kernels.memory.buffer);
    this.act = act;
    this.outCost = outCost;
    this.outputKernel = sigmoidOutputKernel(kernels, outCost);
  }

  /** Packs W^l (l ≥ 1) from the network's params into forward and backward panels. */
  load(): void {
    const layers = this.net.layers;
    const f = this.f32;
    for (let l = 1; l + 1 < layers.length; l++) {
      const nIn = layers[l];
      const nOut = layers[l + 1];
      const w = this.net.weightsInPlace[l];
      const fwd = this.plan.fwd[l] >> 2;
      for (let j = 0; j < nOut; j++) {
        const lane = fwd + (j >> LANE_BITS) * nIn * LANES + (j & (LANES - 1));
        for (let i = 0; i < nIn; i++) f[lane + i * LANES] = w[j * nIn + i];
      }
      this.transpose(l);
    }
  }

  /** W^l (l ≥ 1) from the forward panels back into the network's params, row-major. */
  writeBack(): void {
    const layers = this.net.layers;
    const f = this.f32;
    for (let l = 1; l + 1 < layers.length; l++) {
      const nIn = layers[l];
      const nOut = layers[l + 1];
      const w = this.net.weightsInPlace[l];
      const fwd = this.plan.fwd[l] >> 2;
      for (let j = 0; j < nOut; j++) {
        const lane = fwd + (j >> LANE_BITS) * nIn * LANES + (j & (LANES - 1));
        for (let i = 0; i < nIn; i++) w[j * nIn + i] = f[lane + i * LANES];
      }
    }
  }

  /** Backward panels of W^l from its forward panels (the transpose kernel). */
  private transpose(l: number): void {
    this.kernels.transpose(this.plan.fwd[l], this.net.layers[l], this.net.layers[l + 1], this.plan.bwd[l]);
  }

  /** Copies the biases in and the first layer's scale, before a step's forward pass. */
  prepare(scale: number): void {
    const layers = this.net.layers;
    for (let l = 0; l + 1 < layers.length; l++) this.f32.set(this.net.biases[l], this.plan.bias[l] >> 2);
    this.f32[this.plan.scale >> 2] = scale;
  }

  /**
   * Given z¹ without bias or scale in the first layer's rows: a¹ = f(scale·z¹ + b⁰), the dense layers, the
   * output and δ^L, then δ of every hidden layer (eq. BP2). Returns the summed cost of the m examples.
   */
  forwardBackward(m: number, labels: Uint8Array): number {
    const layers = this.net.layers;
    const L = layers.length;
    const k = this.kernels;
    const p = this.plan;
    k.activate[this.act](m, p.act[1], pad(layers[1]) * 4, Math.ceil(layers[1] / 4), p.bias[0], p.scale);
    for (let l = 1; l + 1 < L; l++) {
      const n = layers[l];
      const nOut = layers[l + 1];
      k.dense(m, p.act[l], pad(n) * 4, n, p.fwd[l], pad(nOut) / LANES, n * LANES * 4, p.act[l + 1], pad(nOut) * 4);
      if (l + 2 < L) k.activate[this.act](m, p.act[l + 1], pad(nOut) * 4, Math.ceil(nOut / 4), p.bias[l], 0);
    }
    const nOut = layers[L - 1];
    const output = this.outputKernel;
    let cost = 0;
    if (output !== null) {
      // A sigmoid output layer on its kernel: a, δ^L and each example's cost as (c, s), C = c + log1p(s).
      const labelBytes = this.u8;
      for (let e = 0; e < m; e++) labelBytes[p.labels + e] = labels[e];
      output(m, p.act[L - 1], pad(nOut) * 4, Math.ceil(nOut / 4), p.bias[L - 2], p.labels, nOut, p.delta[L - 1], p.costs);
      const costs = this.f32;
      const c0 = p.costs >> 2;
      for (let e = 0; e < m; e++) cost += costs[c0 + 2 * e] + Math.log1p(costs[c0 + 2 * e + 1]);
    } else {
      // A softmax output layer in JavaScript (output.ts): a^L = f(z^L + b), the cost, δ^L, padding lanes of δ^L cleared.
      const stride = pad(nOut);
      const f = this.f32;
      const b = this.net.biases[L - 2];
      for (let e = 0; e < m; e++) {
        const a = (p.act[L - 1] >> 2) + e * stride;
        const d = (p.delta[L - 1] >> 2) + e * stride;
        for (let j = 0; j < nOut; j++) f[a + j] += b[j];
        cost += activateOutputRow(this.outCost, f, a, f, a, nOut, labels[e], true);
        outputDeltaRow(this.outCost, f, a, f, d, nOut, labels[e]);
        for (let j = nOut; j < stride; j++) f[d + j] = 0;
      }
    }
    for (let l = L - 2; l >= 1; l--) {
      const n = layers[l];
      const nNext = layers[l + 1];
      k.dense(m, p.delta[l + 1], pad(nNext) * 4, nNext, p.bwd[l], pad(n) / LANES, nNext * LANES * 4, p.delta[l], pad(n) * 4);
      k.stats[this.act](m, p.delta[l], p.act[l], pad(n) * 4, Math.ceil(n / 4), p.sums[l]);
    }
    return cost;
  }

  /** Biases and dense weights: b ← b − rate·Σδ, W^l ← decay·W^l − rate·Σ δ^{l+1} (a^l)ᵀ (eqs. 93, 94, BP3, BP4). */
  update(m: number, rate: number, decay: number): void {
    const layers = this.net.layers;
    const L = layers.length;
    const k = this.kernels;
    const p = this.plan;
    const f = this.f32;
    for (let l = 1; l < L; l++) {
      const n = layers[l];
      const b = this.net.biases[l - 1];
      if (l + 1 < L) {
        const sums = p.sums[l] >> 2;
        for (let j = 0; j < n; j++) b[j] -= rate * f[sums + j];
      } else {
        const stride = pad(n);
        const d0 = p.delta[l] >> 2;
        for (let j = 0; j < n; j++) {
          let g = 0;
          for (let e = 0; e < m; e++) g += f[d0 + e * stride + j];
          b[j] -= rate * g;
        }
      }
    }
    for (let l = 1; l + 1 < L; l++) {
      const n = layers[l];
      const nOut = layers[l + 1];
      k.denseOuter(m, p.act[l], pad(n) * 4, n, p.delta[l + 1], pad(nOut) * 4, pad(nOut) / LANES, p.fwd[l], n * LANES * 4, rate, decay);
      this.transpose(l);
    }
  }
}
