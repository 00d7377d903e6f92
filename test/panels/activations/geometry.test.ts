import { describe, expect, it } from 'vitest';
import {
  activationDomain,
  bandPath,
  bandScales,
  formatPercent,
  histogramBars,
  HISTOGRAM_BOX,
  meanPath,
} from '../../../src/panels/activations/geometry';
import type { ActivationPoint } from '../../../src/store/series';

const point = (x: number, mean: number, p02: number, p98: number): ActivationPoint => ({
  x,
  mean: [mean],
  p02: [p02],
  p50: [mean],
  p98: [p98],
  saturated: [0],
});

describe('activations geometry', () => {
  it('spans σ and tanh over their whole range and ReLU up to the largest 98th percentile', () => {
    const series = [point(0, 0.4, 0, 2.5), point(1, 0.3, 0, 4)];
    expect(activationDomain('sigmoid', series)).toEqual([0, 1]);
    expect(activationDomain('tanh', series)).toEqual([-1, 1]);
    expect(activationDomain('relu', series)).toEqual([0, 4]);
    expect(activationDomain('relu', [point(0, 0.1, 0, 0.2)])).toEqual([0, 1]);
  });

  it('draws the band between the percentiles and leaves a gap where a value is not finite', () => {
    const series = [point(0, 0.5, 0.2, 0.8), point(1, 0.4, 0.1, 0.7), point(2, Number.NaN, Number.NaN, 0.7), point(3, 0.3, 0.1, 0.5)];
    const { x, y } = bandScales('sigmoid', series);
    const band = bandPath(series, 1, x, y);
    expect(band.match(/M/g)).toHaveLength(2); // two pieces around the gap
    // d3 writes coordinates to three decimals.
    const at = (px: number, py: number) => `${Math.round(px * 1000) / 1000},${Math.round(py * 1000) / 1000}`;
    expect(band.startsWith(`M${at(x(0), y(0.8))}L${at(x(1), y(0.7))}`)).toBe(true);
    expect(band).toContain(at(x(1), y(0.1)));
    expect(meanPath(series, 1, x, y).match(/M/g)).toHaveLength(2);
    // One probe still gives a band of non-zero width.
    expect(bandPath([series[0]], 1, x, y)).toMatch(/^M.+Z$/);
  });

  it('scales histogram bars to the fullest bin and skips empty bins', () => {
    const bars = histogramBars([0, 0.2, 0.8, 0]);
    expect(bars).toHaveLength(2);
    const tall = HISTOGRAM_BOX.height - HISTOGRAM_BOX.top - HISTOGRAM_BOX.bottom;
    expect(bars[1].height).toBeCloseTo(tall, 10);
    expect(bars[0].height).toBeCloseTo(tall / 4, 10);
    expect(bars[1].y + bars[1].height).toBe(HISTOGRAM_BOX.height - HISTOGRAM_BOX.bottom);
    expect(histogramBars([0, 0, 0])).toEqual([]);
  });

  it('never rounds a few saturated values to 0 % or almost all to 100 %', () => {
    expect(formatPercent(0)).toBe('0 %');
    expect(formatPercent(0.003)).toBe('< 1 %');
    expect(formatPercent(0.4249)).toBe('42 %');
    expect(formatPercent(0.996)).toBe('> 99 %');
    expect(formatPercent(1)).toBe('100 %');
    expect(formatPercent(Number.NaN)).toBe('—');
  });
});
