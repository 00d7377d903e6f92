/**
 * The first layer of an SGD step on the WebAssembly SIMD kernels of simd.ts: z¹ = W⁰a⁰ + b⁰ over the batch's
 * non-zero pixels, and the update of W⁰ with ∂C/∂W⁰ = δ¹(a⁰)ᵀ (eq. BP4). The 784 × n₁ first layer is most of
 * a step's work; the other layers stay in JavaScript (core/train.ts).
 *
 * W⁰ lives here between steps, in the panels the kernels read, as W⁰ = scale·V: the network lends it
 * (Network.lendFirstLayer) and takes it back, row-major, whenever anything else reads the parameters. So a
 * step neither copies nor repacks W⁰, and the L2 decay W ← (1 − ηλ/n)·W (eq. 93) costs one multiplication of
 * `scale` instead of a pass over every weight. What remains of the update, −η/m·Σ_k δ_k a_kᵀ, is zero in the
 * rows of pixels that are blank in every example of the batch, so it is scattered straight into V over the
 * batch's non-zero pixels only (the sparseOuter kernel, δ pre-multiplied by −η/(m·scale)).
 */
import { activationCode } from '../core/activations';
import type { FirstLayerHome, Network } from '../core/network';
import { outputCostCode } from '../core/output';
import type { Samples } from '../core/types';
import { Arena } from './arena';
import { fillGatherTable, GATHER_TABLE_BYTES, PANEL_LANES as LANES, padToPanels, simdKernels, type SimdKernels } from './simd';
import { planDense, SimdDenseLayers, type DensePlan } from './simd-dense';

type Region = 'table' | 'bytes' | 'start' | 'idx' | 'val' | 'panel' | 'grad' | 'w' | 'velocity' | 'z' | 'delta';

/**
 * Below this, `scale` is folded back into V. V grows as 1/scale, which float32 holds without losing relative
 * precision for a very long time; folding at 1/256 (every ~110,000 steps at the chapter's η = 0.1, λ = 5,
 * n = 50,000) keeps V's magnitudes ordinary at the cost of one pass over W⁰ now and then.
 */
const MIN_SCALE = 1 / 256;

/**
 * The memory plan, in order:
 *   table, bytes     the gather kernel's tables (fillGatherTable), and the batch's images as bytes
 *   start, idx, val  the batch's sparse inputs: room for every pixel non-zero (gather writes unchecked)
 *   panel            V packed: panel g, input i, lane q holds V[g·PANEL_LANES + q][i]; W⁰ = scale·V
 *   grad, velocity   the momentum form only: ∂C/∂W⁰ summed over the batch, and the velocities, same packing
 *   w                W⁰ row-major, where it is staged to be packed when the network lends it
 *   z, delta         z¹ rows, then δ¹ rows, `padded` floats apart
 */
function plan(net: Network, maxBatch: number): { arena: Arena<string>; dense: DensePlan | null } {
  const nIn = net.layers[0];
  const n1 = net.layers[1];
  const padded = padToPanels(n1);
  const arena = new Arena<string>();
  arena.reserve('table', GATHER_TABLE_BYTES);
  arena.reserve('bytes', maxBatch * nIn);
  arena.reserveWords('start', maxBatch + 1);
  arena.reserveWords('idx', maxBatch * nIn);
  arena.reserveWords('val', maxBatch * nIn);
  arena.reserveWords('panel', padded * nIn);
  arena.reserveWords('grad', padded * nIn);
  arena.reserveWords('velocity', padded * nIn);
  arena.reserveWords('w', n1 * nIn);
  const z = arena.reserveWords('z', maxBatch * padded);
  const delta = arena.reserveWords('delta', maxBatch * padded);
  // The whole step runs on the kernels for the chapter's plain network; the cures' layers stay in JavaScript.
  const dense = net.cured ? null : planDense(arena, net, maxBatch, z, delta);
  return { arena, dense };
}

export class SimdFirstLayer implements FirstLayerHome {
  private readonly net: Network;
  private readonly kernels: SimdKernels;
  /** Byte offsets of the regions, looked up once (a step passes a dozen of them to the kernels). */
  private readonly at: Record<Region, number>;
  /** Rows of z¹ and δ¹ are this many floats apart (n₁ rounded up to whole panels). */
  private readonly padded: number;
  /** The sparse input lists the gather kernel writes, which BatchPass reads as its own. */
  readonly sparseBuffers: { nzStart: Int32Array; nzIdx: Int32Array; nzVal: Float32Array };
  /** W⁰ = scale·V while the network has lent W⁰ here. */
  private scale = 1;
  /** The layers above the first, where the whole step can run here (null for a network with cures). */
  private readonly dense: SimdDenseLayers | null;
  /** Whether the network has lent the dense layers too (trainStep), or W⁰ alone (forward and update). */
  private holdsAll = false;
  /** Views made once, so a step allocates nothing. */
  private readonly panel: Float32Array;
  private readonly wStage: Float32Array;
  private readonly velocity: Float32Array;
  private readonly z: Float32Array;
  private readonly delta: Float32Array;
  private readonly bytes: Uint8Array;

