/**
 * The chapter's finding as one sentence a class can read from the back of the room: which hidden layer
 * learns slowest, which fastest, and by how much, measured by ‖δˡ‖ (the book's "speed of learning").
 */
import { t } from '../../i18n/catalogue';
import type { Lang } from '../../i18n/lang';
import { localeOf, numberFormats } from '../../i18n/number';

/** Layers whose speeds differ by less than this are called equally fast: SGD noise alone moves ratios this much. */
export const EQUAL_WITHIN = 1.5;

/**
 * Below this, every layer has all but stopped: a healthy run's smallest ‖δˡ‖ after 500 epochs of the chapter's
 * figs. 5-7 is about 1e-5, while a saturated network (the exploding preset after one step) sits near 1e-15.
 * A ratio between two such vanishing numbers would tell the class the wrong story.
 */
export const STALLED_BELOW = 1e-9;

/** Ratios are shown to at most three significant digits, with thousands separators: 134, 12,000, 2.5. */
export function formatRatio(ratio: number, lang: Lang = 'en'): string {
  if (ratio >= 1e6) {
    const [mantissa, exponent] = ratio.toExponential(2).split('e');
    return `${Number(mantissa)} × 10^${Number(exponent)}`;
  }
  return numberFormats(lang).significant(ratio, 3);
}

/**
 * The headline for the layer norms of the latest probe (hidden layer 1 first), or null before the first
 * probe of the network drawn. Never prints NaN or ∞: a zero or overflowed norm is named and explained.
 */
export function headlineSentence(norms: ArrayLike<number> | null, numHidden: number, lang: Lang = 'en'): string {
  const m = t(lang).headline;
  if (norms === null || norms.length !== numHidden || numHidden === 0) return m.waiting;
  const values = Array.from(norms);
  const overflow = values.findIndex((v) => !Number.isFinite(v));
  if (overflow >= 0) return m.overflowed(overflow + 1);
  if (numHidden === 1) {
    return values[0] === 0 ? m.oneStopped : m.oneLayer;
  }
  const zeros = values.flatMap((v, i) => (v === 0 ? [i + 1] : []));
  if (zeros.length === numHidden) return m.noneLearning;
  if (zeros.length > 0) return m.someStopped(zeros);
  const largest = Math.max(...values);
  if (largest < STALLED_BELOW) {
    const shown = new Intl.NumberFormat(localeOf(lang), { notation: 'scientific', maximumSignificantDigits: 2 })
      .format(largest)
      .replace('E', 'e');
    return m.allStalled(shown);
  }
  let slow = 0;
  let fast = 0;
  values.forEach((v, i) => {
    if (v < values[slow]) slow = i;
    if (v > values[fast]) fast = i;
  });
  const ratio = values[fast] / values[slow];
  if (!Number.isFinite(ratio)) return m.uncountable(fast + 1, slow + 1);
  if (ratio < EQUAL_WITHIN) return m.equal(numHidden, formatRatio(ratio, lang));
  // The layer nearer the input is named first, so the sentence reads the way the network does.
  return slow < fast ? m.slower(slow + 1, formatRatio(ratio, lang), fast + 1) : m.faster(fast + 1, formatRatio(ratio, lang), slow + 1);
}
