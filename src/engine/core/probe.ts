/**
 * The chapter's instrument (generate_gradient.py): the gradient of the cost with respect to every hidden
 * neuron's bias, ∂C/∂bˡⱼ = δˡⱼ (eq. BP3), averaged over a fixed probe set, and per hidden layer the length
 * ‖δˡ‖ of that averaged vector — the "speed of learning" of layer l plotted in figs. 5-7.
 * No weight gradient is formed: the probe needs δ only.
 */
import { BatchPass, checkSamples, derivativeFromActivation } from './batch';
import { activationCode } from './activations';
import { outputCostCode } from './output';
import { finish, type PieceMeter, type Pieces, unlimitedMeter, WORK_PER_MULTIPLY_ADD } from './pieces';
import { SimdProbePass } from '../wasm/simd-probe';
import type { Network } from './network';
import type { Samples } from './types';

export interface ProbeResult {
  /**
   * ∂C/∂b of every hidden neuron averaged over the probe set, hidden layers concatenated (layer 1 first).
   * Under layer normalisation b is the bias before the normalisation: each neuron's gradient is still its
   * own, but a layer's gradients sum to zero (a shift common to all its biases is normalised away), so the
   * bars of a layer balance around zero and ‖δˡ‖ measures how the layer's biases move against each other.
   */
  gradB: Float32Array;
  /** gradB.subarray(hiddenOffsets[h-1], hiddenOffsets[h]) is hidden layer h; length numHidden+1. */
  hiddenOffsets: number[];
  /** ‖δʰ‖: Euclidean norm of hidden layer h's averaged gradient, index h−1. */
  layerNorms: Float64Array;
  /**
   * Per hidden layer, per neuron: mean activation f(z) over the probe set. On a layer with a skip this is the
   * neuron's own f(z), without the layer below that the skip adds, so it still says how saturated the neuron is.
   */
  meanActivation: Float32Array[];
  /** Per hidden layer, per neuron: mean f'(z) over the probe set (σ' for sigmoid, at most 1/4). */
  meanActivationPrime: Float32Array[];
}

export const DEFAULT_PROBE_SIZE = 1000;

export class GradientProbe {
  readonly net: Network;
  readonly count: number;
  /** JavaScript passes, used when WebAssembly SIMD is unavailable. */
  private readonly pass: BatchPass | null;
  private readonly simd: SimdProbePass | null;
  private readonly act: number;
  private readonly result: ProbeResult;
  private readonly sumD: Float64Array;
  private readonly sumA: Float64Array;
  private readonly sumP: Float64Array;
  /** The SIMD pass's activations of one hidden layer, unpadded, for hiddenActivations. */
  private activationCopy: Float32Array | null = null;

  constructor(net: Network, probe: Samples, count = Math.min(DEFAULT_PROBE_SIZE, probe.count)) {
    if (!Number.isInteger(count) || count < 1 || count > probe.count)
      throw new RangeError(`probe size must be between 1 and ${probe.count}, got ${count}`);
    checkSamples(net, { ...probe, count }, 'gradient probe');
    this.net = net;
    this.count = count;
    this.act = activationCode(net.activation);
    // The probe set never changes, so its sparse inputs are extracted once, here.
    this.simd = SimdProbePass.create(net, probe, count, this.act, outputCostCode(net.output, net.cost));
    if (this.simd === null) {
      let nonZero = 0;
      const used = probe.inputs.subarray(0, count * probe.inputSize);
      for (let t = 0; t < used.length; t++) if (used[t] !== 0) nonZero++;
      this.pass = new BatchPass(net, count, nonZero);
      this.pass.load(probe, null, 0, count);
    } else {
      this.pass = null;
    }
    const hidden = net.layers.slice(1, -1);
    const widest = Math.max(0, ...hidden);
    this.sumD = new Float64Array(widest);
    this.sumA = new Float64Array(widest);
    this.sumP = new Float64Array(widest);
    const hiddenOffsets = [0];
    for (const n of hidden) hiddenOffsets.push(hiddenOffsets[hiddenOffsets.length - 1] + n);
    this.result = {
      gradB: new Float32Array(hiddenOffsets[hiddenOffsets.length - 1]),
      hiddenOffsets,
      layerNorms: new Float64Array(hidden.length),
      meanActivation: hidden.map((n) => new Float32Array(n)),
      meanActivationPrime: hidden.map((n) => new Float32Array(n)),
    };
  }

