// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SeedsPanel } from '../../src/panels/seeds/SeedsPanel';
import {
  bookRatio,
  laneOffset,
  layerValues,
  ratioValues,
  SEEDS_BOX,
  spreadOf,
  stripScale,
  stripTicks,
} from '../../src/panels/seeds/geometry';
import { SEED_COUNT } from '../../src/worker/seeds';
import { makeSnapshot } from '../store/fakeClient';
import { renderWithStore } from './render';

/** Twenty seeds of a two-hidden-layer network: layer 1 at (s+1)·10⁻³, layer 2 at (s+1)·10⁻², so every ratio is 10. */
const NORMS = Array.from({ length: SEED_COUNT }, (_, s) => [(s + 1) * 1e-3, (s + 1) * 1e-2]);

describe('seeds geometry', () => {
  it('quartiles and median by interpolation, the median as the command line takes it', () => {
    expect(spreadOf([4, 1, 3, 2])).toEqual({ min: 1, q1: 1.75, median: 2.5, q3: 3.25, max: 4, missing: 0 });
    expect(spreadOf([5, Number.NaN, 0, 1, 3])).toEqual({ min: 1, q1: 2, median: 3, q3: 4, max: 5, missing: 2 });
    expect(spreadOf([Number.POSITIVE_INFINITY])).toBeNull();
  });

  it('rows per layer and the last ÷ first ratio per seed; the book’s ratio from its norms', () => {
    expect(layerValues(NORMS, 2).slice(0, 2)).toEqual([0.01, 0.02]);
    for (const r of ratioValues(NORMS)) expect(r).toBeCloseTo(10, 12);
    expect(bookRatio([0.003, 0.017, 0.07, 0.285])).toBeCloseTo(95, 10);
    expect(bookRatio(null)).toBeNull();
  });

  it('a log scale over whole decades holding every value, ticks at the decades', () => {
    const scale = stripScale([0.0012, 0.35]);
    expect(scale.domain()).toEqual([1e-3, 1]);
    expect(scale(1e-3)).toBe(SEEDS_BOX.left);
    expect(scale(1)).toBe(SEEDS_BOX.width - SEEDS_BOX.right);
    // One decade is a third of the width: a factor of ten is the same distance anywhere on the axis.
    expect(scale(0.1) - scale(0.01)).toBeCloseTo(scale(0.01) - scale(0.001), 9);
    expect(stripTicks(scale)).toEqual([1e-3, 1e-2, 1e-1, 1]);
    expect(stripScale([1e-20, 1e5]).domain()).toEqual([1e-7, 1e5]);
  });

  it('five lanes, symmetric about the row’s centre', () => {
    expect([0, 1, 2, 3, 4].map((i) => laneOffset(i, 32))).toEqual([-10, -5, 0, 5, 10]);
    expect(laneOffset(5, 32)).toBe(-10);
  });
});

