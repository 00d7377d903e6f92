import { describe, expect, it } from 'vitest';
import { scaleLinear, scaleLog } from 'd3';
import {
  clientToView,
  columnBlocks,
  formatEpoch,
  indexWithin,
  nearestIndex,
  placeReadout,
  readoutSentence,
  stepIndex,
} from '../../src/panels/common/readout';
import { speedReadout, SPEED_BOX } from '../../src/panels/learning-speed/geometry';
import { accuracyReadout } from '../../src/panels/accuracy/geometry';

describe('nearest probe by x', () => {
  const xs = [0, 1, 2, 5];

  it('finds the nearest x, the earlier one on a tie, and clamps to the ends', () => {
    expect(nearestIndex(xs, 3.4)).toBe(2);
    expect(nearestIndex(xs, 3.6)).toBe(3);
    expect(nearestIndex(xs, 3.5)).toBe(2);
    expect(nearestIndex(xs, -10)).toBe(0);
    expect(nearestIndex(xs, 99)).toBe(3);
    expect(nearestIndex(xs, 1)).toBe(1);
    expect(nearestIndex([7], 0)).toBe(0);
    expect(nearestIndex([], 1)).toBe(-1);
  });

  it('reads another series only where it reaches, with half a spacing of slack', () => {
    const pinned = [0, 1, 2, 3, 4];
    expect(indexWithin(pinned, 2.2)).toBe(2);
    expect(indexWithin(pinned, 4.4)).toBe(4);
    expect(indexWithin(pinned, 4.6)).toBe(-1);
    expect(indexWithin(pinned, -0.6)).toBe(-1);
    expect(indexWithin(pinned, 200)).toBe(-1);
    expect(indexWithin([3], 3)).toBe(0);
    expect(indexWithin([3], 3.1)).toBe(-1);
    expect(indexWithin([], 0)).toBe(-1);
  });
});

describe('keyboard stepping', () => {
  it('starts at the newest probe, moves one point per arrow, stops at the ends', () => {
    expect(stepIndex(null, 'ArrowRight', 5)).toBe(4);
    expect(stepIndex(null, 'ArrowLeft', 5)).toBe(4);
    expect(stepIndex(3, 'ArrowLeft', 5)).toBe(2);
    expect(stepIndex(3, 'ArrowRight', 5)).toBe(4);
    expect(stepIndex(4, 'ArrowRight', 5)).toBe(4);
    expect(stepIndex(0, 'ArrowLeft', 5)).toBe(0);
    // A series that was thinned under the readout: the index is brought back inside it.
    expect(stepIndex(9, 'ArrowLeft', 5)).toBe(3);
  });

  it('jumps with Home and End, hides with Escape, and leaves other keys to the page', () => {
    expect(stepIndex(2, 'Home', 5)).toBe(0);
    expect(stepIndex(null, 'End', 5)).toBe(4);
    expect(stepIndex(2, 'Escape', 5)).toBeNull();
    expect(stepIndex(2, 'Tab', 5)).toBeUndefined();
    expect(stepIndex(2, ' ', 5)).toBeUndefined();
    expect(stepIndex(null, 'ArrowRight', 0)).toBeNull();
    expect(stepIndex(null, 'Enter', 0)).toBeUndefined();
  });
});

describe('readout placement', () => {
  const box = { width: 560, height: 340, left: 76, right: 14, top: 14, bottom: 50 };
  const inside = (p: { x: number; y: number }, w: number, h: number) =>
    p.x >= box.left && p.x + w <= box.width - box.right && p.y >= box.top && p.y + h <= box.height - box.bottom;

  it('sits to the right of the guide line while it fits', () => {
    const p = placeReadout(100, 200, 120, box);
    expect(p.x).toBe(112);
    expect(inside(p, 200, 120)).toBe(true);
  });

  it('flips to the left of the guide line near the right edge', () => {
    const p = placeReadout(500, 200, 120, box);
    expect(p.x).toBe(500 - 12 - 200);
    expect(inside(p, 200, 120)).toBe(true);
  });

  it('is clamped inside the plot when neither side has room', () => {
    const p = placeReadout(300, 400, 120, box);
    expect(inside(p, 400, 120)).toBe(true);
    const wide = placeReadout(300, 600, 120, box);
    expect(wide.x).toBe(box.left);
    const tall = placeReadout(300, 100, 270, box);
    expect(tall.y + 270).toBeLessThanOrEqual(box.height - box.bottom);
    expect(tall.y).toBeGreaterThanOrEqual(box.top);
  });

  it('maps a pointer position into viewBox units, or nothing before layout', () => {
    expect(clientToView(150, 100, 200, 560)).toBe(140);
    expect(clientToView(150, 100, 0, 560)).toBeNull();
  });

  it('stacks value columns in blocks that fit the plot', () => {
    expect(columnBlocks(7, 100, 80, 470)).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6],
    ]);
    expect(columnBlocks(1, 100, 80, 470)).toEqual([[0]]);
    expect(columnBlocks(2, 500, 80, 470)).toEqual([[0], [1]]);
  });
});

