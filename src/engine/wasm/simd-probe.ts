/**
 * The gradient probe's forward and backward passes on the WebAssembly SIMD kernels of simd.ts.
 * Same arithmetic as BatchPass (eqs. BP1-BP3 of chapter 2), arranged for the kernels: every per-layer batch
 * buffer lives in the kernels' memory with rows padded to a multiple of PANEL_LANES floats, and the weights are
 * repacked into panels before each run (a few tens of thousands of copies, against millions of
 * multiply-adds). Non-linearities, f'(z) and the per-neuron sums over the probe set run in SIMD too;
 * only a softmax output layer (and its δ^L) stays in JavaScript.
 */
import { activateOutputRow, outputDeltaRow } from '../core/output';
import type { Network } from '../core/network';
import { Arena } from './arena';
import { finish, type PieceMeter, type Pieces, unlimitedMeter, WORK_PER_MULTIPLY_ADD } from '../core/pieces';
import { type OutputKernel, PANEL_LANES as LANES, padToPanels as pad, sigmoidOutputKernel, simdKernels, type SimdKernels } from './simd';
import type { Samples } from '../core/types';

/** Probe rows per kernel call come in multiples of this, so a cut never splits the kernels' row groups. */
const ROW_ALIGN = 8;

/**
 * Byte offsets into the kernels' memory: the probe set's sparse inputs (its non-zero pixels only), then per
 * layer l (feeding layer l+1) its forward panels (Wˡ), backward panels ((Wˡ)ᵀ, l ≥ 1), the batch rows of a
 * and δ of layer l+1 (pad(n) floats each), its padded biases and the sums of δ, a and f' of layer l+1.
 */
interface MemoryPlan {
  /** A row-major copy of one layer's weights, as large as the largest layer's, for the pack kernel to read. */
  rowMajorPtr: number;
  startPtr: number;
  idxPtr: number;
  valPtr: number;
  fwdPtr: number[];
  bwdPtr: number[];
  actPtr: number[];
  deltaPtr: number[];
  biasPtr: number[];
  sumsPtr: number[];
  /** The probe images' labels as bytes, for the output kernel. */
  labelsPtr: number;
}

export class SimdProbePass {
  readonly net: Network;
  readonly m: number;
  private readonly kernels: SimdKernels;
  private readonly f32: Float32Array;
  private readonly rowMajorPtr: number;
  private readonly startPtr: number;
  private readonly idxPtr: number;
  private readonly valPtr: number;
  /** Byte offsets of each layer's forward panels (Wˡ) and backward panels ((Wˡ)ᵀ, l ≥ 1). */
  private readonly fwdPtr: number[];
  private readonly bwdPtr: number[];
  /** Byte offsets of acts[l] / deltas[l], l = 1..L−1, rows of pad(n_l) floats. */
  private readonly actPtr: number[];
  private readonly deltaPtr: number[];
  /** Byte offsets of each layer's biases (padded with zeros) and of each hidden layer's sums of δ, a, f'. */
  private readonly biasPtr: number[];
  private readonly sumsPtr: number[];
  readonly labels: Uint8Array;
  private readonly labelsPtr: number;
  /** The sigmoid output layer's kernel (a and δ^L in one pass); null for softmax, which stays in JavaScript. */
  private readonly output: OutputKernel | null;
  /** Views of the sums, made once (index h = hidden layer). */
  private readonly sums: { data: Float32Array; block: number }[] = [];
  private readonly act: number;
  private readonly outCost: number;

  /**
   * Returns null when WebAssembly SIMD is unavailable, and for a network with skips or normalisation
   * (cures.ts): the kernels fuse bias, f and f′ per row, and a skip or a normalisation would split those
   * fusions apart, so such a network takes BatchPass's JavaScript passes, which implement both exactly.
   */
  static create(net: Network, probe: Samples, m: number, act: number, outCost: number): SimdProbePass | null {
    if (net.cured) return null;
    let nonZero = 0;
    const used = probe.inputs.subarray(0, m * probe.inputSize);
    for (let t = 0; t < used.length; t++) if (used[t] !== 0) nonZero++;
    const arena = new Arena();
    const startPtr = arena.reserveWords('start', m + 1);
    const idxPtr = arena.reserveWords('idx', nonZero);
    const valPtr = arena.reserveWords('val', nonZero);
    const layers = net.layers;
    let largest = 0;
    for (let l = 0; l + 1 < layers.length; l++) largest = Math.max(largest, layers[l] * layers[l + 1]);
    const rowMajorPtr = arena.reserveWords('row-major weights', largest);
    const fwdPtr: number[] = [];
    const bwdPtr: number[] = [];
    const actPtr = [0];
    const deltaPtr = [0];
    const biasPtr: number[] = [];
    const sumsPtr = [0];
    for (let l = 0; l + 1 < layers.length; l++) {
      const n = pad(layers[l + 1]);
      fwdPtr.push(arena.reserveWords(`forward panels ${l}`, n * layers[l]));
      bwdPtr.push(l >= 1 ? arena.reserveWords(`backward panels ${l}`, pad(layers[l]) * layers[l + 1]) : -1);
      actPtr.push(arena.reserveWords(`a ${l + 1}`, m * n));
      deltaPtr.push(arena.reserveWords(`δ ${l + 1}`, m * n));
      biasPtr.push(arena.reserveWords(`b ${l}`, n));
      sumsPtr.push(arena.reserveWords(`sums ${l + 1}`, 3 * n));
    }
    const labelsPtr = arena.reserve('labels', m);
    const kernels = simdKernels(arena.totalBytes);
    if (kernels === null) return null;
    return new SimdProbePass(net, probe, m, act, outCost, kernels, {
      rowMajorPtr,
      startPtr,
      idxPtr,
      valPtr,
      fwdPtr,
      bwdPtr,
      actPtr,
      deltaPtr,
      biasPtr,
      sumsPtr,
      labelsPtr,
    });
  }

