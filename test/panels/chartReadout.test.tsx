// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LearningSpeedPanel } from '../../src/panels/learning-speed/LearningSpeedPanel';
import { AccuracyPanel } from '../../src/panels/accuracy/AccuracyPanel';
import { SPEED_BOX } from '../../src/panels/learning-speed/geometry';
import { formatValue } from '../../src/store/format';
import { layerColour } from '../../src/app/palette';
import { renderWithStore } from './render';
import { makeSnapshot } from '../store/fakeClient';

afterEach(cleanup);

/** jsdom lays nothing out: give an element the on-screen box of its viewBox at 1:1, so clientX is a viewBox x. */
function layOut(el: Element, width: number, height: number) {
  el.getBoundingClientRect = () => ({ left: 0, top: 0, width, height, right: width, bottom: height, x: 0, y: 0, toJSON: () => ({}) });
}

/** The x, in viewBox units, of epoch e on the learning-speed chart whose axis ends at xMax. */
function speedX(e: number, xMax: number) {
  return SPEED_BOX.left + (e / xMax) * (SPEED_BOX.width - SPEED_BOX.left - SPEED_BOX.right);
}

/** A colour as the DOM reports it back from a style: "#1d4ed8" reads as "rgb(29, 78, 216)". */
function cssColour(hex: string) {
  const el = document.createElement('span');
  el.style.color = hex;
  return el.style.color;
}

function readoutBox(container: HTMLElement) {
  return container.querySelector('.readout-box');
}

async function speedChartWithThreeProbes() {
  const r = renderWithStore(<LearningSpeedPanel />);
  const snaps = [0, 1, 2].map((epoch) => makeSnapshot(1, [30, 30], { epoch, scale: [0.0001 * (epoch + 1), 0.01] }));
  act(() => {
    for (const s of snaps) r.client.emit(s);
  });
  const chart = screen.getByRole('img', { name: /^Learning speed/ });
  await waitFor(() => expect(r.container.querySelectorAll('circle.last-point')).toHaveLength(2));
  layOut(chart, SPEED_BOX.width, SPEED_BOX.height);
  return { ...r, chart, snaps };
}

