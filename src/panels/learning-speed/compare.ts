/**
 * The numbers that set runs apart, one row per run: how much slower (or faster) hidden layer 1 learned
 * than the last hidden layer at the run's latest probe, and its best validation accuracy. Pure, so the
 * comparison table is tested without a DOM.
 */
import { t } from '../../i18n/catalogue';
import type { Lang } from '../../i18n/lang';
import { numberFormats } from '../../i18n/number';
import type { AccuracyPoint, NormPoint } from '../../store/series';
import { formatRatio } from '../network/headline';

/** ‖δ¹‖ / ‖δ_last‖ at the latest probe whose norms are all measurable, or null when there is none. */
export function firstToLastRatio(norms: readonly NormPoint[]): number | null {
  for (let i = norms.length - 1; i >= 0; i--) {
    const n = norms[i].norms;
    if (n.length < 2) return null;
    const first = n[0];
    const last = n[n.length - 1];
    if (Number.isFinite(first) && Number.isFinite(last) && first > 0 && last > 0) return first / last;
  }
  return null;
}

/** The ratio in the headline's words: "134× slower", "12,000× faster", "≈ equal". */
export function ratioWords(ratio: number | null, numHidden: number, lang: Lang = 'en'): string {
  const m = t(lang).speed;
  if (numHidden < 2) return m.oneLayer;
  if (ratio === null) return '—';
  if (ratio < 1.5 && ratio > 1 / 1.5) return m.equal;
  return ratio < 1 ? m.slower(formatRatio(1 / ratio, lang)) : m.faster(formatRatio(ratio, lang));
}

/** Best validation accuracy of a run, 0..1, or null before its first SGD epoch. */
export function bestAccuracy(accuracy: readonly AccuracyPoint[]): number | null {
  let best: number | null = null;
  for (const a of accuracy) if (Number.isFinite(a.accuracy) && (best === null || a.accuracy > best)) best = a.accuracy;
  return best;
}

export interface ComparisonRow {
  layer1VsLast: string;
  best: string;
}

export function comparisonRow(
  norms: readonly NormPoint[],
  accuracy: readonly AccuracyPoint[],
  numHidden: number,
  lang: Lang = 'en',
): ComparisonRow {
  const best = bestAccuracy(accuracy);
  return {
    layer1VsLast: ratioWords(firstToLastRatio(norms), numHidden, lang),
    best: best === null ? '—' : numberFormats(lang).percent(best, 2),
  };
}
