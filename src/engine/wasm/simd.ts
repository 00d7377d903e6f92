/**
 * WebAssembly SIMD kernels for the engine's heaviest loops: the gradient probe's 1000-image passes, the
 * first layer of every SGD step and the forward passes of evaluation. JavaScript has no SIMD; WebAssembly's
 * 128-bit f32x4 operations do four multiply-adds per instruction with no bounds check per element. The
 * module is assembled here from its opcodes (a couple of kilobytes), so nothing is fetched. Where
 * WebAssembly SIMD is missing, simdKernels() returns null and callers use the JavaScript loops, which
 * compute the same quantities. The kernels themselves are one table in simd-kernels.ts (the row kernels'
 * entries written in simd-row-kernels.ts), assembled by assemble.ts.
 *
 * The matrix kernels compute, for every example k and every group g of PANEL_LANES (16) output lanes,
 *   out[k·outStride + g·16 + lane] = Σ_t panel_g[t][lane] · x_k[t]   (float32 accumulation)
 * with the weights packed as "panels": panel_g[t] is 16 consecutive floats holding the weights from input t
 * to outputs g·16 .. g·16+15 (zero beyond the last output). One input value is broadcast and multiplied
 * into 4 f32x4 accumulators per step (the dense kernel does two examples at once, the sparse kernel two
 * panels at once: 8 accumulators).
 *   sparse: x_k is given as its non-zero entries, idx/val[start[k] .. start[k+1]) (MNIST pixels).
 *   dense:  x_k is the row val[k·valStride .. k·valStride + nIn).
 *   sparseOuter: the transpose, Σ_k δ_k x_kᵀ accumulated into a panel (the first layer's weight gradient).
 * Row kernels apply a non-linearity (activate_*), or f'(z) and per-neuron sums (stats_*), or run a sigmoid
 * output layer with its δ^L and cost (output_sigmoid_*); pack turns row-major weights into panels and
 * transpose forward panels into backward ones; momentum is the momentum form of the SGD step on panels (the
 * plain step is sparseOuter itself, scattering straight into W⁰'s panels); gather turns byte images into the
 * sparse lists the sparse kernel reads.
 */

import { SIGMOID_CROSS_ENTROPY, SIGMOID_QUADRATIC } from '../core/output';
import { assembleModule } from './assemble';
import { ACTIVATION_FUNCS, KERNELS, SIGMOID_OUTPUT_COSTS } from './simd-kernels';

export { GATHER_TABLE_BYTES, PANEL_LANES, fillGatherTable, padToPanels } from './simd-kernels';

export type GemvKernel = (
  m: number,
  a1: number,
  a2: number,
  a3: number,
  wPtr: number,
  nGroups: number,
  groupBytes: number,
  outPtr: number,
  outStride: number,
) => void;

/** (m, zPtr, strideBytes, nVec, biasPtr, scalePtr) for activate_*, (m, dPtr, aPtr, strideBytes, nVec, sumsPtr) for stats_* */
export type RowKernel = (m: number, a1: number, a2: number, a3: number, a4: number, a5: number) => void;

export type DenseOuterKernel = (
  m: number,
  aPtr: number,
  aStrideBytes: number,
  nIn: number,
  dPtr: number,
  dStrideBytes: number,
  nGroups: number,
  panelPtr: number,
  groupBytes: number,
  rate: number,
  decay: number,
) => void;

/** (m, zPtr, strideBytes, nVec, biasPtr, labelsPtr, n, deltaPtr, costsPtr): see outputSigmoid in simd-row-kernels.ts. */
export type OutputKernel = (
  m: number,
  z: number,
  stride: number,
  nVec: number,
  bias: number,
  labels: number,
  n: number,
  delta: number,
  costs: number,
) => void;

/** (nVec, panelPtr, velocityPtr, gradPtr, rate, decay, mu) */
export type MomentumKernel = (nVec: number, wPtr: number, vPtr: number, gPtr: number, rate: number, decay: number, mu: number) => void;