  /** Measures the current network. Returns the probe's own buffers, overwritten by the next run: copy before transferring. */
  run(): ProbeResult {
    return finish(this.runPieces(unlimitedMeter()));
  }

  /**
   * run() in pieces of `meter`'s size (core/pieces.ts), for a caller that must answer other work in between;
   * the network must not change until it returns. The cuts fall between row ranges and layers, so the
   * result is run()'s to the bit.
   */
  *runPieces(meter: PieceMeter): Pieces<ProbeResult> {
    const net = this.net;
    const m = this.count;
    const pass = this.pass;
    const simd = this.simd;
    net.bringHome(); // the JavaScript pass reads W⁰ in place
    if (simd !== null) yield* simd.runPieces(meter);
    else if (pass !== null) {
      const layers = net.layers;
      for (let l = 0; l + 1 < layers.length; l++) {
        pass.forwardLayer(l);
        if (meter.spend(m * layers[l] * layers[l + 1] * WORK_PER_MULTIPLY_ADD.js)) yield;
      }
      pass.finishForward();
      pass.outputDelta();
      pass.beginBackprop();
      for (let l = layers.length - 2; l >= 1; l--) {
        pass.backpropLayer(l);
        if (meter.spend(m * layers[l] * layers[l + 1] * WORK_PER_MULTIPLY_ADD.js)) yield;
      }
    }
    const act = this.act;
    const r = this.result;
    for (let h = 1; h <= net.numHidden; h++) {
      const n = net.layers[h];
      const meanA = r.meanActivation[h - 1];
      const meanP = r.meanActivationPrime[h - 1];
      const off = r.hiddenOffsets[h - 1];
      const sumD = this.sumD;
      const sumA = this.sumA;
      const sumP = this.sumP;
      if (simd !== null) {
        const { data, block } = simd.sumsOf(h);
        for (let j = 0; j < n; j++) {
          sumD[j] = data[j];
          sumA[j] = data[block + j];
          sumP[j] = data[2 * block + j];
        }
      } else {
        const d = (pass as BatchPass).deltas[h];
        const a = (pass as BatchPass).activationOf(h);
        sumD.fill(0, 0, n);
        sumA.fill(0, 0, n);
        sumP.fill(0, 0, n);
        // Example-major sweep: reads the batch buffers contiguously.
        for (let k = 0; k < m; k++) {
          const o = k * n;
          for (let j = 0; j < n; j++) {
            const aj = a[o + j];
            sumD[j] += d[o + j];
            sumA[j] += aj;
            sumP[j] += derivativeFromActivation(act, aj);
          }
        }
      }
      let sq = 0;
      for (let j = 0; j < n; j++) {
        const g = sumD[j] / m; // eq. BP3, averaged over the probe set
        r.gradB[off + j] = g;
        meanA[j] = sumA[j] / m;
        meanP[j] = sumP[j] / m;
        sq += g * g;
      }
      r.layerNorms[h - 1] = Math.sqrt(sq);
    }
    return r;
  }

  /**
   * f(z) of hidden layer h for every probe image (example-major) as the last run left them, for the
   * activation statistics of saturation.ts. The SIMD path copies them out of its padded rows; the copy is
   * overwritten by the next call.
   */
  hiddenActivations(h: number): Float32Array | null {
    if (this.simd !== null) {
      // One layer at a time, into one buffer: the statistics read a layer before asking for the next.
      const size = this.count * Math.max(0, ...this.net.layers.slice(1, -1));
      if (this.activationCopy === null || this.activationCopy.length < size) this.activationCopy = new Float32Array(size);
      return this.simd.copyActivations(h, this.activationCopy);
    }
    return this.pass === null ? null : this.pass.activationOf(h).subarray(0, this.count * this.net.layers[h]);
  }
}
