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