  private constructor(net: Network, probe: Samples, m: number, act: number, outCost: number, kernels: SimdKernels, plan: MemoryPlan) {
    this.net = net;
    this.m = m;
    this.kernels = kernels;
    this.act = act;
    this.outCost = outCost;
    this.f32 = new Float32Array(kernels.memory.buffer);
    const layers = net.layers;
    this.rowMajorPtr = plan.rowMajorPtr;
    this.startPtr = plan.startPtr;
    this.idxPtr = plan.idxPtr;
    this.valPtr = plan.valPtr;
    this.fwdPtr = plan.fwdPtr;
    this.bwdPtr = plan.bwdPtr;
    this.actPtr = plan.actPtr;
    this.deltaPtr = plan.deltaPtr;
    this.biasPtr = plan.biasPtr;
    this.sumsPtr = plan.sumsPtr;
    // The probe set never changes: extract its non-zero pixels once.
    const i32 = new Int32Array(kernels.memory.buffer);
    const start = this.startPtr >> 2;
    const idx = this.idxPtr >> 2;
    const val = this.valPtr >> 2;
    const nIn = probe.inputSize;
    let p = 0;
    this.labels = probe.labels.slice(0, m);
    this.labelsPtr = plan.labelsPtr;
    new Uint8Array(kernels.memory.buffer, plan.labelsPtr, m).set(this.labels);
    this.output = sigmoidOutputKernel(kernels, outCost);
    for (let k = 0; k < m; k++) {
      i32[start + k] = p;
      const base = k * nIn;
      for (let i = 0; i < nIn; i++) {
        const v = probe.inputs[base + i];
        if (v !== 0) {
          i32[idx + p] = i;
          this.f32[val + p] = v / 255;
          p++;
        }
      }
    }
    i32[start + m] = p;
    this.sums.push({ data: new Float32Array(0), block: 0 }); // the input layer has no δ
    for (let h = 1; h < layers.length; h++) {
      const block = Math.ceil(layers[h] / 4) * 4;
      const at = this.sumsPtr[h] >> 2;
      this.sums.push({ data: this.f32.subarray(at, at + 3 * block), block });
    }
  }

  /**
   * Sums over the probe set for hidden layer h, per neuron j: of δ at [j], of a at [nVec·4 + j], of f'(z) at
   * [2·nVec·4 + j], with nVec = ⌈n_h / 4⌉. Valid after run().
   */
  sumsOf(h: number): { data: Float32Array; block: number } {
    return this.sums[h];
  }

  /**
   * Hidden layer h's activations f(z) for every probe example, copied into `out` as rows of n_h floats (the
   * kernels keep them in padded rows). Valid after run(); the activation statistics read them from here
   * instead of running a forward pass of their own.
   */
  copyActivations(h: number, out: Float32Array): Float32Array {
    const n = this.net.layers[h];
    const stride = pad(n);
    const base = this.actPtr[h] >> 2;
    const f = this.f32;
    for (let k = 0; k < this.m; k++) out.set(f.subarray(base + k * stride, base + k * stride + n), k * n);
    return out.subarray(0, this.m * n);
  }

  /** Forward pass, output δ, and δ of every hidden layer. */
  run(): void {
    finish(this.runPieces(unlimitedMeter()));
  }

