/**
 * The chapter's identity-neuron exercise: choose w₁, b, w₂ so that w₂σ(w₁x + b) ≈ x on x ∈ [0, 1].
 *
 * Write x = ½ + Δ and take b = −w₁/2, so σ(w₁x + b) = σ(w₁Δ). Taylor around 0 (σ′(0) = 1/4, σ‴(0) = −1/8):
 *   σ(w₁Δ) = ½ + w₁Δ/4 − (w₁Δ)³/48 + O(w₁⁵).
 * With w₂ = 4/w₁:  w₂σ(w₁x + b) = 2/w₁ + Δ − w₁²Δ³/12 + … = x + (2/w₁ − ½) − w₁²Δ³/12 + …
 * So the slope comes out right but a constant 2/w₁ − ½ is left over, and it grows as w₁ shrinks: the neuron
 * alone cannot be the identity. In a network the output w₂a feeds the next neuron's weighted input, whose
 * bias can absorb the constant; here that is the additive term c = ½ − 2/w₁. The remaining error is
 * w₁²|Δ|³/12 ≤ w₁²/96 (at the ends, |Δ| = ½): it vanishes like w₁².
 */
import { sigmoid } from '../core/activations';

export interface IdentityParams {
  readonly w1: number;
  readonly b: number;
  readonly w2: number;
  /** Additive term after the neuron (the next neuron's bias in a network). */
  readonly c: number;
}

/** w₂σ(w₁x + b) + c */
export function identityOutput(p: IdentityParams, x: number): number {
  return p.w2 * sigmoid(p.w1 * x + p.b) + p.c;
}

/** The Taylor construction for a given small w₁ ≠ 0: b = −w₁/2, w₂ = 4/w₁, c = ½ − 2/w₁. */
export function solveIdentity(w1: number): IdentityParams {
  if (!Number.isFinite(w1) || w1 === 0) throw new RangeError(`w1 must be a finite non-zero number, got ${w1}`);
  return { w1, b: -w1 / 2, w2: 4 / w1, c: 0.5 - 2 / w1 };
}

/** max over x ∈ [0, 1] of |w₂σ(w₁x + b) + c − x| on `samples` evenly spaced points (both ends included). */
export function maxIdentityError(p: IdentityParams, samples = 1001): number {
  if (!(samples >= 2)) throw new RangeError(`need at least 2 sample points, got ${samples}`);
  let max = 0;
  for (let k = 0; k < samples; k++) {
    const x = k / (samples - 1);
    const e = Math.abs(identityOutput(p, x) - x);
    if (!(e <= max)) max = e; // NaN propagates so a bad parameter cannot pass as a small error
  }
  return max;
}

/** Leading term of the error of solveIdentity(w₁): w₁²/96. */
export function predictedIdentityError(w1: number): number {
  return (w1 * w1) / 96;
}
