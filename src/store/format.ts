/**
 * Numbers as the page shows them. Gradients span many decades (0.285 at the last hidden layer, 0.003 at the
 * first, far more once they explode), so small and large values switch to e-notation, and a value that is
 * not finite is never printed as NaN or Infinity: it says "overflow", and the caller says why next to it.
 */
export function formatValue(x: number): string {
  if (!Number.isFinite(x)) return 'overflow';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 0.01 && abs < 10000) return String(Number(x.toPrecision(3)));
  return x.toExponential(2).replace('e+', 'e');
}

/** A fraction 0..1 as a percentage with two decimals, as the book reports accuracy (96.48 %). */
export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return 'overflow';
  return `${(fraction * 100).toFixed(2)} %`;
}

export function formatBytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
