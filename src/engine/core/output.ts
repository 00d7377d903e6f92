/**
 * The output layer, written once: from the output pre-activations z^L of one example to its activations a^L,
 * its cost C and its error δ^L = ∂C/∂z^L (eq. BP1 of chapter 2). Training, evaluation, the gradient probe
 * (JavaScript and SIMD) and the single-example forward pass all call these, so a change of output or cost
 * is made in one place. A row is n consecutive values starting at an offset into a larger batch buffer;
 * rows are ten wide on MNIST, so these are not hot loops and stay plain.
 */
import type { CostName, OutputName } from './types';

/** Small integer tags for the four output × cost pairs, looked up once per network. */
export const SIGMOID_CROSS_ENTROPY = 0;
export const SIGMOID_QUADRATIC = 1;
export const SOFTMAX_CROSS_ENTROPY = 2;
export const SOFTMAX_QUADRATIC = 3;

export function outputCostCode(output: OutputName, cost: CostName): number {
  if (output !== 'sigmoid' && output !== 'softmax')
    throw new RangeError(`unknown output "${String(output)}" (expected sigmoid or softmax)`);
  if (cost !== 'cross-entropy' && cost !== 'quadratic')
    throw new RangeError(`unknown cost "${String(cost)}" (expected cross-entropy or quadratic)`);
  if (output === 'sigmoid') return cost === 'cross-entropy' ? SIGMOID_CROSS_ENTROPY : SIGMOID_QUADRATIC;
  return cost === 'cross-entropy' ? SOFTMAX_CROSS_ENTROPY : SOFTMAX_QUADRATIC;
}

/** Buffers a row may live in: the batch buffers are float32, single examples may be float64. */
export type Row = Float32Array | Float64Array;

/**
 * a = f(z) for the row z[zo .. zo+n) into a[ao .. ao+n), and the example's cost when withCost (else 0).
 * The cost is computed from z, so a saturated output costs a large finite amount, never log 0:
 *  sigmoid + cross-entropy: C = −Σⱼ [yⱼ ln aⱼ + (1−yⱼ) ln(1−aⱼ)] (eq. 63 of chapter 3)
 *    = Σⱼ softplus(±zⱼ) (−ln σ(z) = softplus(−z), −ln(1 − σ(z)) = softplus(z)), with
 *    softplus(x) = max(x, 0) + ln(1 + e^−|x|) and the row's logarithms merged into one:
 *    Σ ln(1 + tⱼ) = log1p(s), s = Π(1 + tⱼ) − 1 carried as s ← s + t + s·t so that tiny tⱼ are not lost
 *    against the 1. The e^−z that gives σ(z) also gives e^−|z| (its reciprocal when z < 0).
 *  softmax + cross-entropy: the log-likelihood C = −ln a_y (eq. 80 of chapter 3) = logsumexp(z) − z_y.
 *  quadratic: C = ½‖a − y‖² (eq. 6 of chapter 1), from a as stored (rounded to the row's precision).
 * z and a may be the same row (in-place): every z is read before its slot is written.
 */
export function activateOutputRow(code: number, z: Row, zo: number, a: Row, ao: number, n: number, y: number, withCost: boolean): number {
  let cost = 0;
  if (code === SIGMOID_CROSS_ENTROPY || code === SIGMOID_QUADRATIC) {
    if (code === SIGMOID_CROSS_ENTROPY && withCost) {
      let s = 0;
      for (let j = 0; j < n; j++) {
        const zj = z[zo + j];
        const e = Math.exp(-zj);
        a[ao + j] = 1 / (1 + e);
        const t = zj >= 0 ? e : 1 / e;
        s += t + s * t;
        const x = j === y ? -zj : zj;
        if (x > 0) cost += x;
      }
      return cost + Math.log1p(s);
    }
    for (let j = 0; j < n; j++) a[ao + j] = 1 / (1 + Math.exp(-z[zo + j]));
  } else {
    // Softmax (eq. 78 of chapter 3), shifted by the largest z so that no exponential overflows.
    const zy = z[zo + y];
    let max = -Infinity;
    for (let j = 0; j < n; j++) if (z[zo + j] > max) max = z[zo + j];
    let sum = 0;
    for (let j = 0; j < n; j++) {
      const e = Math.exp(z[zo + j] - max);
      a[ao + j] = e;
      sum += e;
    }
    const inv = 1 / sum;
    for (let j = 0; j < n; j++) a[ao + j] *= inv;
    if (code === SOFTMAX_CROSS_ENTROPY) return withCost ? max + Math.log(sum) - zy : 0;
  }
  if (!withCost) return 0;
  for (let j = 0; j < n; j++) {
    const g = a[ao + j] - (j === y ? 1 : 0);
    cost += 0.5 * g * g;
  }
  return cost;
}

/**
 * δ^L = ∂C/∂z^L of the row from its activations a (eq. BP1), label y:
 *  sigmoid + cross-entropy, softmax + log-likelihood: δ = a − y (eqs. 66 and 84 of chapter 3);
 *  sigmoid + quadratic: δ = (a − y) σ'(z), σ'(z) = a(1 − a) (eq. BP1);
 *  softmax + quadratic: δⱼ = aⱼ (gⱼ − Σᵢ gᵢ aᵢ), g = a − y (the softmax Jacobian applied to ∂C/∂a).
 */
export function outputDeltaRow(code: number, a: Row, ao: number, d: Row, dOff: number, n: number, y: number): void {
  if (code === SIGMOID_CROSS_ENTROPY || code === SOFTMAX_CROSS_ENTROPY) {
    for (let j = 0; j < n; j++) d[dOff + j] = a[ao + j] - (j === y ? 1 : 0);
  } else if (code === SIGMOID_QUADRATIC) {
    for (let j = 0; j < n; j++) {
      const aj = a[ao + j];
      d[dOff + j] = (aj - (j === y ? 1 : 0)) * aj * (1 - aj);
    }
  } else {
    let ga = 0;
    for (let j = 0; j < n; j++) ga += (a[ao + j] - (j === y ? 1 : 0)) * a[ao + j];
    for (let j = 0; j < n; j++) d[dOff + j] = a[ao + j] * (a[ao + j] - (j === y ? 1 : 0) - ga);
  }
}