describe('<SeedsPanel>', () => {
  afterEach(cleanup);

  it('asks the worker for twenty seeds once the first probe is in, then draws a dot per seed and layer', () => {
    const { client, store, container } = renderWithStore(<SeedsPanel />);
    const runId = store.getState().runId;
    const panel = container.querySelector('#seeds-panel') as HTMLElement;
    expect(panel).not.toBeNull();
    expect(within(panel).getByRole('heading', { name: 'Over 20 seeds' })).toBeTruthy();
    expect(client.last('measure-seeds')).toBeUndefined();
    expect(within(panel).getByRole('status').textContent).toMatch(/first 1000 training images/);

    act(() => client.emit(makeSnapshot(runId, [30, 30])));
    expect(client.last('measure-seeds')).toEqual({ type: 'measure-seeds', runId, count: SEED_COUNT });
    expect(within(panel).getByRole('status').textContent).toBe('Measuring the other seeds…');
    // A second probe of the same run does not ask again.
    act(() => client.emit(makeSnapshot(runId, [30, 30], { epoch: 1 })));
    expect(client.sent.filter((m) => m.type === 'measure-seeds')).toHaveLength(1);

    act(() => client.emit({ type: 'seed-norms', runId, firstSeed: 1, norms: NORMS }));
    const strips = screen.getByRole('img', { name: /‖δˡ‖ at initialisation of each hidden layer for 20 seeds/ });
    const dots = strips.querySelectorAll('circle.seed-dot');
    expect(dots).toHaveLength(2 * SEED_COUNT);
    const current = strips.querySelectorAll('circle.seed-dot.current');
    expect(Array.from(current, (c) => c.getAttribute('data-seed'))).toEqual(['1', '1']);
    // The dots sit where the shared log scale puts their values.
    const scale = stripScale([...NORMS.flat(), 0.07, 0.31]);
    const layer2 = strips.querySelector('[data-kind="layer"][data-layer="2"]') as Element;
    const seed20 = layer2.querySelector('circle[data-seed="20"]') as Element;
    expect(Number(seed20.getAttribute('cx'))).toBeCloseTo(scale(0.2), 6);
    // The book's fig. 4 values are marked, one per layer, at their place on the axis.
    const book = strips.querySelectorAll('path.seed-book');
    expect(Array.from(book, (b) => Number(b.getAttribute('data-value')))).toEqual([0.07, 0.31]);
    // The box spans the middle half: for values (s+1)·10⁻² that is 5.75·10⁻² to 15.25·10⁻².
    const box = layer2.querySelector('rect.seed-box') as Element;
    expect(Number(box.getAttribute('x'))).toBeCloseTo(scale(0.0575), 6);
    expect(Number(box.getAttribute('width'))).toBeCloseTo(scale(0.1525) - scale(0.0575), 6);

    const ratio = screen.getByRole('img', { name: /How many times faster the last hidden layer learns than the first/ });
    expect(ratio.querySelectorAll('circle.seed-dot')).toHaveLength(SEED_COUNT);
    expect(Number(ratio.querySelector('path.seed-book')?.getAttribute('data-value'))).toBeCloseTo(0.31 / 0.07, 10);
    expect(panel.textContent).toContain('the last hidden layer learns 10× as fast as the first (from 10× to 10×); this seed: 10×.');
  });

  it('drops an answer for an older run', () => {
    const { client, store, container } = renderWithStore(<SeedsPanel />);
    const runId = store.getState().runId;
    act(() => client.emit(makeSnapshot(runId, [30, 30])));
    act(() => client.emit({ type: 'seed-norms', runId: runId - 1, firstSeed: 1, norms: NORMS }));
    expect(container.querySelectorAll('circle.seed-dot')).toHaveLength(0);
    expect(within(container).getByRole('status').textContent).toBe('Measuring the other seeds…');
  });

  it('speaks Chinese when the page does', () => {
    const { container } = renderWithStore(<SeedsPanel />, '?lang=zh-CN');
    expect(within(container).getByRole('heading', { name: '20 个随机种子' })).toBeTruthy();
    expect(container.textContent).toContain('前 1000 张训练图像到达后');
  });

  it('says how many seeds could not be placed on the log axis', () => {
    const { client, store, container } = renderWithStore(<SeedsPanel />);
    const runId = store.getState().runId;
    act(() => client.emit(makeSnapshot(runId, [30, 30])));
    const norms = NORMS.map((row, s) => (s === 3 ? [Number.NaN, row[1]] : row));
    act(() => client.emit({ type: 'seed-norms', runId, firstSeed: 1, norms }));
    expect(container.querySelectorAll('.seeds-norms circle.seed-dot')).toHaveLength(2 * SEED_COUNT - 1);
    expect(container.textContent).toMatch(/1 seed gave a gradient that is not a finite positive number/);
    expect(container.textContent).not.toMatch(/NaN/);
  });
});
