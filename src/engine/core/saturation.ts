/**
 * How the hidden activations are spread over the probe images, per hidden layer: Glorot & Bengio (2010,
 * fig. 2) plot, per layer and against training time, the mean activation and its spread, and watch the top
 * hidden layer of a sigmoid network sink to 0 and stay there for many epochs.
 *
 * The statistics need every activation of every probe image, not the per-neuron sums the gradient probe
 * keeps, so they come from a forward pass of their own (BatchPass's JavaScript loops) unless the probe
 * already holds the activations (its JavaScript path does) and hands them over.
 */
import { BatchPass, checkSamples } from './batch';
import type { Network } from './network';
import { finish, type PieceMeter, type Pieces, unlimitedMeter, WORK_PER_MULTIPLY_ADD } from './pieces';
import type { ActivationName, Samples } from './types';

/** σ outside [0.01, 0.99]: there σ′ < 0.0099, so every gradient through the unit is cut at least 25-fold. */
export const SIGMOID_SATURATION = { low: 0.01, high: 0.99 } as const;
/** |tanh| above 0.97: there tanh′ < 0.06, against 1 at the origin. */
export const TANH_SATURATION = 0.97;
/** Bins of each layer's histogram of current activations. */
export const HISTOGRAM_BINS = 24;

/**
 * Whether one activation value is saturated (sigmoid, tanh). A ReLU unit is judged over all probe images at
 * once, not value by value: it is dead when it is 0 on every one, since only then does it pass no gradient.
 */
export function isSaturatedValue(activation: 'sigmoid' | 'tanh', a: number): boolean {
  if (activation === 'tanh') return Math.abs(a) > TANH_SATURATION;
  return a < SIGMOID_SATURATION.low || a > SIGMOID_SATURATION.high;
}

/**
 * The p-quantile (0 ≤ p ≤ 1) of ascending `sorted[0..count)`, interpolating linearly between neighbouring
 * order statistics at position p·(count − 1) (Hyndman & Fan's type 7, numpy's default).
 */
export function quantileOfSorted(sorted: ArrayLike<number>, count: number, p: number): number {
  if (count < 1) throw new RangeError('a quantile needs at least one value');
  const pos = p * (count - 1);
  const below = Math.floor(pos);
  const above = Math.min(below + 1, count - 1);
  const t = pos - below;
  return sorted[below] + t * (sorted[above] - sorted[below]);
}

/** The range a layer's histogram spans: σ's and tanh's whole range; for ReLU 0 up to the layer's largest value. */
export function histogramRange(activation: ActivationName, largest: number): [number, number] {
  if (activation === 'sigmoid') return [0, 1];
  if (activation === 'tanh') return [-1, 1];
  return [0, largest > 0 ? largest : 1];
}

export interface ActivationStatsResult {
  /** Per hidden layer h (index h−1), over all its units and all probe images: mean activation f(z). */
  mean: Float64Array;
  /** Per hidden layer: the 2nd, 50th and 98th percentiles of the same values (quantileOfSorted). */
  p02: Float64Array;
  p50: Float64Array;
  p98: Float64Array;
  /**
   * Per hidden layer, the share (0..1) that is saturated. Sigmoid and tanh: of all activation values (units ×
   * probe images) beyond SIGMOID_SATURATION / TANH_SATURATION. ReLU: of units that are 0 on every probe image.
   */
  saturatedShare: Float64Array;
  /** Layer h's histogram is histogram[(h−1)·HISTOGRAM_BINS ..]: share of its values in each equal bin. */
  histogram: Float64Array;
  /** Layer h's histogram spans [histogramRange[2(h−1)], histogramRange[2(h−1)+1]]; the top bin includes its end. */
  histogramRange: Float64Array;
}

/** Hidden layer h's f(z) of every probe image, example-major (k·n + j), or null to have them computed. */
export type ActivationSource = (h: number) => Float32Array | null;

