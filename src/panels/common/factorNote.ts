/**
 * Eq. 124's factor Σ′(zʰ)(wʰ⁺¹)ᵀ only carries δʰ⁺¹ back to δʰ in the chapter's plain network. Just below a
 * layer with a skip, or anywhere under layer normalisation, the worker reports it as NaN on purpose (a
 * diverged run never reaches the page as a snapshot), and the page says "not applicable" instead.
 */
export const FACTOR_NOT_APPLICABLE = 'n/a';

export const FACTOR_NOT_APPLICABLE_NOTE =
  "n/a: eq. 124's factor does not carry δ back here. With a skip path the factor is I + Σ′W; with layer normalisation the Jacobian includes the normalisation: not shown.";

/** Whether a received factor norm is the "not applicable" marker rather than a number to print. */
export function factorNotApplicable(factor: number): boolean {
  return Number.isNaN(factor);
}
