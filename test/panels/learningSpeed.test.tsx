// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LearningSpeedPanel } from '../../src/panels/learning-speed/LearningSpeedPanel';
import { AccuracyPanel } from '../../src/panels/accuracy/AccuracyPanel';
import { CompareRuns } from '../../src/panels/compare/CompareRuns';
import { renderWithStore } from './render';
import { makeSnapshot } from '../store/fakeClient';

afterEach(cleanup);

describe('layer learning speed table', () => {
  it('has one row per hidden layer: number, ‖δˡ‖, ratio, eq. 124 factor, mean σ′', async () => {
    const { client } = renderWithStore(<LearningSpeedPanel />, '?layers=784,30,30,30,10');
    const snap = makeSnapshot(1, [30, 30, 30], { scale: [0.0001, 0.001, 0.01] });
    act(() => client.emit(snap));
    const table = screen.getByRole('table', { name: 'Layer learning speed' });
    await waitFor(() => expect(within(table).getAllByRole('row')[1].textContent).not.toContain('—'));
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    const cells = rows.map((r) =>
      within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    );
    expect(cells.map((c) => c[0])).toEqual(['1', '2', '3']);
    cells.forEach((c, i) => {
      expect(Number(c[1])).toBeCloseTo(snap.layerNorms[i], 3 - i + 2);
    });
    expect(cells[0][1]).toMatch(/^\d\.\d\de-\d$/);
    expect(cells[2][2]).toBe('1×');
    expect(cells[0][2]).toBe('0.01×');
    expect(cells[1][3]).toBe('0.6');
    expect(cells[1][4]).toBe('0.2');
    expect(within(table).getByRole('columnheader', { name: /Σ′\(zˡ\)\(wˡ⁺¹\)ᵀ.*spectral norm/ })).toBeTruthy();
  });

  it("names the network's own activation derivative in the last column", () => {
    renderWithStore(<LearningSpeedPanel />, '?activation=relu&init=he');
    const table = screen.getByRole('table', { name: 'Layer learning speed' });
    expect(within(table).getByRole('columnheader', { name: /^mean ReLU′\(zˡ\)share of active neurons$/ })).toBeTruthy();
    expect(within(table).queryByRole('columnheader', { name: /σ′\(zˡ\)$/ })).toBeNull();
    cleanup();
    renderWithStore(<LearningSpeedPanel />, '?activation=tanh');
    expect(screen.getByRole('columnheader', { name: 'mean tanh′(zˡ)' })).toBeTruthy();
    cleanup();
    renderWithStore(<LearningSpeedPanel />);
    expect(screen.getByRole('columnheader', { name: 'mean σ′(zˡ)' })).toBeTruthy();
  });

  it('says "overflow" and why instead of printing NaN', async () => {
    const { client } = renderWithStore(<LearningSpeedPanel />);
    const snap = makeSnapshot(1, [30, 30]);
    snap.layerNorms[0] = Infinity;
    act(() => client.emit(snap));
    const table = screen.getByRole('table', { name: 'Layer learning speed' });
    await waitFor(() => expect(within(table).getAllByRole('row')[1].textContent).toContain('overflow'));
    expect(document.body.textContent).not.toMatch(/NaN|Infinity/);
    expect(screen.getByText(/grew past the largest 32-bit float/)).toBeTruthy();
  });

  it('explains a zero ‖δˡ‖ (dead layer) under the table instead of a bare 0 / 0', async () => {
    const { client } = renderWithStore(<LearningSpeedPanel />, '?activation=relu&init=he');
    const snap = makeSnapshot(1, [30, 30]);
    snap.layerNorms[0] = 0;
    snap.layerNorms[1] = 0;
    act(() => client.emit(snap));
    const table = screen.getByRole('table', { name: 'Layer learning speed' });
    await waitFor(() => expect(within(table).getAllByRole('row')[1].textContent).toContain('0 / 0'));
    expect(screen.getByText(/no gradient reaches that layer/)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('shows "n/a" with its reason where a cure makes eq. 124\'s factor not applicable, and no overflow note', async () => {
    const { client } = renderWithStore(<LearningSpeedPanel />, '?layers=784,30,30,30,10&residual=1');
    const snap = makeSnapshot(1, [30, 30, 30], { scale: [0.001, 0.01, 0.1] });
    // Layers 1 and 2 sit just below a skip; the last hidden layer's factor still applies.
    snap.factorNorms[0] = Number.NaN;
    snap.factorNorms[1] = Number.NaN;
    act(() => client.emit(snap));
    const table = screen.getByRole('table', { name: 'Layer learning speed' });
    await waitFor(() => expect(within(table).getAllByRole('row')[1].textContent).not.toContain('—'));
    const factorCells = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => within(r).getAllByRole('cell')[3]);
    expect(factorCells.map((c) => c.textContent)).toEqual(['n/a', 'n/a', '0.7']);
    const note = screen.getByText(/^n\/a: eq\. 124's factor does not carry δ back here\. With a skip path the factor is I \+ Σ′W/);
    expect(factorCells[0].getAttribute('aria-describedby')).toBe(note.id);
    expect(factorCells[0].getAttribute('title')).toContain('with layer normalisation the Jacobian includes the normalisation');
    expect(factorCells[2].getAttribute('aria-describedby')).toBeNull();
    expect(screen.queryByText(/grew past the largest 32-bit float/)).toBeNull();
    expect(document.body.textContent).not.toMatch(/NaN|overflow/);
  });

  it('draws one line per hidden layer with a legend', async () => {
    const { client, container } = renderWithStore(<LearningSpeedPanel />);
    act(() => {
      client.emit(makeSnapshot(1, [30, 30], { epoch: 0 }));
      client.emit(makeSnapshot(1, [30, 30], { epoch: 1 }));
    });
    await waitFor(() => expect(container.querySelectorAll('path.series:not(.pinned)')[0].getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/));
    expect(screen.getByText('Hidden layer 1')).toBeTruthy();
    expect(screen.getByText('Hidden layer 2')).toBeTruthy();
  });
});

describe('pinned runs', () => {
  it('pins a run, overlays it dashed with what differs, hides and removes it', async () => {
    const user = userEvent.setup();
    const ui = (
      <>
        <LearningSpeedPanel />
        <AccuracyPanel />
        <CompareRuns />
      </>
    );
    const { client, store, container } = renderWithStore(ui);
    act(() => {
      client.emit(makeSnapshot(1, [30, 30], { epoch: 0 }));
      client.emit(makeSnapshot(1, [30, 30], { epoch: 1 }));
      client.emit({ type: 'epoch-end', runId: 1, epoch: 1, validationAccuracy: 0.9, cost: 0.3 });
    });
    const pin = await screen.findByRole('button', { name: 'Pin this run' });
    await waitFor(() => expect(pin.getAttribute('aria-disabled')).toBe('false'));
    await user.click(pin);
    act(() => store.getState().updateConfig({ activation: 'relu', init: 'he' }));
    await waitFor(() => expect(screen.getAllByText('Pinned run 1: Sigmoid · N(0,1)/√n')).toHaveLength(3));
    expect(container.querySelectorAll('path.series.pinned')).toHaveLength(3);

    await user.click(screen.getByRole('checkbox', { name: 'Show pinned run 1' }));
    expect(container.querySelectorAll('path.series.pinned')).toHaveLength(0);
    expect(screen.getAllByText(/^Pinned run 1:/)).toHaveLength(1);

    await user.click(screen.getByRole('checkbox', { name: 'Show pinned run 1' }));
    expect(container.querySelectorAll('path.series.pinned')).toHaveLength(3);

    await user.click(screen.getByRole('button', { name: 'Remove pinned run 1' }));
    expect(screen.queryAllByText(/^Pinned run 1:/)).toHaveLength(0);
    expect(container.querySelectorAll('path.series.pinned')).toHaveLength(0);
  });

  it('compares every pinned run with this one in a table, each with its own faded dash, and removes them all at once', async () => {
    const user = userEvent.setup();
    const { client, store, container } = renderWithStore(
      <>
        <LearningSpeedPanel />
        <CompareRuns />
      </>,
      '?layers=784,30,30,30,30,10',
    );
    act(() => {
      client.emit(makeSnapshot(1, [30, 30, 30, 30], { epoch: 0, scale: [0.001, 0.01, 0.03, 0.134] }));
      client.emit({ type: 'epoch-end', runId: 1, epoch: 1, validationAccuracy: 0.9, cost: 0.3 });
      client.emit({ type: 'epoch-end', runId: 1, epoch: 2, validationAccuracy: 0.93, cost: 0.2 });
      client.emit({ type: 'epoch-end', runId: 1, epoch: 3, validationAccuracy: 0.92, cost: 0.2 });
    });
    expect(screen.queryByRole('table', { name: 'This run and the pinned runs' })).toBeNull();
    await user.click(await screen.findByRole('button', { name: 'Pin this run' }));
    act(() => store.getState().updateConfig({ seed: 2 }));
    act(() => client.emit(makeSnapshot(2, [30, 30, 30, 30], { epoch: 0, scale: [0.01, 0.01, 0.01, 0.012] })));
    await user.click(screen.getByRole('button', { name: 'Pin this run' }));
    const table = await screen.findByRole('table', { name: 'This run and the pinned runs' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => Array.from(r.children).map((c) => c.textContent));
    expect(rows).toEqual([
      ['This run', '≈ equal', '—'],
      ['Pinned run 1seed 1', '134× slower', '93.00 %'],
      ['Pinned run 2same settings', '≈ equal', '—'],
    ]);
    // Two runs, two different dashes, both faded; the live lines stay solid.
    const dashes = Array.from(container.querySelectorAll('path.series.pinned')).map((p) => p.getAttribute('stroke-dasharray'));
    expect(new Set(dashes).size).toBe(2);
    expect(container.querySelectorAll('path.series:not(.pinned)[stroke-dasharray]')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Remove all pinned runs' }));
    expect(store.getState().pinned).toEqual([]);
    expect(screen.queryByRole('table', { name: 'This run and the pinned runs' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Remove all pinned runs' })).toBeNull();
  });

  it('Pin this run says why it is disabled: no probe yet, or this run is already pinned as it stands', async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(<CompareRuns />);
    const pin = screen.getByRole('button', { name: 'Pin this run' });
    expect(pin.getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByText('Available after the first probe of the network.')).toBeTruthy();
    act(() => client.emit(makeSnapshot(1, [30, 30], { epoch: 0 })));
    await waitFor(() => expect(pin.getAttribute('aria-disabled')).toBe('false'));
    await user.click(pin);
    await waitFor(() => expect(pin.getAttribute('aria-disabled')).toBe('true'));
    await user.click(pin);
    expect(screen.getAllByRole('button', { name: /^Remove pinned run/ })).toHaveLength(1);
    expect(screen.getByText(/This run is pinned as it stands/)).toBeTruthy();
    act(() => client.emit(makeSnapshot(1, [30, 30], { epoch: 1 })));
    await waitFor(() => expect(pin.getAttribute('aria-disabled')).toBe('false'));
    expect(screen.queryByText(/This run is pinned as it stands/)).toBeNull();
  });

  it('keeps at least four pinned runs', async () => {
    const user = userEvent.setup();
    const { client, store } = renderWithStore(<CompareRuns />);
    for (let k = 0; k < 4; k++) {
      act(() => client.emit(makeSnapshot(store.getState().runId, [30, 30])));
      const pin = screen.getByRole('button', { name: 'Pin this run' });
      await waitFor(() => expect(pin.getAttribute('aria-disabled')).toBe('false'));
      await user.click(pin);
      act(() => store.getState().updateConfig({ seed: 10 + k }));
    }
    for (let k = 1; k <= 4; k++) expect(screen.getByRole('button', { name: `Remove pinned run ${k}` })).toBeTruthy();
  });
});

describe('accuracy panel', () => {
  it('marks the book figure for the same depth', () => {
    renderWithStore(<AccuracyPanel />, '?layers=784,30,30,30,10&mode=sgd');
    expect(screen.getByText("Book's result for the same depth: 96.57 %")).toBeTruthy();
  });

  it("spans the SGD run's 30 whole epochs even in learning-speed mode, never fractions of an epoch", () => {
    const { container } = renderWithStore(<AccuracyPanel />);
    const labels = Array.from(container.querySelectorAll('.axis text')).map((t) => t.textContent);
    expect(labels).toContain('30');
    expect(labels.filter((t) => t !== null && /^\d*\.\d+$/.test(t))).toEqual([]);
  });

  it('has no mark for other architectures', () => {
    renderWithStore(<AccuracyPanel />, '?layers=784,100,10&mode=sgd');
    expect(screen.queryByText(/Book's result/)).toBeNull();
  });
});