  /** Returns null for a network without hidden layers, or when WebAssembly SIMD is unavailable. */
  static create(net: Network, maxBatch: number): SimdFirstLayer | null {
    if (net.numHidden < 1) return null;
    const { arena, dense } = plan(net, maxBatch);
    const kernels = simdKernels(arena.totalBytes);
    return kernels === null ? null : new SimdFirstLayer(net, kernels, arena, dense);
  }

  private constructor(net: Network, kernels: SimdKernels, arena: Arena<string>, dense: DensePlan | null) {
    this.net = net;
    this.kernels = kernels;
    const regions: Region[] = ['table', 'bytes', 'start', 'idx', 'val', 'panel', 'grad', 'w', 'velocity', 'z', 'delta'];
    this.at = Object.fromEntries(regions.map((r) => [r, arena.offset(r)])) as Record<Region, number>;
    this.padded = padToPanels(net.layers[1]);
    // Fresh memory is zero, so the padding lanes of the panels, of the gradient and of δ¹ start (and stay) 0.
    const memory = kernels.memory;
    this.sparseBuffers = { nzStart: arena.ints(memory, 'start'), nzIdx: arena.ints(memory, 'idx'), nzVal: arena.floats(memory, 'val') };
    this.panel = arena.floats(memory, 'panel');
    this.wStage = arena.floats(memory, 'w');
    this.velocity = arena.floats(memory, 'velocity');
    this.z = arena.floats(memory, 'z');
    this.delta = arena.floats(memory, 'delta');
    this.bytes = new Uint8Array(memory.buffer);
    // Computed in float64 and rounded once, as batch.ts's loader does, so both paths see the same inputs.
    fillGatherTable(memory.buffer, this.at.table);
    this.dense =
      dense === null
        ? null
        : new SimdDenseLayers(net, kernels, dense, activationCode(net.activation), outputCostCode(net.output, net.cost));
  }

  /** Whether trainStep can run the whole step (a network without skips or normalisation). */
  get trainsAllLayers(): boolean {
    return this.dense !== null;
  }

  /**
   * The sparse inputs of examples order[offset .. offset+size): their bytes copied in (one memcpy each),
   * then the gather kernel, which skips blank 16-pixel runs in one comparison. The caller checks the range.
   */
  gather(samples: Samples, order: Uint32Array, offset: number, size: number): void {
    const nIn = samples.inputSize;
    const inputs = samples.inputs;
    const base = this.at.bytes;
    for (let k = 0; k < size; k++) {
      const from = order[offset + k] * nIn;
      this.bytes.set(inputs.subarray(from, from + nIn), base + k * nIn);
    }
    const at = this.at;
    this.kernels.gather(size, base, nIn, at.table, at.start, at.idx, at.val);
  }

  resetVelocity(): void {
    this.velocity.fill(0);
  }

  /** Takes W⁰ (and with `all` every dense layer) from the network's params into the panels, unless they are here. */
  private borrow(all: boolean): void {
    const net = this.net;
    if (net.lentTo(this) && this.holdsAll === all) return;
    net.bringHome(); // from whoever held it before, this one included
    this.wStage.set(net.weightsInPlace[0]);
    this.kernels.pack(this.at.w, net.layers[0], net.layers[1], this.at.panel);
    this.scale = 1;
    if (all) this.dense?.load();
    this.holdsAll = all;
    net.lendFirstLayer(this);
  }

  /** W⁰ = scale·V back into the network's params, row-major (called by Network.bringHome). */
  writeBack(): void {
    const nIn = this.net.layers[0];
    const n1 = this.net.layers[1];
    const w = this.net.weightsInPlace[0];
    const v = this.panel;
    const s = this.scale;
    for (let j = 0; j < n1; j++) {
      const lane = (j >> Math.log2(LANES)) * nIn * LANES + (j & (LANES - 1));
      const row = j * nIn;
      for (let i = 0; i < nIn; i++) w[row + i] = s * v[lane + i * LANES];
    }
    if (this.holdsAll) this.dense?.writeBack();
  }