  /**
   * run() in pieces (core/pieces.ts): each kernel call covers a range of probe rows, and each row's numbers
   * do not depend on which other rows share the call, so the result is run()'s to the bit. The per-neuron
   * sums of a layer are taken once all its rows are in.
   */
  *runPieces(meter: PieceMeter): Pieces<void> {
    const net = this.net;
    const layers = net.layers;
    const L = layers.length;
    const m = this.m;
    const f = this.f32;
    for (let l = 0; l + 1 < L; l++) {
      this.packLayer(l);
      // Two copies of every weight, one of them a transposition that misses the cache: ~4 plain multiply-adds each.
      if (meter.spend(8 * layers[l] * layers[l + 1] * WORK_PER_MULTIPLY_ADD.js)) yield;
    }
    for (let l = 0; l + 1 < L; l++) {
      const nIn = layers[l];
      const nOut = layers[l + 1];
      const groups = pad(nOut) / LANES;
      const outStride = pad(nOut);
      const nVec = Math.ceil(nOut / 4);
      const rowWork = nIn * nOut * WORK_PER_MULTIPLY_ADD.simd;
      const rows = meter.rowsPerPiece(rowWork, ROW_ALIGN);
      for (let k0 = 0; k0 < m; k0 += rows) {
        const count = Math.min(rows, m - k0);
        const outPtr = this.actPtr[l + 1] + k0 * outStride * 4;
        if (l === 0)
          this.kernels.sparse(
            count,
            this.startPtr + k0 * 4,
            this.idxPtr,
            this.valPtr,
            this.fwdPtr[0],
            groups,
            nIn * LANES * 4,
            outPtr,
            outStride * 4,
          );
        else
          this.kernels.dense(
            count,
            this.actPtr[l] + k0 * pad(nIn) * 4,
            pad(nIn) * 4,
            nIn,
            this.fwdPtr[l],
            groups,
            nIn * LANES * 4,
            outPtr,
            outStride * 4,
          );
        if (l + 2 < L) this.kernels.activate[this.act](count, outPtr, outStride * 4, nVec, this.biasPtr[l], 0);
        else if (this.output !== null) {
          const deltaPtr = this.deltaPtr[l + 1] + k0 * outStride * 4;
          this.output(count, outPtr, outStride * 4, nVec, this.biasPtr[l], this.labelsPtr + k0, nOut, deltaPtr, 0);
        } else this.softmaxRows(f, outPtr >> 2, net.biases[l], count, nOut, outStride);
        if (meter.spend(count * rowWork)) yield;
      }
    }
    if (this.output === null) this.outputDelta();
    for (let l = L - 2; l >= 1; l--) {
      const n = layers[l];
      const nNext = layers[l + 1];
      const rowWork = n * nNext * WORK_PER_MULTIPLY_ADD.simd;
      const rows = meter.rowsPerPiece(rowWork, ROW_ALIGN);
      for (let k0 = 0; k0 < m; k0 += rows) {
        const count = Math.min(rows, m - k0);
        this.kernels.dense(
          count,
          this.deltaPtr[l + 1] + k0 * pad(nNext) * 4,
          pad(nNext) * 4,
          nNext,
          this.bwdPtr[l],
          pad(n) / LANES,
          nNext * LANES * 4,
          this.deltaPtr[l] + k0 * pad(n) * 4,
          pad(n) * 4,
        );
        if (meter.spend(count * rowWork)) yield;
      }
      this.kernels.stats[this.act](m, this.deltaPtr[l], this.actPtr[l], pad(n) * 4, Math.ceil(n / 4), this.sumsPtr[l]);
      if (meter.spend(m * n * WORK_PER_MULTIPLY_ADD.simd * 4)) yield;
    }
  }

  /** Layer l's biases and panels, copied from the network into the kernels' memory. */
  private packLayer(l: number): void {
    const layers = this.net.layers;
    const f = this.f32;
    const nIn = layers[l];
    const nOut = layers[l + 1];
    const w = this.net.weights[l];
    const bias = this.biasPtr[l] >> 2;
    f.set(this.net.biases[l], bias);
    f.fill(0, bias + nOut, bias + pad(nOut));
    // Forward panel g, input i, lane q: W[g·PANEL_LANES + q][i]. The transposition runs in the pack kernel
    // on a plain copy of the rows (in JavaScript it was 5 % of a probe's time on [784, 30 × 4, 10]); lanes
    // beyond the last neuron are never written, so they keep the zeros of fresh memory.
    f.set(w, this.rowMajorPtr >> 2);
    this.kernels.pack(this.rowMajorPtr, nIn, nOut, this.fwdPtr[l]);
    // Backward panel g, output j, lane q: W[j][g·PANEL_LANES + q], from the forward panels.
    if (l > 0) this.kernels.transpose(this.fwdPtr[l], nIn, nOut, this.bwdPtr[l]);
  }

  /** Softmax output a = softmax(z + b), row by row, in place (output.ts). */
  private softmaxRows(f: Float32Array, z: number, b: Float32Array, m: number, n: number, stride: number): void {
    for (let k = 0; k < m; k++) {
      const o = z + k * stride;
      for (let j = 0; j < n; j++) f[o + j] += b[j];
      activateOutputRow(this.outCost, f, o, f, o, n, 0, false);
    }
  }

  /** δ^L row by row (eq. BP1, output.ts) for a softmax output, with the padding lanes cleared. */
  private outputDelta(): void {
    const L = this.net.layers.length;
    const n = this.net.layers[L - 1];
    const stride = pad(n);
    const f = this.f32;
    const a0 = this.actPtr[L - 1] >> 2;
    const d0 = this.deltaPtr[L - 1] >> 2;
    const code = this.outCost;
    for (let k = 0; k < this.m; k++) {
      const a = a0 + k * stride;
      const d = d0 + k * stride;
      // Only the n real lanes are written: the padding lanes must not feed the backward kernel, and they keep
      // the zeros of fresh memory.
      outputDeltaRow(code, f, a, f, d, n, this.labels[k]);
    }
  }
}