export interface SimdKernels {
  readonly memory: WebAssembly.Memory;
  readonly sparse: GemvKernel;
  readonly dense: GemvKernel;
  /** sparseOuter(m, startPtr, idxPtr, valPtr, dPtr, dStrideBytes, nGroups, gPtr, groupBytes) */
  readonly sparseOuter: GemvKernel;
  /** denseOuter(m, aPtr, aStrideBytes, nIn, dPtr, dStrideBytes, nGroups, panelPtr, groupBytes, rate, decay): W ← decay·W − rate·Σδaᵀ on panels. */
  readonly denseOuter: DenseOuterKernel;
  /** pack(wPtr, nIn, nOut, panelPtr): row-major weights → PANEL_LANES-wide panels. */
  readonly pack: (wPtr: number, nIn: number, nOut: number, panelPtr: number) => void;
  /** transpose(fwdPtr, nIn, nOut, bwdPtr): a dense layer's backward panels from its forward panels. */
  readonly transpose: (fwdPtr: number, nIn: number, nOut: number, bwdPtr: number) => void;
  /** momentum(nVec, panelPtr, velocityPtr, gradPtr, rate, decay, mu): v ← μv − rate·g, W ← decay·W + v, g ← 0 on panels. */
  readonly momentum: MomentumKernel;
  /** gather(m, bytesPtr, nIn, tablePtr, startPtr, idxPtr, valPtr): byte images → sparse inputs. */
  readonly gather: (m: number, bytesPtr: number, nIn: number, tablePtr: number, startPtr: number, idxPtr: number, valPtr: number) => void;
  /** activate[act code](m, zPtr, strideBytes, nVec, biasPtr, 0): z ← f(z + b). */
  readonly activate: readonly RowKernel[];
  /** stats[act code](m, dPtr, aPtr, strideBytes, nVec, sumsPtr): δ ⊙= f', column sums of δ, a, f'. */
  readonly stats: readonly RowKernel[];
  /**
   * outputSigmoid.crossEntropy / .quadratic(m, zPtr, strideBytes, nVec, biasPtr, labelsPtr, n, deltaPtr,
   * costsPtr): a = σ(z + b) in place, δ^L, and per row (c, s) with cost c + log1p(s) unless costsPtr is 0.
   */
  readonly outputSigmoid: { readonly crossEntropy: OutputKernel; readonly quadratic: OutputKernel };
}

/** The output kernel for an output.ts cost code: sigmoid with cross-entropy or quadratic cost; null for softmax. */
export function sigmoidOutputKernel(kernels: SimdKernels, outCost: number): OutputKernel | null {
  if (outCost === SIGMOID_CROSS_ENTROPY) return kernels.outputSigmoid.crossEntropy;
  if (outCost === SIGMOID_QUADRATIC) return kernels.outputSigmoid.quadratic;
  return null;
}

let compiled: WebAssembly.Module | null | undefined;

function compile(): WebAssembly.Module | null {
  if (compiled !== undefined) return compiled;
  compiled = null;
  try {
    if (typeof WebAssembly === 'object') {
      const bytes = assembleModule(KERNELS);
      if (WebAssembly.validate(bytes)) compiled = new WebAssembly.Module(bytes);
    }
  } catch {
    compiled = null; // no WebAssembly SIMD here: the JavaScript loops are used instead
  }
  return compiled;
}

/** Whether the SIMD kernels can run on this platform (can be switched off for tests via setSimdEnabled). */
let enabled = true;
export function setSimdEnabled(on: boolean): void {
  enabled = on;
}
export function simdAvailable(): boolean {
  return enabled && compile() !== null;
}

/** A fresh instance with its own memory of at least `bytes` bytes, or null without SIMD support. */
export function simdKernels(bytes: number): SimdKernels | null {
  if (!enabled) return null;
  const mod = compile();
  if (mod === null) return null;
  let memory: WebAssembly.Memory;
  let instance: WebAssembly.Instance;
  try {
    memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes / 65536)) });
    instance = new WebAssembly.Instance(mod, { env: { memory } });
  } catch {
    // Browsers cap how many WebAssembly memories may be reserved at once; if earlier networks' memories
    // have not been collected yet, fall back to the JavaScript loops rather than fail.
    return null;
  }
  const e = instance.exports as unknown as Record<string, GemvKernel & RowKernel>;
  // Indexed by the ACT_* codes of activations.ts: sigmoid 0, tanh 1, relu 2.
  return {
    memory,
    sparse: e.sparse,
    dense: e.dense,
    sparseOuter: e.sparseOuter,
    pack: e.pack as unknown as SimdKernels['pack'],
    transpose: e.transpose as unknown as SimdKernels['transpose'],
    momentum: e.momentum as unknown as MomentumKernel,
    denseOuter: e.denseOuter as unknown as DenseOuterKernel,
    gather: e.gather as unknown as SimdKernels['gather'],
    activate: ACTIVATION_FUNCS.map((f) => e[`activate_${f}`]),
    stats: ACTIVATION_FUNCS.map((f) => e[`stats_${f}`]),
    outputSigmoid: Object.fromEntries(
      SIGMOID_OUTPUT_COSTS.map((c) => [c, e[`output_sigmoid_${c}`]]),
    ) as unknown as SimdKernels['outputSigmoid'],
  };
}
