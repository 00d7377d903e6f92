/** Number formatting shared by the instruments: readable across the 14 decades eq. 122 can span. */
import { instrumentsEn } from '../../i18n/groups/instruments.en';

/** The words for values that are not numbers, in one of the page's languages. */
export type NonFiniteWords = typeof instrumentsEn.numbers;

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '+': '',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/**
 * Three significant digits; scientific (1.95×10³) outside [10⁻³, 10⁴). A non-finite value says so in
 * words instead of printing NaN.
 */
export function formatNumber(v: number, digits = 3, words: NonFiniteWords = instrumentsEn.numbers): string {
  if (Number.isNaN(v)) return words.nan;
  if (!Number.isFinite(v)) return words.overflow(v > 0 ? '+' : '−');
  if (v === 0) return '0';
  const abs = Math.abs(v);
  if (abs >= 1e-3 && abs < 1e4) {
    const s = v.toPrecision(digits);
    // toPrecision keeps trailing zeros after the point ("0.500"): they say the digit is known, so keep them.
    // Below 10⁴ a whole number reads better than an exponent: 1953, not 1.95e+3.
    return (s.includes('e') ? String(Math.round(v)) : s).replace('-', '−');
  }
  const [mant, exp] = v.toExponential(digits - 1).split('e');
  const sup = exp
    .split('')
    .map((c) => SUPERSCRIPT[c] ?? c)
    .join('');
  return `${mant.replace('-', '−')}×10${sup}`;
}

/** A slider's value with as many decimals as its step has (0.01 → "−0.75"), so it reads like the slider moves. */
export function formatFixed(v: number, step: number): string {
  if (!Number.isFinite(v)) return formatNumber(v);
  const decimals = step > 0 && step < 1 ? Math.min(6, Math.ceil(-Math.log10(step) - 1e-9)) : 0;
  const s = v.toFixed(decimals);
  // "−0.00" for a tiny negative number would suggest a sign that is not there
  return (Number(s) === 0 ? (0).toFixed(decimals) : s).replace('-', '−');
}

/** A measured norm; a non-finite one means the run has diverged, and says so. */
export function formatNorm(v: number, words: NonFiniteWords = instrumentsEn.numbers): string {
  return Number.isFinite(v) ? formatNumber(v) : words.diverged;
}
