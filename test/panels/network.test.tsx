// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Headline } from '../../src/panels/network/Headline';
import { NetworkPanel } from '../../src/panels/network/NetworkPanel';
import { renderWithStore } from './render';
import { makeSnapshot } from '../store/fakeClient';

afterEach(cleanup);

function bars(container: HTMLElement) {
  return Array.from(container.querySelectorAll<SVGRectElement>('rect[data-layer]'));
}

describe('network panel', () => {
  it('draws a bar per shown neuron with its layer, index and full-precision gradient', async () => {
    const { container, client } = renderWithStore(<NetworkPanel />);
    const snap = makeSnapshot(1, [30, 30], { scale: [0.001, 0.01], negativeEvery: 2 });
    act(() => client.emit(snap));
    await waitFor(() => expect(bars(container)).toHaveLength(12));
    const all = bars(container);
    expect(all.map((r) => [r.dataset.layer, r.dataset.neuron])).toEqual([
      ...[0, 1, 2, 3, 4, 5].map((n) => ['1', String(n)]),
      ...[0, 1, 2, 3, 4, 5].map((n) => ['2', String(n)]),
    ]);
    const r = all[7];
    expect(Number(r.dataset.grad)).toBe(snap.gradB[31]);
    expect(r.dataset.grad).toBe(String(snap.gradB[31]));
    // Layer 1 is ten times smaller here, so on the shared square-root scale its bars are about √10 shorter.
    const w1 = Number(all[5].getAttribute('width'));
    const w2 = Number(all[11].getAttribute('width'));
    expect(w2 / w1).toBeCloseTo(Math.sqrt(10), 1);
    // Negative gradients get the other colour.
    expect(all[0].getAttribute('fill')).not.toBe(all[1].getAttribute('fill'));
  });

  it('on the first-probe scale, keeps the first probe as an outline, so bars visibly shrink against it', async () => {
    const { container, client } = renderWithStore(<NetworkPanel />, '?scale=first');
    act(() => client.emit(makeSnapshot(1, [30, 30], { scale: [0.01, 0.01] })));
    await waitFor(() => expect(bars(container)).toHaveLength(12));
    const firstWidth = Number(bars(container)[0].getAttribute('width'));
    act(() => client.emit(makeSnapshot(1, [30, 30], { epoch: 1, scale: [0.0001, 0.01] })));
    await waitFor(() => expect(Number(bars(container)[0].getAttribute('width'))).toBeCloseTo(firstWidth / 10, 6));
    const outlines = Array.from(container.querySelectorAll('rect.initial-bar'));
    expect(outlines).toHaveLength(12);
    expect(outlines.every((r) => !r.hasAttribute('data-grad'))).toBe(true);
    const bar = bars(container)[0];
    const outline = outlines.find((r) => r.closest('svg') === bar.closest('svg') && r.getAttribute('y') === bar.getAttribute('y'));
    expect(Number(outline?.getAttribute('width'))).toBeCloseTo(firstWidth, 6);
  });

  it('on the default scale, bars stay full-length as the whole gradient shrinks, and outlines past the track are cut and marked', async () => {
    const { container, client } = renderWithStore(<NetworkPanel />);
    expect(screen.getByRole('radio', { name: 'Latest probe' })).toHaveProperty('checked', true);
    act(() => client.emit(makeSnapshot(1, [30, 30], { scale: [0.001, 0.01] })));
    await waitFor(() => expect(bars(container)).toHaveLength(12));
    const before = bars(container).map((r) => Number(r.getAttribute('width')));
    // The whole gradient 1000 times smaller: the same picture, a different full-bar value.
    act(() => client.emit(makeSnapshot(1, [30, 30], { epoch: 60, scale: [0.001 / 1000, 0.01 / 1000] })));
    await waitFor(() => expect(screen.getByText(/^Full bar = /).textContent).toBe('Full bar = 3.00e-4'));
    const after = bars(container).map((r) => Number(r.getAttribute('width')));
    after.forEach((w, i) => {
      expect(w).toBeCloseTo(before[i], 3);
    });
    // The sixth of 30 neurons drawn, against the thirtieth that sets the full bar.
    expect(Math.max(...after)).toBeCloseTo(150 * Math.sqrt(6 / 30), 3);
    // Every first-probe outline is now far past the end of its track.
    const outlines = Array.from(container.querySelectorAll('rect.initial-bar'));
    expect(outlines.every((r) => Number(r.getAttribute('width')) <= 150)).toBe(true);
    expect(container.querySelectorAll('path.clip-mark')).toHaveLength(12);
  });

  it('switches to the log scale from the radio group, labels its decades, and remembers the choice in the store', async () => {
    const user = userEvent.setup();
    const { container, client, store } = renderWithStore(<NetworkPanel />);
    act(() => client.emit(makeSnapshot(1, [30, 30], { scale: [0.0001, 0.01] })));
    await waitFor(() => expect(bars(container)).toHaveLength(12));
    await user.click(screen.getByRole('radio', { name: 'Log (4 decades)' }));
    expect(store.getState().view.barScale).toBe('log');
    await waitFor(() => expect(container.querySelectorAll('.decade-axis text')).toHaveLength(8));
    // Each decade is a quarter of the track: layer 1 (100× smaller) is half a track shorter than layer 2.
    await waitFor(() => {
      const w = bars(container).map((r) => Number(r.getAttribute('width')));
      expect(w[11] - w[5]).toBeCloseTo(75, 3);
    });
  });

  it('says in words how much slower the first layer learns', async () => {
    const { client } = renderWithStore(
      <>
        <Headline />
        <NetworkPanel />
      </>,
      '?layers=784,30,30,30,30,10',
    );
    expect(screen.getByTestId('headline').textContent).toBe('Waiting for the first probe of the network…');
    act(() => client.emit(makeSnapshot(1, [30, 30, 30, 30], { scale: [0.001, 0.003, 0.03, 0.134] })));
    // Generous timeouts: the sentence is drawn on the next animation frame, which a loaded machine can delay.
    await waitFor(() => expect(screen.getByTestId('headline').textContent).toBe('Layer 1 learns 134× slower than layer 4'), {
      timeout: 5000,
    });
    // The headline's own live region; the saturation notice beside it has nothing to say for a healthy run.
    const [headline, saturation] = screen.getAllByRole('status');
    await waitFor(() => expect(headline.textContent).toBe('Layer 1 learns 134× slower than layer 4'), { timeout: 5000 });
    expect(saturation.textContent).toBe('');
  });

  it('"Show all neurons" draws every neuron', async () => {
    const user = userEvent.setup();
    const { container, client } = renderWithStore(<NetworkPanel />);
    act(() => client.emit(makeSnapshot(1, [30, 30])));
    await user.click(screen.getByRole('checkbox', { name: 'Show all neurons' }));
    await waitFor(() => expect(bars(container)).toHaveLength(60));
  });

  it('updates the bars when a newer snapshot streams in', async () => {
    const { container, client } = renderWithStore(<NetworkPanel />);
    act(() => client.emit(makeSnapshot(1, [30, 30], { scale: [0.01, 0.01] })));
    await waitFor(() => expect(bars(container)).toHaveLength(12));
    const later = makeSnapshot(1, [30, 30], { epoch: 5, scale: [0.0001, 0.01] });
    act(() => client.emit(later));
    await waitFor(() => expect(bars(container)[0].dataset.grad).toBe(String(later.gradB[0])));
  });

  it('adds a hidden layer of 30 before the output', async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(<NetworkPanel />);
    await user.click(screen.getByRole('button', { name: 'Add hidden layer' }));
    expect(client.last('configure')).toMatchObject({ runId: 2, config: { layers: [784, 30, 30, 30, 10] } });
    expect(screen.getByRole('button', { name: 'Remove hidden layer 3' })).toBeTruthy();
  });

  it('removes the chosen hidden layer', async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(<NetworkPanel />, '?layers=784,30,50,20,10');
    await user.click(screen.getByRole('button', { name: 'Remove hidden layer 2' }));
    expect(client.last('configure')?.config.layers).toEqual([784, 30, 20, 10]);
    expect(screen.queryByRole('button', { name: 'Remove hidden layer 3' })).toBeNull();
  });

  it('keeps the keyboard focus on a Remove button after a layer is removed, or on Add hidden layer when one is left', async () => {
    const user = userEvent.setup();
    renderWithStore(<NetworkPanel />, '?layers=784,30,50,20,10');
    screen.getByRole('button', { name: 'Remove hidden layer 3' }).focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove hidden layer 2' }));
    screen.getByRole('button', { name: 'Remove hidden layer 1' }).focus();
    await user.keyboard('{Enter}');
    expect(screen.getAllByRole('button', { name: /^Remove hidden layer/ })).toHaveLength(1);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add hidden layer' }));
  });

  it('edits a width, refusing values outside 1..1000 with an inline message', async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(<NetworkPanel />);
    const width = screen.getByRole('textbox', { name: 'Width of hidden layer 2' });
    await user.clear(width);
    await user.type(width, '0{Enter}');
    expect(screen.getByRole('alert').textContent).toContain('Width of hidden layer 2 must be a whole number at least 1 and at most 1000');
    expect(client.sent).toHaveLength(1);
    await user.clear(width);
    await user.type(width, '50{Enter}');
    expect(client.last('configure')).toMatchObject({ runId: 2, config: { layers: [784, 30, 50, 10] } });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('draws no bars from a snapshot of the replaced architecture', async () => {
    const user = userEvent.setup();
    const { container, client } = renderWithStore(<NetworkPanel />);
    await user.click(screen.getByRole('button', { name: 'Add hidden layer' }));
    act(() => client.emit(makeSnapshot(1, [30, 30])));
    act(() => client.emit(makeSnapshot(2, [30, 30, 30])));
    await waitFor(() => expect(bars(container)).toHaveLength(18));
  });
});
