import { describe, expect, it } from 'vitest';
import { barsForLayer, columnLayout, selectNeurons } from '../../src/panels/network/geometry';
import { decadeTicks, formatDecade, layerPath, normExtent, speedScales } from '../../src/panels/learning-speed/geometry';
import { accuracyDomain, bookAccuracyFor } from '../../src/panels/accuracy/geometry';
import { makeSnapshot } from '../store/fakeClient';

describe('network geometry', () => {
  it('shows the first six neurons as the book does, or all of them', () => {
    expect(selectNeurons(30, false)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(selectNeurons(4, false)).toEqual([0, 1, 2, 3]);
    expect(selectNeurons(30, true)).toHaveLength(30);
  });

  it('samples a wide layer evenly, keeping the first and last neuron', () => {
    const picked = selectNeurons(1000, true, 40);
    expect(picked).toHaveLength(40);
    expect(picked[0]).toBe(0);
    expect(picked[39]).toBe(999);
    for (let i = 1; i < picked.length; i++) expect(picked[i] - picked[i - 1]).toBeGreaterThanOrEqual(25);
  });

  it('reads each layer its own slice of gradB', () => {
    const snap = makeSnapshot(1, [30, 20], { scale: [0.001, 0.1] });
    const bars = barsForLayer(snap, 2, 20, [0, 5]);
    expect(bars).toEqual([
      { layer: 2, neuron: 0, row: 0, grad: snap.gradB[30] },
      { layer: 2, neuron: 5, row: 1, grad: snap.gradB[35] },
    ]);
    expect(bars[1].grad).toBeCloseTo(0.6, 6);
  });

  it('draws nothing from a snapshot of another architecture', () => {
    const snap = makeSnapshot(1, [30, 30]);
    expect(barsForLayer(snap, 2, 50, [0])).toEqual([]);
    expect(barsForLayer(snap, 3, 30, [0])).toEqual([]);
    expect(barsForLayer(null, 1, 30, [0])).toEqual([]);
  });

  it('lays rows out evenly down a column', () => {
    const layout = columnLayout(6);
    expect(layout.rowY(0)).toBeCloseTo(layout.rowHeight / 2, 10);
    expect(layout.rowY(5)).toBeCloseTo(layout.height - layout.rowHeight / 2, 10);
  });
});

describe('learning-speed geometry', () => {
  const series = [
    { x: 0, norms: [0.003, 0.3] },
    { x: 1, norms: [NaN, 0.2] },
    { x: 2, norms: [0.002, 0.1] },
  ];

  it('finds the extent of finite positive norms and rounds the log axis to decades', () => {
    expect(normExtent([series])).toEqual([0.002, 0.3]);
    const { x, y } = speedScales([series]);
    expect(y.domain()).toEqual([0.001, 1]);
    expect(x.domain()).toEqual([0, 2]);
    expect(decadeTicks([0.001, 1])).toEqual([0.001, 0.01, 0.1, 1]);
    // Twenty-two decades after an explosion: every fourth, ending at the top.
    const many = decadeTicks([1e-18, 1e3]);
    expect(many.length).toBeLessThanOrEqual(7);
    expect(many[many.length - 1]).toBe(1000);
  });

  it('breaks a layer’s line where the norm is not finite', () => {
    const { x, y } = speedScales([series]);
    const d = layerPath(series, 1, x, y);
    expect(d.match(/M/g)).toHaveLength(2);
    expect(layerPath(series, 2, x, y).match(/M/g)).toHaveLength(1);
  });

  it('writes decades with superscripts', () => {
    expect(formatDecade(0.001)).toBe('10⁻³');
    expect(formatDecade(1)).toBe('1');
    expect(formatDecade(100)).toBe('10²');
  });
});

describe('accuracy geometry', () => {
  it('marks the book result only for one to four hidden layers of 30', () => {
    expect(bookAccuracyFor([784, 30, 10])).toBe(96.48);
    expect(bookAccuracyFor([784, 30, 30, 10])).toBe(96.9);
    expect(bookAccuracyFor([784, 30, 30, 30, 10])).toBe(96.57);
    expect(bookAccuracyFor([784, 30, 30, 30, 30, 10])).toBe(96.53);
    expect(bookAccuracyFor([784, 30, 30, 30, 30, 30, 10])).toBeNull();
    expect(bookAccuracyFor([784, 100, 10])).toBeNull();
  });

  it('scales the y axis to include the data and the mark', () => {
    expect(accuracyDomain([], null)).toEqual([80, 100]);
    expect(accuracyDomain([91.2, 95], 96.9)).toEqual([90, 100]);
    expect(accuracyDomain([10], null)).toEqual([5, 100]);
  });
});

describe('ratio to the last hidden layer', () => {
  it('says overflow only for an overflowed norm, and undefined when the last layer is 0', async () => {
    const { ratioText } = await import('../../src/panels/learning-speed/LayerTable');
    expect(ratioText(0.01, 0.1)).toBe('0.1×');
    expect(ratioText(Infinity, 0.1)).toBe('overflow');
    expect(ratioText(0, 0)).toBe('0 / 0');
    expect(ratioText(0.5, 0)).toBe('÷ 0');
    expect(ratioText(0.5, Infinity)).toBe('0×');
  });
});