  /** V ← scale·V, scale ← 1: one pass, so V's magnitudes stay ordinary. */
  private foldScale(): void {
    const s = this.scale;
    if (s === 1) return;
    const v = this.panel;
    for (let t = 0; t < v.length; t++) v[t] *= s;
    this.scale = 1;
  }

  /** z¹ = W⁰a⁰ + b⁰ for the m examples loaded into sparseBuffers, into a1 (rows of n₁). */
  forward(m: number, a1: Float32Array): void {
    this.borrow(false);
    const net = this.net;
    const nIn = net.layers[0];
    const n1 = net.layers[1];
    const at = this.at;
    const padded = this.padded;
    this.kernels.sparse(m, at.start, at.idx, at.val, at.panel, padded / LANES, nIn * LANES * 4, at.z, padded * 4);
    const z = this.z;
    const b = net.biases[0];
    const s = this.scale;
    for (let k = 0; k < m; k++) {
      const o = k * n1;
      const oz = k * padded;
      for (let j = 0; j < n1; j++) a1[o + j] = s * z[oz + j] + b[j];
    }
  }

  /**
   * W⁰ ← decay·W⁰ − rate·Σ_k δ¹_k (a⁰_k)ᵀ, or the momentum form (core/train.ts), from δ¹ (rows of n₁) of the
   * batch whose inputs forward() read.
   */
  update(m: number, d1: Float32Array, rate: number, decay: number, mu: number): void {
    const coefficient = this.decayStep(rate, decay, mu);
    const n1 = this.net.layers[1];
    const padded = this.padded;
    const delta = this.delta;
    for (let k = 0; k < m; k++) {
      const o = k * n1;
      const od = k * padded;
      for (let j = 0; j < n1; j++) delta[od + j] = coefficient * d1[o + j];
    }
    this.scatter(m, rate, decay, mu);
  }

  /**
   * A whole plain SGD step (μ = 0, no clipping) on the kernels, for a network without cures: the examples
   * gathered by gather(), their labels given. Returns the summed cost of the m examples, before the update.
   */
  trainStep(m: number, labels: Uint8Array, rate: number, decay: number): number {
    const dense = this.dense;
    if (dense === null) throw new Error('trainStep needs a network without skips or normalisation');
    this.borrow(true);
    dense.prepare(this.scale);
    const at = this.at;
    const padded = this.padded;
    this.kernels.sparse(m, at.start, at.idx, at.val, at.panel, padded / LANES, this.net.layers[0] * LANES * 4, at.z, padded * 4);
    const cost = dense.forwardBackward(m, labels);
    dense.update(m, rate, decay);
    // δ¹ is in its rows already: scale it in place (its padding lanes are 0 and stay 0).
    const coefficient = this.decayStep(rate, decay, 0);
    const delta = this.delta;
    const n1 = this.net.layers[1];
    for (let k = 0; k < m; k++) {
      const od = k * padded;
      for (let j = 0; j < n1; j++) delta[od + j] *= coefficient;
    }
    this.scatter(m, rate, decay, 0);
    return cost;
  }

  /**
   * Applies this step's decay to the scale (or, with momentum, folds the scale away) and returns the factor
   * δ¹ must be multiplied by before scatter().
   */
  private decayStep(rate: number, decay: number, mu: number): number {
    if (mu !== 0) {
      // Momentum moves every weight each step anyway; keep scale at 1 and let the kernel do the dense step.
      this.foldScale();
      return 1;
    }
    this.scale *= decay;
    // A factor ≤ 0 cannot be carried in the scale for long: apply it to V at once.
    if (!(decay > 0)) this.foldScale();
    // decay·s·V − rate·G = (decay·s)·(V − rate/(decay·s)·G)
    return -rate / this.scale;
  }

  /** Σ_k δ_k a_kᵀ over the batch's non-zero pixels, from the scaled δ¹ rows, into V (μ = 0) or the gradient. */
  private scatter(m: number, rate: number, decay: number, mu: number): void {
    const at = this.at;
    const padded = this.padded;
    const nIn = this.net.layers[0];
    const target = mu === 0 ? at.panel : at.grad;
    this.kernels.sparseOuter(m, at.start, at.idx, at.val, at.delta, padded * 4, padded / LANES, target, nIn * LANES * 4);
    if (mu !== 0) this.kernels.momentum((padded * nIn) / 4, at.panel, at.velocity, at.grad, rate, decay, mu);
    else if (this.scale < MIN_SCALE) this.foldScale();
  }
}
