/**
 * An independent float64 model of the engine's network, written as plainly as possible (one example at a
 * time, textbook formulas, no sparse input, no shared code with src/engine), to check the engine against.
 */
import type { ActivationName, CostName, OutputName, Samples } from '../../src/engine/core/types';

export interface RefNet {
  layers: number[];
  activation: ActivationName;
  output: OutputName;
  cost: CostName;
  /**
   * Same layout as Network.params: per layer, weights [out][in] then biases; with layer normalisation then
   * every hidden layer's gains γ, then every hidden layer's shifts β.
   */
  params: Float64Array;
  /** aˡ = aˡ⁻¹ + f(uˡ) on hidden layers after the first whose width equals the one below. */
  residual?: boolean;
  normalisation?: 'none' | 'layer';
}

function f(name: ActivationName, z: number): number {
  if (name === 'sigmoid') return 1 / (1 + Math.exp(-z));
  if (name === 'tanh') return Math.tanh(z);
  return Math.max(0, z);
}

/** Output activations a^L of one example (input already scaled to [0, 1]). */
export function refOutputs(net: RefNet, x: number[]): number[] {
  let a = x;
  let offset = 0;
  const L = net.layers.length;
  const layerNorm = net.normalisation === 'layer';
  // Where γ and β of the first hidden layer live: after every weight and bias.
  let gainAt = 0;
  for (let l = 0; l + 1 < L; l++) gainAt += net.layers[l] * net.layers[l + 1] + net.layers[l + 1];
  let hiddenTotal = 0;
  for (let l = 1; l + 1 < L; l++) hiddenTotal += net.layers[l];
  for (let l = 0; l + 1 < L; l++) {
    const nIn = net.layers[l];
    const nOut = net.layers[l + 1];
    const z: number[] = [];
    for (let j = 0; j < nOut; j++) {
      let s = net.params[offset + nIn * nOut + j];
      for (let i = 0; i < nIn; i++) s += net.params[offset + j * nIn + i] * a[i];
      z.push(s);
    }
    offset += nIn * nOut + nOut;
    if (l + 2 < L) {
      let u = z;
      if (layerNorm) {
        const mean = z.reduce((p, q) => p + q, 0) / nOut;
        const variance = z.reduce((p, q) => p + (q - mean) ** 2, 0) / nOut;
        const sd = Math.sqrt(variance + 1e-5);
        u = z.map((v, j) => net.params[gainAt + j] * ((v - mean) / sd) + net.params[gainAt + hiddenTotal + j]);
        gainAt += nOut;
      }
      const out = u.map((v) => f(net.activation, v));
      a = net.residual && l >= 1 && nIn === nOut ? out.map((v, j) => v + a[j]) : out;
    } else if (net.output === 'sigmoid') a = z.map((v) => 1 / (1 + Math.exp(-v)));
    else {
      const e = z.map((v) => Math.exp(v));
      const sum = e.reduce((p, q) => p + q, 0);
      a = e.map((v) => v / sum);
    }
  }
  return a;
}

/** Cost of one example, computed directly from the output activations. */
export function refExampleCost(net: RefNet, x: number[], label: number): number {
  const a = refOutputs(net, x);
  const y = a.map((_, j) => (j === label ? 1 : 0));
  if (net.cost === 'quadratic') return a.reduce((s, aj, j) => s + 0.5 * (aj - y[j]) ** 2, 0);
  if (net.output === 'softmax') return -Math.log(a[label]);
  return a.reduce((s, aj, j) => s - (y[j] * Math.log(aj) + (1 - y[j]) * Math.log(1 - aj)), 0);
}

export function inputOf(samples: Samples, k: number): number[] {
  return Array.from(samples.inputs.subarray(k * samples.inputSize, (k + 1) * samples.inputSize), (b) => b / 255);
}

/** Mean cost over the given example indices. */
export function refBatchCost(net: RefNet, samples: Samples, examples: readonly number[]): number {
  let total = 0;
  for (const k of examples) total += refExampleCost(net, inputOf(samples, k), samples.labels[k]);
  return total / examples.length;
}

/** ∂(mean cost)/∂params by central differences, h = 1e-6. */
export function refGradient(net: RefNet, samples: Samples, examples: readonly number[]): Float64Array {
  const h = 1e-6;
  const g = new Float64Array(net.params.length);
  for (let t = 0; t < g.length; t++) {
    const keep = net.params[t];
    net.params[t] = keep + h;
    const plus = refBatchCost(net, samples, examples);
    net.params[t] = keep - h;
    const minus = refBatchCost(net, samples, examples);
    net.params[t] = keep;
    g[t] = (plus - minus) / (2 * h);
  }
  return g;
}

/** Random byte images with about half the pixels zero (like MNIST's sparsity), and random labels. */
export function randomSamples(count: number, inputSize: number, numLabels: number, seed: number): Samples {
  let s = seed >>> 0;
  const next = (): number => {
    // xorshift32: test data only needs to be fixed, not good
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
  const inputs = new Uint8Array(count * inputSize);
  for (let t = 0; t < inputs.length; t++) inputs[t] = next() % 2 === 0 ? 0 : next() % 256;
  const labels = new Uint8Array(count);
  for (let k = 0; k < count; k++) labels[k] = next() % numLabels;
  return { inputs, labels, inputSize, count };
}