export class ActivationStats {
  readonly net: Network;
  readonly count: number;
  private readonly samples: Samples;
  private pass: BatchPass | null = null;
  private readonly sorted: Float32Array;
  /** Where sortPieces merges runs: as large as `sorted`. */
  private readonly scratch: Float32Array;
  private readonly everActive: Uint8Array;
  private readonly result: ActivationStatsResult;

  constructor(net: Network, probe: Samples, count: number) {
    if (!Number.isInteger(count) || count < 1 || count > probe.count)
      throw new RangeError(`activation statistics need between 1 and ${probe.count} probe images, got ${count}`);
    checkSamples(net, { ...probe, count }, 'activation statistics');
    this.net = net;
    this.count = count;
    this.samples = probe;
    const hidden = net.layers.slice(1, -1);
    const widest = Math.max(0, ...hidden);
    this.sorted = new Float32Array(widest * count);
    this.scratch = new Float32Array(widest * count);
    this.everActive = new Uint8Array(widest);
    const perLayer = () => new Float64Array(hidden.length);
    this.result = {
      mean: perLayer(),
      p02: perLayer(),
      p50: perLayer(),
      p98: perLayer(),
      saturatedShare: perLayer(),
      histogram: new Float64Array(hidden.length * HISTOGRAM_BINS),
      histogramRange: new Float64Array(hidden.length * 2),
    };
  }

  /**
   * Measures the current network. `source` may hand over activations a pass has just computed for the same
   * probe images; otherwise one forward pass runs here. Returns buffers the next call overwrites.
   */
  measure(source: ActivationSource = () => null): ActivationStatsResult {
    return finish(this.measurePieces(source, unlimitedMeter()));
  }

  /** measure() in pieces of `meter`'s size (core/pieces.ts): a layer's summary is one piece, as is each layer of a forward pass. */
  *measurePieces(source: ActivationSource, meter: PieceMeter): Pieces<ActivationStatsResult> {
    const net = this.net;
    let computed = false;
    for (let h = 1; h <= net.numHidden; h++) {
      let values = source(h);
      if (values === null) {
        if (!computed) yield* this.forward(meter);
        computed = true;
        values = (this.pass as BatchPass).activationOf(h);
      }
      const total = net.layers[h] * this.count;
      const sorted = this.sorted.subarray(0, total);
      sorted.set(values.subarray(0, total));
      if (meter.spend(total * valueWork(total))) yield;
      yield* sortPieces(sorted, this.scratch.subarray(0, total), meter);
      this.summarise(h, values);
      // Four passes over the values: the sum, the saturated share, the histogram and its bins.
      if (meter.spend(4 * total * valueWork(total))) yield;
    }
    return this.result;
  }

  private *forward(meter: PieceMeter): Pieces<void> {
    if (this.pass === null) {
      // The probe images never change, so they are loaded once.
      const used = this.samples.inputs.subarray(0, this.count * this.samples.inputSize);
      let nonZero = 0;
      for (let t = 0; t < used.length; t++) if (used[t] !== 0) nonZero++;
      this.pass = new BatchPass(this.net, this.count, Math.max(1, nonZero));
      this.pass.load(this.samples, null, 0, this.count);
    }
    const pass = this.pass;
    const layers = this.net.layers;
    this.net.bringHome();
    for (let l = 0; l + 1 < layers.length; l++) {
      pass.forwardLayer(l);
      if (meter.spend(this.count * layers[l] * layers[l + 1] * WORK_PER_MULTIPLY_ADD.js)) yield;
    }
    pass.finishForward();
  }