describe('readout text', () => {
  it('names epochs plainly and points within an epoch to two decimals', () => {
    expect(formatEpoch(12)).toBe('12');
    expect(formatEpoch(2.3456)).toBe('2.35');
    expect(formatEpoch(0.5)).toBe('0.5');
  });

  it('reads as one sentence, naming each column when there are several', () => {
    const rows = [
      { label: 'Layer 1', colour: 'red', values: ['3.21e-3', '4e-3'] },
      { label: 'Layer 2', colour: 'blue', values: ['0.0285', '—'] },
    ];
    expect(readoutSentence('Epoch 3', ['This run', 'Pin 1'], rows)).toBe(
      'Epoch 3 — Layer 1: This run 3.21e-3, Pin 1 4e-3; Layer 2: This run 0.0285, Pin 1 —.',
    );
    expect(readoutSentence('Epoch 3', [], [{ label: 'This run', colour: 'red', values: ['96.48 %'] }])).toBe(
      'Epoch 3 — This run: 96.48 %.',
    );
  });
});

describe('learning-speed readout', () => {
  const x = scaleLinear()
    .domain([0, 10])
    .range([SPEED_BOX.left, SPEED_BOX.width - SPEED_BOX.right]);
  const y = scaleLog()
    .domain([1e-4, 1])
    .range([SPEED_BOX.height - SPEED_BOX.bottom, SPEED_BOX.top]);
  const current = [0, 1, 2, 3].map((e) => ({ x: e, norms: [0.001 * (e + 1), 0.1 * (e + 1)] }));

  it('lists every layer of this run at the epoch, with a dot on each line', () => {
    const r = speedReadout(2, current, [], x, y);
    expect(r.title).toBe('Epoch 2');
    expect(r.columns).toEqual([]);
    expect(r.rows.map((row) => [row.label, ...row.values])).toEqual([
      ['Layer 1', '3.00e-3'],
      ['Layer 2', '0.3'],
    ]);
    expect(r.dots).toHaveLength(2);
    expect(r.dots[1].cx).toBeCloseTo(x(2), 9);
    expect(r.dots[1].cy).toBeCloseTo(y(0.3), 9);
  });

  it("adds a column per pinned run, read at that run's own probe, and a dash where it has none", () => {
    const pinned = [{ p: { id: 3, norms: [0, 1].map((e) => ({ x: e, norms: [0.002, 0.02, 0.2] })) }, index: 0 }];
    const r = speedReadout(1, current, pinned, x, y);
    expect(r.columns).toEqual(['This run', 'Pin 3']);
    expect(r.rows.map((row) => row.values)).toEqual([
      ['2.00e-3', '2.00e-3'],
      ['0.2', '0.02'],
      ['—', '0.2'],
    ]);
    expect(r.dots.filter((d) => d.hollow)).toHaveLength(3);
    const later = speedReadout(3, current, pinned, x, y);
    expect(later.rows.map((row) => row.values[1])).toEqual(['—', '—']);
    expect(later.dots.some((d) => d.hollow)).toBe(false);
  });

  it('prints overflow and zero without drawing a dot the log scale cannot place', () => {
    const r = speedReadout(0, [{ x: 0, norms: [Infinity, 0] }], [], x, y);
    expect(r.rows.map((row) => row.values[0])).toEqual(['overflow', '0']);
    expect(r.dots).toEqual([]);
  });
});

describe('accuracy readout', () => {
  const x = scaleLinear().domain([0, 30]).range([66, 526]);
  const y = scaleLinear().domain([80, 100]).range([250, 14]);

  it('gives this run and each pinned run as a percentage at the epoch', () => {
    const current = [1, 2, 3].map((epoch) => ({ epoch, accuracy: 0.9 + epoch / 100 }));
    const pinned = [{ p: { id: 2, accuracy: [{ epoch: 1, accuracy: 0.9648 }] }, index: 1 }];
    const r = accuracyReadout(1, current, pinned, x, y);
    expect(r.title).toBe('Epoch 1');
    expect(r.rows.map((row) => [row.label, row.values[0]])).toEqual([
      ['This run', '91.00 %'],
      ['Pinned run 2', '96.48 %'],
    ]);
    expect(r.rows[1].dash).toBe('3 4');
    expect(r.dots.map((d) => Math.round(d.cy))).toEqual([Math.round(y(91)), Math.round(y(96.48))]);
    expect(accuracyReadout(3, current, pinned, x, y).rows[1].values).toEqual(['—']);
  });
});
