import { formatPercent } from '../../store/format';
import { t } from '../../i18n/catalogue';
import type { Lang } from '../../i18n/lang';
import type { AccuracyPoint } from '../../store/series';
import { pinnedDash } from '../common/dashes';
import { formatEpoch, indexWithin, type ReadoutDot, type ReadoutRow } from '../common/readout';

/**
 * The chapter's opening table: validation accuracy after 30 epochs of SGD (η = 0.1, λ = 5.0, mini-batch 10)
 * for networks of one to four hidden layers of 30 sigmoid neurons.
 */
export const BOOK_ACCURACY: Record<number, number> = { 1: 96.48, 2: 96.9, 3: 96.57, 4: 96.53 };

/** The book's figure for this architecture, in percent, or null when the book has none. */
export function bookAccuracyFor(layers: readonly number[]): number | null {
  const hidden = layers.slice(1, -1);
  if (hidden.length === 0 || hidden.some((w) => w !== 30)) return null;
  return BOOK_ACCURACY[hidden.length] ?? null;
}

/** y-axis range in percent: down to a whole 5 % below the lowest value seen, never above 100. */
export function accuracyDomain(values: readonly number[], mark: number | null): [number, number] {
  const all = mark === null ? [...values] : [...values, mark];
  const finite = all.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return [80, 100];
  const lo = Math.min(...finite);
  return [Math.max(0, Math.floor((lo - 1) / 5) * 5), 100];
}

export interface AccuracyReadout {
  x: number;
  title: string;
  columns: string[];
  /** This run first, then each pinned run shown; "—" where a run was not measured at that epoch. */
  rows: ReadoutRow[];
  dots: ReadoutDot[];
}

/**
 * What the readout shows at an epoch: the validation accuracy of this run and of every pinned run shown, as
 * percentages with two decimals like the book's table, and a dot on each line at that epoch.
 */
export function accuracyReadout(
  epoch: number,
  current: readonly AccuracyPoint[],
  pinned: readonly { p: { id: number; accuracy: readonly AccuracyPoint[] }; index: number }[],
  xScale: (v: number) => number,
  yScale: (v: number) => number,
  lang: Lang = 'en',
): AccuracyReadout {
  const words = t(lang);
  const runs = [
    { label: words.accuracy.thisRun, points: current, colour: 'var(--accent)', dash: undefined as string | undefined, pinned: false },
    ...pinned.map(({ p, index }) => ({
      label: words.speed.pinnedRun(p.id),
      points: p.accuracy,
      colour: 'var(--ink-soft)',
      dash: pinnedDash(index),
      pinned: true,
    })),
  ].filter((r) => r.points.length > 0);
  const rows: ReadoutRow[] = [];
  const dots: ReadoutDot[] = [];
  for (const r of runs) {
    const i = indexWithin(
      r.points.map((a) => a.epoch),
      epoch,
    );
    const a = i < 0 ? null : r.points[i];
    rows.push({ label: r.label, colour: r.colour, dash: r.dash, values: [a === null ? '—' : formatPercent(a.accuracy, lang)] });
    if (a !== null && Number.isFinite(a.accuracy))
      dots.push({ cx: xScale(a.epoch), cy: yScale(a.accuracy * 100), colour: r.colour, hollow: r.pinned });
  }
  return { x: epoch, title: words.speed.epoch(formatEpoch(epoch)), columns: [], rows, dots };
}