  private summarise(h: number, values: Float32Array): void {
    const net = this.net;
    const n = net.layers[h];
    const m = this.count;
    const total = n * m;
    const r = this.result;
    const i = h - 1;
    const sorted = this.sorted.subarray(0, total); // sorted by measurePieces
    let sum = 0;
    for (let t = 0; t < total; t++) sum += sorted[t];
    r.mean[i] = sum / total;
    r.p02[i] = quantileOfSorted(sorted, total, 0.02);
    r.p50[i] = quantileOfSorted(sorted, total, 0.5);
    r.p98[i] = quantileOfSorted(sorted, total, 0.98);
    r.saturatedShare[i] = this.saturatedShareOf(values, n, sorted);
    const [lo, hi] = histogramRange(net.activation, sorted[total - 1]);
    r.histogramRange[2 * i] = lo;
    r.histogramRange[2 * i + 1] = hi;
    const bins = r.histogram.subarray(i * HISTOGRAM_BINS, (i + 1) * HISTOGRAM_BINS);
    bins.fill(0);
    const scale = HISTOGRAM_BINS / (hi - lo);
    for (let t = 0; t < total; t++) {
      const b = Math.floor((sorted[t] - lo) * scale);
      bins[b < 0 ? 0 : b >= HISTOGRAM_BINS ? HISTOGRAM_BINS - 1 : b]++;
    }
    for (let b = 0; b < HISTOGRAM_BINS; b++) bins[b] /= total;
  }

  private saturatedShareOf(values: Float32Array, n: number, sorted: Float32Array): number {
    const activation = this.net.activation;
    const m = this.count;
    if (activation === 'relu') {
      const active = this.everActive.subarray(0, n);
      active.fill(0);
      for (let k = 0; k < m; k++) {
        const o = k * n;
        for (let j = 0; j < n; j++) if (values[o + j] > 0) active[j] = 1;
      }
      let dead = 0;
      for (let j = 0; j < n; j++) if (active[j] === 0) dead++;
      return dead / n;
    }
    let saturated = 0;
    for (let t = 0; t < sorted.length; t++) if (isSaturatedValue(activation, sorted[t])) saturated++;
    return saturated / sorted.length;
  }
}

/**
 * Nominal work (pieces.ts) of one step over one value of a layer of `count` values: a copy, a comparison, a
 * bin. A multiply-add of the JavaScript loops while the values fit in the cache (the chapter's networks);
 * measured at about four times that on the widest layers, where a million values miss it.
 */
function valueWork(count: number): number {
  return count > SORT_RUN ? 4 * WORK_PER_MULTIPLY_ADD.js : WORK_PER_MULTIPLY_ADD.js;
}

/** Values sorted per run before the runs are merged: about 10 ms of sorting on the reference machine. */
const SORT_RUN = 1 << 17;

/** Float32Array.prototype.sort's order: ascending, −0 before +0, NaN last. */
function before(a: number, b: number): boolean {
  if (a < b) return true;
  if (a > b || Number.isNaN(a)) return false;
  if (Number.isNaN(b)) return true;
  return a === 0 && b === 0 && Object.is(a, -0) && Object.is(b, 0);
}

/**
 * Sorts `values` in place in pieces: runs of SORT_RUN values sorted one at a time, then merged pairwise
 * through `scratch` (same length), yielding when `meter` is full. The result is values.sort()'s exactly:
 * the same values in the same total order. A layer of 1000 units over 1000 probe images is a million values,
 * over 100 ms to sort at once.
 */
export function* sortPieces(values: Float32Array, scratch: Float32Array, meter: PieceMeter): Pieces<void> {
  const n = values.length;
  const work = valueWork(n);
  const cost = (count: number) => count * Math.log2(count + 1) * work;
  for (let start = 0; start < n; start += SORT_RUN) {
    const run = values.subarray(start, Math.min(n, start + SORT_RUN));
    run.sort();
    if (meter.spend(cost(run.length))) yield;
  }
  let from = values;
  let to = scratch;
  for (let width = SORT_RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(n, lo + width);
      const hi = Math.min(n, lo + 2 * width);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) to[k++] = before(from[j], from[i]) ? from[j++] : from[i++];
      while (i < mid) to[k++] = from[i++];
      while (j < hi) to[k++] = from[j++];
      if (meter.spend((hi - lo) * 2 * work)) yield;
    }
    const swap = from;
    from = to;
    to = swap;
  }
  if (from !== values) values.set(from);
}
