/**
 * Costs for one example, written in terms of the output pre-activations z so that they stay finite:
 * cross-entropy never takes log 0, however saturated the output.
 */
import { activateOutputRow, outputCostCode } from './output';
import type { CostName, OutputName } from './types';

/** softplus(x) = ln(1 + eˣ), computed without overflow for large x and without losing small values. */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/**
 * Cost of one example from its output pre-activations z (length n) and its label, as training and
 * evaluation compute it (output.ts): cross-entropy from z in softplus form, quadratic from a = σ(z) or
 * softmax(z). For tests and single examples: it allocates.
 */
export function exampleCost(output: OutputName, cost: CostName, z: ArrayLike<number>, label: number): number {
  const n = z.length;
  const row = Float64Array.from(z);
  return activateOutputRow(outputCostCode(output, cost), row, 0, new Float64Array(n), 0, n, label, true);
}
