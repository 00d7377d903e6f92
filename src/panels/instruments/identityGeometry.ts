/** Data for the identity-neuron instrument: the output curve, and the error table of the Taylor construction. */
import { identityOutput, maxIdentityError, predictedIdentityError, solveIdentity, type IdentityParams } from '../../engine';

/** w₁ that "Solve" uses: small enough for a 10⁻⁴ error, large enough to keep w₂ = 4/w₁ on the slider. */
export const SOLVE_W1 = 0.1;
export const TABLE_W1 = [1, 0.5, 0.2, 0.1, 0.05, 0.01];

export function outputCurve(p: IdentityParams, n = 201): [number, number][] {
  const pts: [number, number][] = [];
  for (let k = 0; k < n; k++) {
    const x = k / (n - 1);
    pts.push([x, identityOutput(p, x)]);
  }
  return pts;
}

export interface ErrorRow {
  w1: number;
  error: number;
  predicted: number;
}

export function errorTable(w1s: readonly number[] = TABLE_W1): ErrorRow[] {
  return w1s.map((w1) => ({ w1, error: maxIdentityError(solveIdentity(w1)), predicted: predictedIdentityError(w1) }));
}
