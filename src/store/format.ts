/**
 * Numbers as the page shows them. Gradients span many decades (0.285 at the last hidden layer, 0.003 at the
 * first, far more once they explode), so small and large values switch to e-notation, and a value that is
 * not finite is never printed as NaN or Infinity: it says "overflow", and the caller says why next to it.
 */
import { t } from '../i18n/catalogue';
import type { Lang } from '../i18n/lang';
import { numberFormats } from '../i18n/number';

export function formatValue(x: number, lang: Lang = 'en'): string {
  if (!Number.isFinite(x)) return t(lang).common.overflow;
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 0.01 && abs < 10000) return String(Number(x.toPrecision(3)));
  return x.toExponential(2).replace('e+', 'e');
}

/** A fraction 0..1 as a percentage with two decimals, as the book reports accuracy (96.48 %). */
export function formatPercent(fraction: number, lang: Lang = 'en'): string {
  if (!Number.isFinite(fraction)) return t(lang).common.overflow;
  return numberFormats(lang).percent(fraction, 2);
}

export function formatBytes(bytes: number, lang: Lang = 'en'): string {
  return `${numberFormats(lang).fixed(bytes / 1e6, 1)} MB`;
}
