// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { ACTIVATIONS, HISTOGRAM_BINS, type ActivationName } from '../../../src/engine';
import { layerColour } from '../../../src/app/palette';
import { ActivationsPanel } from '../../../src/panels/activations/ActivationsPanel';
import { renderWithStore } from '../render';
import { makeSnapshot } from '../../store/fakeClient';
import type { Snapshot } from '../../../src/worker/protocol';

afterEach(cleanup);

/** A probe of three hidden layers whose activations suit `activation`, the top layer pushed to the bottom. */
function snapshotFor(activation: ActivationName, epoch: number): Snapshot {
  const s = makeSnapshot(1, [30, 30, 30], { epoch });
  const [lo, hi] = activation === 'tanh' ? [-1, 1] : activation === 'relu' ? [0, 3] : [0, 1];
  const span = hi - lo;
  s.activationMean = Float64Array.from([lo + 0.5 * span, lo + 0.45 * span, lo + 0.05 * span]);
  s.activationP02 = Float64Array.from([lo + 0.2 * span, lo + 0.1 * span, lo]);
  s.activationP50 = Float64Array.from([lo + 0.5 * span, lo + 0.45 * span, lo + 0.02 * span]);
  s.activationP98 = Float64Array.from([lo + 0.8 * span, lo + 0.9 * span, lo + 0.2 * span]);
  s.saturatedShare = Float64Array.from([0, 0.004, 0.62]);
  s.activationHistogram = new Float64Array(3 * HISTOGRAM_BINS);
  for (let h = 0; h < 3; h++) {
    const peak = h === 2 ? 0 : HISTOGRAM_BINS / 2;
    s.activationHistogram[h * HISTOGRAM_BINS + peak] = 0.7;
    s.activationHistogram[h * HISTOGRAM_BINS + peak + 1] = 0.3;
  }
  s.histogramRange = Float64Array.from([lo, hi, lo, hi, lo, hi]);
  return s;
}

describe('ActivationsPanel', () => {
  it('waits for the first probe without drawing or printing a number', () => {
    renderWithStore(<ActivationsPanel />, '?layers=784,30,30,30,10');
    const panel = screen.getByRole('region', { name: 'Activations per layer' });
    expect(panel.id).toBe('activations-panel');
    expect(within(panel).getByText(/appear with the first probe/)).toBeTruthy();
    expect(within(panel).queryAllByRole('img')).toHaveLength(0);
  });

  it.each(ACTIVATIONS)('draws a band, a mean line and a histogram for every hidden layer (%s)', async (activation) => {
    const init = activation === 'relu' ? 'he' : 'xavier';
    const { client } = renderWithStore(<ActivationsPanel />, `?layers=784,30,30,30,10&activation=${activation}&init=${init}`);
    act(() => client.emit(snapshotFor(activation, 0)));
    act(() => client.emit(snapshotFor(activation, 1)));
    act(() => client.emit(snapshotFor(activation, 2)));
    const chart = await screen.findByRole('group', { name: /Mean activation and 2–98 % band/ });
    const series = within(chart)
      .getAllByText(/^Hidden layer \d: mean activation/)
      .map((title) => title.parentElement as Element);
    expect(series).toHaveLength(3);
    const span = activation === 'tanh' ? 2 : activation === 'relu' ? 3 : 1;
    const lo = activation === 'tanh' ? -1 : 0;
    expect(series[2].querySelector('title')?.textContent).toBe(
      `Hidden layer 3: mean activation ${(lo + 0.05 * span).toFixed(2)}, 2–98 % band ${lo.toFixed(2)} to ${(lo + 0.2 * span).toFixed(2)}`,
    );
    series.forEach((g, i) => {
      const [band, mean] = Array.from(g.querySelectorAll('path'));
      expect(band.getAttribute('fill')).toBe(layerColour(i + 1));
      expect(mean.getAttribute('stroke')).toBe(layerColour(i + 1));
      // Three probes: the band's outline visits each of them twice, the mean line once.
      expect(band.getAttribute('d')).toMatch(/^M[\d.,]+(L[\d.,]+){5}Z$/);
      expect(mean.getAttribute('d')).toMatch(/^M[\d.,]+(L[\d.,]+){2}$/);
    });

    const histograms = screen.getByRole('list', { name: /Histograms/ });
    const figures = within(histograms).getAllByRole('img');
    expect(figures).toHaveLength(3);
    const rule =
      activation === 'relu'
        ? 'dead (0 on every probe image)'
        : activation === 'tanh'
          ? 'saturated (|a| > 0.97)'
          : 'saturated (σ < 0.01 or > 0.99)';
    expect(figures[2].getAttribute('aria-label')).toBe(`Hidden layer 3: histogram of the activations now; ${rule}: 62 %`);
    expect(within(histograms).getByText(`${rule}: < 1 %`)).toBeTruthy();
    for (const figure of figures) {
      const bars = Array.from(figure.querySelectorAll('rect'));
      expect(bars).toHaveLength(2);
      const heights = bars.map((b) => Number(b.getAttribute('height')));
      // The fullest bin fills the plot; the other is drawn in proportion.
      expect(Math.max(...heights)).toBeCloseTo(86, 6);
      expect(Math.min(...heights) / Math.max(...heights)).toBeCloseTo(0.3 / 0.7, 6);
    }
    expect(within(histograms).getAllByText(activation === 'tanh' ? '-1.00' : '0.00')).toHaveLength(3);
    expect(document.body.textContent).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('drops the series of an older run and restarts with the new one', async () => {
    const { client, store } = renderWithStore(<ActivationsPanel />, '?layers=784,30,30,30,10');
    act(() => client.emit(snapshotFor('sigmoid', 0)));
    act(() => client.emit(snapshotFor('sigmoid', 1)));
    await waitFor(() => expect(store.getState().activations).toHaveLength(2));
    act(() => store.getState().reset());
    expect(store.getState().activations).toHaveLength(0);
    await waitFor(() => expect(screen.queryByRole('group', { name: /Mean activation/ })).toBeNull());
  });
});
