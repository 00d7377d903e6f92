/**
 * Forward passes for evaluation on the WebAssembly SIMD kernels of simd.ts: the same arithmetic as
 * BatchPass.forward, arranged as the gradient probe arranges it (batch rows padded to a multiple of PANEL_LANES
 * floats, weights packed into panels), but for any slice of a sample set rather than one fixed probe set.
 *
 * A validation slice arrives as a fresh view each time, so there is no per-set index of non-zero pixels to
 * reuse; the images' bytes are copied into the kernels' memory (one memcpy per batch) and the gather kernel
 * lists their non-zero pixels there, about ten times faster than the JavaScript byte scan. Only the output
 * layer's bias is left to the caller, which needs z^L itself (the cross-entropy is computed from z, never
 * from a saturated a).
 */
import { activationCode } from '../core/activations';
import type { Network } from '../core/network';
import { Arena } from './arena';
import { fillGatherTable, GATHER_TABLE_BYTES, PANEL_LANES as LANES, padToPanels as pad, simdKernels, type SimdKernels } from './simd';
import type { Samples } from '../core/types';

export class SimdForwardPass {
  readonly net: Network;
  readonly maxBatch: number;
  private readonly kernels: SimdKernels;
  private readonly u8: Uint8Array;
  /** Whole-memory view; outputs are read through it at outBase. */
  readonly f32: Float32Array;
  private readonly act: number;
  /** Byte offsets: byte/255 table, the batch's bytes, sparse lists, a row-major weight copy for pack(). */
  private readonly tablePtr: number;
  private readonly bytesPtr: number;
  private readonly startPtr: number;
  private readonly idxPtr: number;
  private readonly valPtr: number;
  private readonly wPtr: number;
  /** Per layer l (feeding layer l+1): weight panels and zero-padded biases. */
  private readonly panelPtr: number[] = [];
  private readonly biasPtr: number[] = [];
  /** Two batch buffers, rows of pad(widest) floats; layer l+1 is written to buffer l mod 2. */
  private readonly bufPtr: [number, number];
  /** Views of the weight copy, one per layer, made once so prepare() allocates nothing. */
  private readonly wViews: Float32Array[] = [];
  /** z^L without its bias, row k at outBase + k·outStride (float indices), after forward(). */
  readonly outBase: number;
  readonly outStride: number;

  /**
   * Returns null when WebAssembly SIMD is unavailable (or its memory cannot be reserved), and for a network
   * with skips or normalisation (cures.ts), which evaluates on BatchPass's JavaScript pass: the activate
   * kernel adds the bias and applies f in one sweep, with no room for a normalisation between the two.
   */
  static create(net: Network, maxBatch: number): SimdForwardPass | null {
    if (net.cured) return null;
    const layout = planMemory(net, maxBatch);
    const kernels = simdKernels(layout.arena.totalBytes);
    return kernels === null ? null : new SimdForwardPass(net, maxBatch, kernels, layout);
  }

  private constructor(net: Network, maxBatch: number, kernels: SimdKernels, layout: MemoryPlan) {
    this.net = net;
    this.maxBatch = maxBatch;
    this.kernels = kernels;
    this.u8 = new Uint8Array(kernels.memory.buffer);
    this.f32 = new Float32Array(kernels.memory.buffer);
    this.act = activationCode(net.activation);
    this.tablePtr = layout.tablePtr;
    this.bytesPtr = layout.bytesPtr;
    this.startPtr = layout.startPtr;
    this.idxPtr = layout.idxPtr;
    this.valPtr = layout.valPtr;
    this.wPtr = layout.wPtr;
    this.panelPtr = layout.panelPtr;
    this.biasPtr = layout.biasPtr;
    this.bufPtr = layout.bufPtr;
    this.outStride = pad(net.layers[net.layers.length - 1]);
    this.outBase = this.bufPtr[(net.layers.length - 2) % 2] >> 2;
    // Computed in float64 and rounded once, exactly as batch.ts's loader does.
    fillGatherTable(kernels.memory.buffer, this.tablePtr);
    for (let l = 0; l + 1 < net.layers.length; l++)
      this.wViews.push(this.f32.subarray(this.wPtr >> 2, (this.wPtr >> 2) + net.weights[l].length));
  }

