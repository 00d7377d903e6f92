import { describe, expect, it } from 'vitest';
import { boundFactor, intervalWidth, unstableInterval, widthCurve, widthMaximum } from '../../../src/engine/chapter/bound';

/**
 * Width of {a : |wσ′(wa+b)| ≥ 1} by brute force: scan a on a grid, then refine both edges by bisection.
 * Independent of the closed form: it only evaluates the factor itself.
 */
function scannedWidth(w: number, b: number): number {
  const centre = -b / w; // z = 0 there, where σ′ is largest
  const reach = 40 / Math.abs(w);
  const steps = 4000;
  let first = NaN;
  let last = NaN;
  for (let k = 0; k <= steps; k++) {
    const a = centre - reach + (2 * reach * k) / steps;
    if (boundFactor(w, a, b) >= 1) {
      if (Number.isNaN(first)) first = a;
      last = a;
    }
  }
  if (Number.isNaN(first)) return 0;
  const dx = (2 * reach) / steps;
  const edge = (inside: number, outside: number) => {
    for (let i = 0; i < 80; i++) {
      const mid = (inside + outside) / 2;
      if (boundFactor(w, mid, b) >= 1) inside = mid;
      else outside = mid;
    }
    return inside;
  };
  return edge(last, last + dx) - edge(first, first - dx);
}

describe('the |wσ′(wa+b)| ≥ 1 interval (eq. 123)', () => {
  it('the closed form agrees with a numerical scan for many |w| and b', () => {
    let checked = 0;
    for (let absW = 4.05; absW <= 60; absW *= 1.13) {
      for (const sign of [1, -1]) {
        for (const b of [0, -3, 7.5]) {
          const w = sign * absW;
          const scanned = scannedWidth(w, b);
          expect(Math.abs(intervalWidth(w) - scanned)).toBeLessThan(1e-4);
          const iv = unstableInterval(w, b)!;
          expect(Math.abs(iv.width - scanned)).toBeLessThan(1e-4);
          // the edges are where the factor equals 1
          expect(boundFactor(w, iv.lo, b)).toBeCloseTo(1, 9);
          expect(boundFactor(w, iv.hi, b)).toBeCloseTo(1, 9);
          checked++;
        }
      }
    }
    expect(checked).toBe(138);
  });

  it('is empty for |w| < 4', () => {
    for (const w of [0, 1, -2, 3.99, -3.999]) {
      expect(intervalWidth(w)).toBe(0);
      expect(unstableInterval(w, 0.5)).toBeNull();
      expect(scannedWidth(w || 1e-3, 0)).toBe(0);
    }
    expect(intervalWidth(4)).toBeCloseTo(0, 12);
  });

  it('peaks at |w| ≈ 6.89 with width ≈ 0.448 (the book: about 0.45 near 6.9)', () => {
    const max = widthMaximum();
    expect(max.absW.toFixed(2)).toBe('6.89');
    expect(max.width.toFixed(3)).toBe('0.448');
    // cross-check the location on a fine grid of the closed form
    let bestW = 0;
    let best = 0;
    for (let absW = 4; absW <= 20; absW += 1e-4) {
      const v = intervalWidth(absW);
      if (v > best) {
        best = v;
        bestW = absW;
      }
    }
    expect(Math.abs(bestW - max.absW)).toBeLessThan(2e-4);
    expect(Math.abs(best - max.width)).toBeLessThan(1e-9);
    // and on the brute-force scan
    expect(Math.abs(scannedWidth(max.absW, 0) - max.width)).toBeLessThan(1e-4);
  });

  it('samples the curve for plotting', () => {
    const pts = widthCurve(4, 20, 5);
    expect(pts.map((p) => p[0])).toEqual([4, 8, 12, 16, 20]);
    expect(pts[1][1]).toBeCloseTo(intervalWidth(8), 15);
    expect(() => widthCurve(4, 20, 1)).toThrow('at least 2 points, got 1');
  });
});
