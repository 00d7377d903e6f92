// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NetworkPanel } from '../../src/panels/network/NetworkPanel';
import { barReadoutText, columnLayout, rowAt, stepBar } from '../../src/panels/network/geometry';
import { formatValue } from '../../src/store/format';
import { renderWithStore } from './render';
import { makeSnapshot } from '../store/fakeClient';

afterEach(cleanup);

/** jsdom lays nothing out: give an element the on-screen box of its viewBox at 1:1, so clientY is a viewBox y. */
function layOut(el: Element, width: number, height: number) {
  el.getBoundingClientRect = () => ({ left: 0, top: 0, width, height, right: width, bottom: height, x: 0, y: 0, toJSON: () => ({}) });
}

describe('bar readout', () => {
  const rows = [6, 6, 3];

  it('numbers neurons from 1, as layers are', () => {
    expect(barReadoutText({ layer: 2, neuron: 4, row: 4, grad: -0.00123 })).toBe('Layer 2, neuron 5: ∂C/∂b = -1.23e-3');
    expect(barReadoutText({ layer: 1, neuron: 0, row: 0, grad: Infinity })).toMatch(/^Layer 1, neuron 1: ∂C\/∂b = overflow \(/);
  });

  it('starts in the focused column, moves along neurons with ↑/↓ and across layers with ←/→', () => {
    expect(stepBar(null, 'ArrowDown', rows, 2)).toEqual({ layer: 2, row: 0 });
    expect(stepBar(null, 'End', rows, 1)).toEqual({ layer: 1, row: 5 });
    expect(stepBar({ layer: 1, row: 0 }, 'ArrowDown', rows, 1)).toEqual({ layer: 1, row: 1 });
    expect(stepBar({ layer: 1, row: 0 }, 'ArrowUp', rows, 1)).toEqual({ layer: 1, row: 0 });
    expect(stepBar({ layer: 1, row: 5 }, 'ArrowDown', rows, 1)).toEqual({ layer: 1, row: 5 });
    expect(stepBar({ layer: 1, row: 4 }, 'ArrowRight', rows, 1)).toEqual({ layer: 2, row: 4 });
    // A narrower layer: the same row if it has one, else its last.
    expect(stepBar({ layer: 2, row: 4 }, 'ArrowRight', rows, 2)).toEqual({ layer: 3, row: 2 });
    expect(stepBar({ layer: 3, row: 2 }, 'ArrowRight', rows, 3)).toEqual({ layer: 3, row: 2 });
    expect(stepBar({ layer: 1, row: 2 }, 'ArrowLeft', rows, 1)).toEqual({ layer: 1, row: 2 });
    expect(stepBar({ layer: 2, row: 3 }, 'Home', rows, 2)).toEqual({ layer: 2, row: 0 });
    expect(stepBar({ layer: 2, row: 3 }, 'End', rows, 2)).toEqual({ layer: 2, row: 5 });
    expect(stepBar({ layer: 2, row: 3 }, 'Escape', rows, 2)).toBeNull();
    expect(stepBar({ layer: 2, row: 3 }, 'Tab', rows, 2)).toBeUndefined();
    expect(stepBar({ layer: 1, row: 0 }, 'ArrowRight', [6, 0, 4], 1)).toEqual({ layer: 3, row: 0 });
    expect(stepBar(null, 'ArrowDown', [0], 1)).toBeNull();
  });

  it('finds the row under a point of a column', () => {
    const layout = columnLayout(6);
    expect(rowAt(0, layout, 6)).toBe(0);
    expect(rowAt(layout.rowHeight * 4.5, layout, 6)).toBe(4);
    expect(rowAt(layout.height + 10, layout, 6)).toBe(5);
    expect(rowAt(-3, layout, 6)).toBe(0);
    expect(rowAt(10, layout, 0)).toBeNull();
  });
});

describe('network bar readout', () => {
  async function network() {
    const r = renderWithStore(<NetworkPanel />);
    const snap = makeSnapshot(1, [30, 30], { scale: [0.001, 0.01] });
    act(() => r.client.emit(snap));
    await waitFor(() => expect(r.container.querySelectorAll('rect[data-layer]')).toHaveLength(12));
    const columns = [1, 2].map((h) => screen.getByRole('img', { name: `∂C/∂b bars of hidden layer ${h}` }));
    const layout = columnLayout(6);
    for (const c of columns) layOut(c, 200, layout.height);
    const rowY = (row: number) => layout.rowY(row);
    return { ...r, snap, columns, rowY };
  }

  const readout = (container: HTMLElement) => container.querySelector('.bar-readout')?.textContent;

  it('hovering a bar reads it with the neuron counted from 1; data-neuron stays as it was', async () => {
    const { container, columns, rowY, snap } = await network();
    fireEvent.pointerMove(columns[1], { clientX: 100, clientY: rowY(4), pointerType: 'mouse' });
    expect(readout(container)).toBe(`Layer 2, neuron 5: ∂C/∂b = ${formatValue(snap.gradB[34])}`);
    expect(container.querySelectorAll('rect.bar-pick')).toHaveLength(1);
    expect(columns[1].querySelector('rect[data-neuron="4"]')).not.toBeNull();
    expect(container.querySelector('rect[data-layer] title')).toBeNull();
    fireEvent.pointerLeave(columns[1], { pointerType: 'mouse' });
    expect(readout(container)).toMatch(/^Exact ∂C\/∂b: hover or tap a bar/);
  });

  it('a tap on a bar shows its readout, which stays after the finger lifts', async () => {
    const { container, columns, rowY, snap } = await network();
    fireEvent.pointerDown(columns[0], { clientX: 100, clientY: rowY(0), pointerType: 'touch' });
    fireEvent.pointerLeave(columns[0], { pointerType: 'touch' });
    expect(readout(container)).toBe(`Layer 1, neuron 1: ∂C/∂b = ${formatValue(snap.gradB[0])}`);
  });

  it('the bars are one tab stop; arrows move between neurons and layers and each pick is announced', async () => {
    const user = userEvent.setup();
    const { container, columns, snap } = await network();
    expect(columns.map((c) => c.getAttribute('tabindex'))).toEqual(['0', '-1']);
    columns[0].focus();
    await user.keyboard('{ArrowDown}');
    expect(readout(container)).toBe(`Layer 1, neuron 1: ∂C/∂b = ${formatValue(snap.gradB[0])}`);
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(readout(container)).toBe(`Layer 1, neuron 3: ∂C/∂b = ${formatValue(snap.gradB[2])}`);
    await user.keyboard('{ArrowRight}');
    expect(readout(container)).toBe(`Layer 2, neuron 3: ∂C/∂b = ${formatValue(snap.gradB[32])}`);
    expect(document.activeElement).toBe(columns[1]);
    expect(columns.map((c) => c.getAttribute('tabindex'))).toEqual(['-1', '0']);
    await user.keyboard('{End}');
    expect(readout(container)).toBe(`Layer 2, neuron 6: ∂C/∂b = ${formatValue(snap.gradB[35])}`);
    const live = document.getElementById(columns[1].getAttribute('aria-describedby') ?? '');
    await waitFor(() => expect(live?.textContent).toBe(`Layer 2, neuron 6: ∂C/∂b = ${formatValue(snap.gradB[35])}`));
    expect(live?.getAttribute('aria-live')).toBe('polite');
    await user.keyboard('{Escape}');
    expect(container.querySelectorAll('rect.bar-pick')).toHaveLength(0);
  });

  it('follows the stream: a newer snapshot updates the picked value', async () => {
    const { container, columns, rowY, client } = await network();
    fireEvent.pointerDown(columns[0], { clientX: 100, clientY: rowY(1), pointerType: 'touch' });
    const later = makeSnapshot(1, [30, 30], { epoch: 3, scale: [0.5, 0.01] });
    act(() => client.emit(later));
    await waitFor(() => expect(readout(container)).toBe(`Layer 1, neuron 2: ∂C/∂b = ${formatValue(later.gradB[1])}`));
  });
});
