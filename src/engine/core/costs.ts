/**
 * Costs for one example, written in terms of the output pre-activations z so that they stay finite:
 * cross-entropy never takes log 0, however saturated the output.
 */
import type { CostName, OutputName } from './types';

/** softplus(x) = ln(1 + eˣ), computed without overflow for large x and without losing small values. */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/**
 * Cost of one example from its output pre-activations z (length n) and its label.
 *  sigmoid + cross-entropy: C = −Σⱼ [yⱼ ln aⱼ + (1−yⱼ) ln(1−aⱼ)] (eq. 63 of chapter 3), using
 *    −ln σ(z) = softplus(−z) and −ln(1 − σ(z)) = softplus(z).
 *  softmax + cross-entropy: the log-likelihood C = −ln a_y (eq. 80 of chapter 3) = logsumexp(z) − z_y.
 *  quadratic: C = ½‖a − y‖² (eq. 6 of chapter 1) with a = σ(z) or softmax(z).
 */
export function exampleCost(
  output: OutputName,
  cost: CostName,
  z: ArrayLike<number>,
  label: number,
): number {
  const n = z.length;
  if (output === 'sigmoid') {
    let c = 0;
    for (let j = 0; j < n; j++) {
      const zj = z[j];
      if (cost === 'cross-entropy') c += j === label ? softplus(-zj) : softplus(zj);
      else {
        const d = 1 / (1 + Math.exp(-zj)) - (j === label ? 1 : 0);
        c += 0.5 * d * d;
      }
    }
    return c;
  }
  let max = -Infinity;
  for (let j = 0; j < n; j++) if (z[j] > max) max = z[j];
  let sum = 0;
  for (let j = 0; j < n; j++) sum += Math.exp(z[j] - max);
  if (cost === 'cross-entropy') return max + Math.log(sum) - z[label];
  let c = 0;
  for (let j = 0; j < n; j++) {
    const d = Math.exp(z[j] - max) / sum - (j === label ? 1 : 0);
    c += 0.5 * d * d;
  }
  return c;
}

/** Small integer tags for the four output × cost pairs, switched on once per batch. */
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