  /**
   * Copies the current weights and biases in and packs them into panels. Call after any change to the
   * parameters and before forward(); a whole evaluation needs it once, not once per batch.
   */
  prepare(): void {
    for (let l = 0; l + 1 < this.net.layers.length; l++) this.prepareLayer(l);
  }

  /** prepare() for the weights and biases feeding layer l+1 only: a caller in pieces prepares a layer per call. */
  prepareLayer(l: number): void {
    const net = this.net;
    const layers = net.layers;
    this.wViews[l].set(net.weights[l]);
    // Lanes beyond the last neuron are never written, so they keep the zeros of fresh memory.
    this.kernels.pack(this.wPtr, layers[l], layers[l + 1], this.panelPtr[l]);
    this.f32.set(net.biases[l], this.biasPtr[l] >> 2);
  }

  /** Forward pass over examples offset .. offset+size of samples: hidden activations, then z^L − b^L. */
  forward(samples: Samples, offset: number, size: number): void {
    if (size < 1 || size > this.maxBatch) throw new RangeError(`batch of ${size} examples does not fit (1..${this.maxBatch})`);
    const layers = this.net.layers;
    const L = layers.length;
    const nIn = layers[0];
    const k = this.kernels;
    this.u8.set(samples.inputs.subarray(offset * nIn, (offset + size) * nIn), this.bytesPtr);
    k.gather(size, this.bytesPtr, nIn, this.tablePtr, this.startPtr, this.idxPtr, this.valPtr);
    for (let l = 0; l + 1 < L; l++) {
      const n = layers[l];
      const nOut = layers[l + 1];
      const out = this.bufPtr[l % 2];
      const outStride = pad(nOut) * 4;
      if (l === 0)
        k.sparse(size, this.startPtr, this.idxPtr, this.valPtr, this.panelPtr[0], pad(nOut) / LANES, n * LANES * 4, out, outStride);
      else k.dense(size, this.bufPtr[(l + 1) % 2], pad(n) * 4, n, this.panelPtr[l], pad(nOut) / LANES, n * LANES * 4, out, outStride);
      if (l + 2 < L) k.activate[this.act](size, out, outStride, Math.ceil(nOut / 4), this.biasPtr[l], 0);
    }
  }
}

interface MemoryPlan {
  arena: Arena;
  tablePtr: number;
  bytesPtr: number;
  startPtr: number;
  idxPtr: number;
  valPtr: number;
  wPtr: number;
  panelPtr: number[];
  biasPtr: number[];
  bufPtr: [number, number];
}

/**
 * The memory plan, in order: the gather kernel's tables, the batch's bytes, its sparse lists (room for every pixel
 * of every image being non-zero: the gather kernel writes without checking), one row-major weight copy as
 * large as the largest layer's, each layer's panels and padded biases, and two batch buffers of rows of
 * pad(widest layer) floats that the layers write alternately.
 */
function planMemory(net: Network, maxBatch: number): MemoryPlan {
  const layers = net.layers;
  const nIn = layers[0];
  const arena = new Arena();
  const tablePtr = arena.reserve('table', GATHER_TABLE_BYTES);
  const bytesPtr = arena.reserve('bytes', maxBatch * nIn);
  const startPtr = arena.reserveWords('start', maxBatch + 1);
  const idxPtr = arena.reserveWords('idx', maxBatch * nIn);
  const valPtr = arena.reserveWords('val', maxBatch * nIn);
  let biggest = 0;
  let widest = 0;
  for (let l = 0; l + 1 < layers.length; l++) {
    biggest = Math.max(biggest, layers[l] * layers[l + 1]);
    widest = Math.max(widest, pad(layers[l + 1]));
  }
  const wPtr = arena.reserveWords('w', biggest);
  const panelPtr: number[] = [];
  const biasPtr: number[] = [];
  for (let l = 0; l + 1 < layers.length; l++) {
    panelPtr.push(arena.reserveWords(`panel ${l}`, pad(layers[l + 1]) * layers[l]));
    biasPtr.push(arena.reserveWords(`bias ${l}`, pad(layers[l + 1])));
  }
  const bufPtr: [number, number] = [arena.reserveWords('even', maxBatch * widest), arena.reserveWords('odd', maxBatch * widest)];
  return { arena, tablePtr, bytesPtr, startPtr, idxPtr, valPtr, wPtr, panelPtr, biasPtr, bufPtr };
}
