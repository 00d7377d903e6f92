/**
 * The chapter's finding as one sentence a class can read from the back of the room: which hidden layer
 * learns slowest, which fastest, and by how much, measured by ‖δˡ‖ (the book's "speed of learning").
 */

/** Layers whose speeds differ by less than this are called equally fast: SGD noise alone moves ratios this much. */
export const EQUAL_WITHIN = 1.5;

/**
 * Below this, every layer has all but stopped: a healthy run's smallest ‖δˡ‖ after 500 epochs of the chapter's
 * figs. 5-7 is about 1e-5, while a saturated network (the exploding preset after one step) sits near 1e-15.
 * A ratio between two such vanishing numbers would tell the class the wrong story.
 */
export const STALLED_BELOW = 1e-9;

/** Ratios are shown to at most three significant digits, with thousands separators: 134, 12,000, 2.5. */
export function formatRatio(ratio: number): string {
  if (ratio >= 1e6) {
    const [mantissa, exponent] = ratio.toExponential(2).split('e');
    return `${Number(mantissa)} × 10^${Number(exponent)}`;
  }
  return new Intl.NumberFormat('en', { maximumSignificantDigits: 3 }).format(ratio);
}

/**
 * The headline for the layer norms of the latest probe (hidden layer 1 first), or null before the first
 * probe of the network drawn. Never prints NaN or ∞: a zero or overflowed norm is named and explained.
 */
export function headlineSentence(norms: ArrayLike<number> | null, numHidden: number): string {
  if (norms === null || norms.length !== numHidden || numHidden === 0) return 'Waiting for the first probe of the network…';
  const values = Array.from(norms);
  const overflow = values.findIndex((v) => !Number.isFinite(v));
  if (overflow >= 0) return `Layer ${overflow + 1}'s gradient overflowed a 32-bit float, so its speed cannot be measured.`;
  if (numHidden === 1) {
    return values[0] === 0
      ? 'The one hidden layer has stopped learning: no gradient reaches it (‖δ¹‖ = 0).'
      : 'One hidden layer: nothing to compare it with. Add a layer to see the earlier one learn slower.';
  }
  const zeros = values.flatMap((v, i) => (v === 0 ? [i + 1] : []));
  if (zeros.length === numHidden) return 'No hidden layer is learning: every ‖δˡ‖ is 0.';
  if (zeros.length > 0) {
    const named = zeros.length === 1 ? `Layer ${zeros[0]} has` : `Layers ${zeros.join(', ')} have`;
    return `${named} stopped learning: no gradient reaches ${zeros.length === 1 ? 'it' : 'them'} (‖δ‖ = 0).`;
  }
  const largest = Math.max(...values);
  if (largest < STALLED_BELOW) {
    const shown = new Intl.NumberFormat('en', { notation: 'scientific', maximumSignificantDigits: 2 }).format(largest).replace('E', 'e');
    return `Every hidden layer has all but stopped learning: the largest ‖δˡ‖ is ${shown}.`;
  }
  let slow = 0;
  let fast = 0;
  values.forEach((v, i) => {
    if (v < values[slow]) slow = i;
    if (v > values[fast]) fast = i;
  });
  const ratio = values[fast] / values[slow];
  if (!Number.isFinite(ratio)) return `Layer ${fast + 1} learns too many times faster than layer ${slow + 1} to count in a float.`;
  if (ratio < EQUAL_WITHIN) return `All ${numHidden} hidden layers learn ≈ equally fast (within ${formatRatio(ratio)}×).`;
  // The layer nearer the input is named first, so the sentence reads the way the network does.
  return slow < fast
    ? `Layer ${slow + 1} learns ${formatRatio(ratio)}× slower than layer ${fast + 1}`
    : `Layer ${fast + 1} learns ${formatRatio(ratio)}× faster than layer ${slow + 1}`;
}
