import { describe, expect, it } from 'vitest';
import { barExtent, barFraction, logDecadeTicks, maxFiniteAbs, scaleTop, type BarScale } from '../../src/panels/network/scale';

const FULL = 150;

describe('bar scale: the top', () => {
  it('takes the largest finite |∂C/∂b|, ignoring overflow and NaN', () => {
    expect(maxFiniteAbs(new Float32Array([0.1, -0.4, Infinity, NaN, 0.2]))).toBeCloseTo(0.4, 6);
    expect(maxFiniteAbs([])).toBe(0);
    expect(maxFiniteAbs([0, -0, 0])).toBe(0);
  });

  it('"now" and "log" follow the latest probe; "first" never drops below the run so far', () => {
    expect(scaleTop('now', 2e-3, 0.6)).toBe(2e-3);
    expect(scaleTop('log', 2e-3, 0.6)).toBe(2e-3);
    expect(scaleTop('first', 2e-3, 0.6)).toBe(0.6);
    expect(scaleTop('first', 0.9, 0.6)).toBe(0.9);
  });

  it('is 0, never NaN or ∞, when nothing measurable has arrived', () => {
    for (const mode of ['now', 'first', 'log'] as const) {
      expect(scaleTop(mode, 0, 0)).toBe(0);
      expect(scaleTop(mode, NaN, NaN)).toBe(0);
      expect(scaleTop(mode, Infinity, 0)).toBe(0);
    }
  });
});

describe('bar scale: "now" (square root of the latest maximum)', () => {
  const scale: BarScale = { mode: 'now', top: 2e-3 };

  it('gives the largest neuron the whole track however small the gradient has become', () => {
    expect(barExtent(-2e-3, scale, FULL)).toEqual({ length: FULL, clipped: false });
  });

  it('keeps the ratio between layers: 134× slower is √134 ≈ 11.6× shorter', () => {
    const fast = barFraction(2e-3, scale);
    const slow = barFraction(2e-3 / 134, scale);
    expect(fast / slow).toBeCloseTo(Math.sqrt(134), 6);
  });

  it('draws zero as nothing and overflow as a full bar', () => {
    expect(barExtent(0, scale, FULL)).toEqual({ length: 0, clipped: false });
    expect(barExtent(Infinity, scale, FULL)).toEqual({ length: FULL, clipped: false });
    expect(barExtent(NaN, scale, FULL)).toEqual({ length: FULL, clipped: false });
  });

  it('draws every neuron full when all are equal', () => {
    for (const v of [0.3, -0.3, 0.3]) expect(barExtent(v, { mode: 'now', top: 0.3 }, FULL).length).toBeCloseTo(FULL, 10);
  });

  it('cuts an outline of a larger first probe at the track end and says it did', () => {
    expect(barExtent(0.5, scale, FULL)).toEqual({ length: FULL, clipped: true });
  });

  it('draws nothing at all while the top is 0 (every gradient zero)', () => {
    expect(barExtent(0.1, { mode: 'now', top: 0 }, FULL)).toEqual({ length: 0, clipped: false });
  });
});

describe('bar scale: "first" (the run\'s first probe, today\'s behaviour)', () => {
  it('shrinks bars as the whole gradient shrinks', () => {
    const scale: BarScale = { mode: 'first', top: scaleTop('first', 2e-3, 0.6) };
    expect(barExtent(0.6, scale, FULL).length).toBeCloseTo(FULL, 10);
    expect(barExtent(2e-3, scale, FULL).length).toBeCloseTo(FULL * Math.sqrt(2e-3 / 0.6), 10);
    expect(barExtent(0.6, scale, FULL).clipped).toBe(false);
  });
});

describe('bar scale: "log" (four decades)', () => {
  const scale: BarScale = { mode: 'log', top: 1e-2 };

  it('puts each decade below the top a quarter of the track further left', () => {
    expect(barFraction(1e-2, scale)).toBeCloseTo(1, 10);
    expect(barFraction(1e-3, scale)).toBeCloseTo(0.75, 10);
    expect(barFraction(-1e-4, scale)).toBeCloseTo(0.5, 10);
    expect(barFraction(1e-6, scale)).toBeCloseTo(0, 10);
  });

  it('gives values more than four decades down, and zero, no length', () => {
    expect(barFraction(1e-9, scale)).toBe(0);
    expect(barExtent(0, scale, FULL)).toEqual({ length: 0, clipped: false });
  });

  it('draws overflow full, all-equal values full, and marks values above the top as cut', () => {
    expect(barExtent(-Infinity, scale, FULL)).toEqual({ length: FULL, clipped: false });
    expect(barExtent(1e-2, scale, FULL).length).toBeCloseTo(FULL, 10);
    expect(barExtent(1, scale, FULL)).toEqual({ length: FULL, clipped: true });
  });

  it('labels the decades relative to the full bar, from 10⁻⁴ at the start of the track to 1 at its end', () => {
    expect(logDecadeTicks()).toEqual([
      { at: 1, label: '1' },
      { at: 0.75, label: '10⁻¹' },
      { at: 0.5, label: '10⁻²' },
      { at: 0.25, label: '10⁻³' },
      { at: 0, label: '10⁻⁴' },
    ]);
  });
});
