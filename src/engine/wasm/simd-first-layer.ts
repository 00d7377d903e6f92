/**
 * The first layer of an SGD step on the WebAssembly SIMD kernels of simd.ts: z¹ = W⁰a⁰ + b⁰ over the batch's
 * non-zero pixels, and the update of W⁰ with ∂C/∂W⁰ = δ¹(a⁰)ᵀ (eq. BP4). The 784 × n₁ first layer is most of
 * a step's work; the other layers stay in JavaScript (core/train.ts).
 *
 * W⁰ is copied into the kernels' memory each step (one memcpy), packed into panels, updated there and copied
 * back, so the network's `params` stay the only source of truth and may be changed between steps (presets,
 * re-initialisation).
 */
import type { Network } from '../core/network';
import { Arena } from './arena';
import { PANEL_LANES as LANES, padToPanels, simdKernels, type SimdKernels } from './simd';

type Region = 'start' | 'idx' | 'val' | 'panel' | 'grad' | 'w' | 'velocity' | 'z' | 'delta';

/**
 * The memory plan, in order:
 *   start, idx, val  the batch's sparse inputs (BatchPass loads them here): room for every pixel non-zero
 *   panel            W⁰ packed: panel g, input i, lane q holds W⁰[g·32 + q][i]
 *   grad             ∂C/∂W⁰ summed over the batch, same packing
 *   w, velocity      W⁰ row-major (a copy of the network's, in and out each step) and its momentum velocities
 *   z, delta         z¹ rows, then δ¹ rows, `padded` floats apart
 */
function plan(net: Network, maxBatch: number): Arena<Region> {
  const nIn = net.layers[0];
  const n1 = net.layers[1];
  const padded = padToPanels(n1);
  const arena = new Arena<Region>();
  arena.reserveWords('start', maxBatch + 1);
  arena.reserveWords('idx', maxBatch * nIn);
  arena.reserveWords('val', maxBatch * nIn);
  arena.reserveWords('panel', padded * nIn);
  arena.reserveWords('grad', padded * nIn);
  arena.reserveWords('w', n1 * nIn);
  arena.reserveWords('velocity', n1 * nIn);
  arena.reserveWords('z', maxBatch * padded);
  arena.reserveWords('delta', maxBatch * padded);
  return arena;
}

export class SimdFirstLayer {
  private readonly net: Network;
  private readonly kernels: SimdKernels;
  private readonly arena: Arena<Region>;
  /** Rows of z¹ and δ¹ are this many floats apart (n₁ rounded up to whole panels). */
  private readonly padded: number;
  /** The sparse input lists, for BatchPass to load the batch into. */
  readonly sparseBuffers: { nzStart: Int32Array; nzIdx: Int32Array; nzVal: Float32Array };
  /** Views made once, so a step allocates nothing. */
  private readonly wCopy: Float32Array;
  private readonly velocity: Float32Array;
  private readonly grad: Float32Array;
  private readonly z: Float32Array;
  private readonly delta: Float32Array;

  /** Returns null for a network without hidden layers, or when WebAssembly SIMD is unavailable. */
  static create(net: Network, maxBatch: number): SimdFirstLayer | null {
    if (net.numHidden < 1) return null;
    const arena = plan(net, maxBatch);
    const kernels = simdKernels(arena.totalBytes);
    return kernels === null ? null : new SimdFirstLayer(net, kernels, arena);
  }

  private constructor(net: Network, kernels: SimdKernels, arena: Arena<Region>) {
    this.net = net;
    this.kernels = kernels;
    this.arena = arena;
    this.padded = padToPanels(net.layers[1]);
    // Fresh memory is zero, so padding lanes of the panels and of δ¹ start (and stay) 0.
    const memory = kernels.memory;
    this.sparseBuffers = { nzStart: arena.ints(memory, 'start'), nzIdx: arena.ints(memory, 'idx'), nzVal: arena.floats(memory, 'val') };
    this.wCopy = arena.floats(memory, 'w');
    this.velocity = arena.floats(memory, 'velocity');
    this.grad = arena.floats(memory, 'grad');
    this.z = arena.floats(memory, 'z');
    this.delta = arena.floats(memory, 'delta');
  }

  resetVelocity(): void {
    this.velocity.fill(0);
  }

  /** z¹ = W⁰a⁰ + b⁰ for the m examples loaded into sparseBuffers, into a1 (rows of n₁). */
  forward(m: number, a1: Float32Array): void {
    const net = this.net;
    const nIn = net.layers[0];
    const n1 = net.layers[1];
    const arena = this.arena;
    const padded = this.padded;
    // Copy W⁰ in (one memcpy), then pack it: panel g, input i, lane q ← W⁰[g·32 + q][i].
    this.wCopy.set(net.weights[0]);
    this.kernels.pack(arena.offset('w'), nIn, n1, arena.offset('panel'));
    this.kernels.sparse(
      m,
      arena.offset('start'),
      arena.offset('idx'),
      arena.offset('val'),
      arena.offset('panel'),
      padded / LANES,
      nIn * LANES * 4,
      arena.offset('z'),
      padded * 4,
    );
    const z = this.z;
    const b = net.biases[0];
    for (let k = 0; k < m; k++) {
      const o = k * n1;
      const oz = k * padded;
      for (let j = 0; j < n1; j++) a1[o + j] = z[oz + j] + b[j];
    }
  }

  /**
   * W⁰ ← decay·W⁰ − rate·Σ_k δ¹_k (a⁰_k)ᵀ (or the momentum form, core/train.ts), the gradient formed on the
   * kernels from δ¹ (rows of n₁), and the result copied back into the network.
   */
  update(m: number, d1: Float32Array, rate: number, decay: number, mu: number): void {
    const net = this.net;
    const nIn = net.layers[0];
    const n1 = net.layers[1];
    const arena = this.arena;
    const padded = this.padded;
    const delta = this.delta;
    for (let k = 0; k < m; k++) {
      const o = k * n1;
      const od = k * padded;
      for (let j = 0; j < n1; j++) delta[od + j] = d1[o + j];
    }
    this.grad.fill(0);
    this.kernels.sparseOuter(
      m,
      arena.offset('start'),
      arena.offset('idx'),
      arena.offset('val'),
      arena.offset('delta'),
      padded * 4,
      padded / LANES,
      arena.offset('grad'),
      nIn * LANES * 4,
    );
    // The copy of W⁰ made by the forward pass is still current: update it there and copy it back.
    const step = mu === 0 ? this.kernels.update : this.kernels.updateMomentum;
    step(arena.offset('w'), nIn, n1, arena.offset('grad'), arena.offset('velocity'), rate, decay, mu);
    net.weights[0].set(this.wCopy);
  }
}