describe('learning-speed readout', () => {
  it('keeps its name and joins the tab order', async () => {
    const { chart } = await speedChartWithThreeProbes();
    expect(chart.getAttribute('aria-label')).toBe('Learning speed ‖δˡ‖ of each hidden layer against epoch, log scale');
    expect(chart.getAttribute('tabindex')).toBe('0');
  });

  it('hovering shows the nearest epoch with every layer, and leaving hides it', async () => {
    const { chart, container, snaps } = await speedChartWithThreeProbes();
    expect(readoutBox(container)).toBeNull();
    fireEvent.pointerMove(chart, { clientX: speedX(1.2, 2), clientY: 100, pointerType: 'mouse' });
    const box = readoutBox(container);
    expect(box?.textContent).toContain('Epoch 1');
    expect(box?.textContent).toContain(`Layer 1${formatValue(snaps[1].layerNorms[0])}`);
    expect(box?.textContent).toContain(`Layer 2${formatValue(snaps[1].layerNorms[1])}`);
    expect(container.querySelectorAll('.readout-dot')).toHaveLength(2);
    const guide = container.querySelector('.readout-guide');
    expect(Number(guide?.getAttribute('x1'))).toBeCloseTo(speedX(1, 2), 6);
    fireEvent.pointerLeave(chart, { pointerType: 'mouse' });
    expect(readoutBox(container)).toBeNull();
  });

  it('a tap shows the readout and it stays when the finger lifts', async () => {
    const { chart, container } = await speedChartWithThreeProbes();
    fireEvent.pointerDown(chart, { clientX: speedX(0.1, 2), clientY: 100, pointerType: 'touch' });
    fireEvent.pointerUp(chart, { pointerType: 'touch' });
    fireEvent.pointerLeave(chart, { pointerType: 'touch' });
    expect(readoutBox(container)?.textContent).toContain('Epoch 0');
  });

  it('arrow keys walk the probes, Home/End jump, Escape hides, and each step is announced', async () => {
    const user = userEvent.setup();
    const { chart, container, snaps } = await speedChartWithThreeProbes();
    await user.tab();
    expect(document.activeElement).toBe(chart);
    const live = document.getElementById(chart.getAttribute('aria-describedby') ?? '');
    expect(live?.getAttribute('aria-live')).toBe('polite');

    await user.keyboard('{ArrowRight}');
    expect(readoutBox(container)?.textContent).toContain('Epoch 2');
    await user.keyboard('{ArrowLeft}');
    expect(readoutBox(container)?.textContent).toContain('Epoch 1');
    expect(live?.textContent).toBe(
      `Epoch 1 — Layer 1: ${formatValue(snaps[1].layerNorms[0])}; Layer 2: ${formatValue(snaps[1].layerNorms[1])}.`,
    );
    await user.keyboard('{Home}');
    expect(readoutBox(container)?.textContent).toContain('Epoch 0');
    await user.keyboard('{ArrowLeft}');
    expect(readoutBox(container)?.textContent).toContain('Epoch 0');
    await user.keyboard('{End}');
    expect(readoutBox(container)?.textContent).toContain('Epoch 2');
    await user.keyboard('{Escape}');
    expect(readoutBox(container)).toBeNull();
    expect(live?.textContent).toBe('');
  });

  it("adds each pinned run's value at that epoch", async () => {
    const user = userEvent.setup();
    const { chart, container, store, client } = await speedChartWithThreeProbes();
    act(() => store.getState().pinRun());
    act(() => store.getState().updateConfig({ seed: 7 }));
    const runId = store.getState().runId;
    act(() => client.emit(makeSnapshot(runId, [30, 30], { epoch: 0, scale: [0.5, 0.5] })));
    await waitFor(() => expect(container.querySelectorAll('path.series.pinned')).toHaveLength(2));
    chart.focus();
    await user.keyboard('{End}');
    const text = readoutBox(container)?.textContent ?? '';
    expect(text).toContain('This run');
    expect(text).toContain('Pin 1');
    // Pinned run 1 was probed at epoch 0 too: both columns hold a value, and both runs get dots.
    const hollow = Array.from(container.querySelectorAll<SVGCircleElement>('.readout-dot.hollow'));
    expect(hollow).toHaveLength(2);
    // Ringed in the layer's colour, or the dot would vanish white on white.
    expect(hollow.map((d) => d.style.stroke)).toEqual([layerColour(1), layerColour(2)].map(cssColour));
    expect(container.querySelectorAll('.readout-dot:not(.hollow)')).toHaveLength(2);
  });
});

describe('accuracy readout', () => {
  it('hover and keys read the validation accuracy at an epoch', async () => {
    const user = userEvent.setup();
    const { client, container } = renderWithStore(<AccuracyPanel />, '?mode=sgd');
    act(() => {
      client.emit({ type: 'epoch-end', runId: 1, epoch: 1, validationAccuracy: 0.9123, cost: 0.3 });
      client.emit({ type: 'epoch-end', runId: 1, epoch: 2, validationAccuracy: 0.9456, cost: 0.2 });
    });
    const chart = screen.getByRole('img', { name: 'Validation accuracy per epoch' });
    await waitFor(() => expect(container.querySelectorAll('circle.dot')).toHaveLength(2));
    expect(chart.getAttribute('tabindex')).toBe('0');
    chart.focus();
    await user.keyboard('{ArrowLeft}');
    expect(readoutBox(container)?.textContent).toBe('Epoch 2This run94.56 %');
    await user.keyboard('{ArrowLeft}');
    expect(readoutBox(container)?.textContent).toBe('Epoch 1This run91.23 %');
    const live = document.getElementById(chart.getAttribute('aria-describedby') ?? '');
    expect(live?.textContent).toBe('Epoch 1 — This run: 91.23 %.');
    await user.keyboard('{Escape}');
    expect(readoutBox(container)).toBeNull();
  });
});
