// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ControlsPanel } from '../../src/panels/controls/ControlsPanel';
import { SaturationNotice } from '../../src/panels/network/SaturationNotice';
import { makeSnapshot } from '../store/fakeClient';
import { renderWithStore } from './render';

afterEach(cleanup);

function saturated(runId: number, epoch: number) {
  return { ...makeSnapshot(runId, [30, 30, 30, 30], { epoch }), saturatedShare: Float64Array.from([1, 1, 1, 1]) };
}

describe('saturation notice', () => {
  it('keeps the preset’s picture before Start, explains the saturation after it, and its button clips and starts again', async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(<SaturationNotice />, '?layers=784,30,30,30,30,10&exploding=1');
    const region = screen.getByRole('status');
    act(() => client.emit(saturated(1, 0)));
    expect(region.textContent).toBe('');
    act(() => client.emit(saturated(1, 1)));
    await waitFor(() => expect(region.textContent).toContain('every neuron in hidden layers 1-4 is now saturated'));
    // A healthy probe later in the same run does not take the explanation away.
    act(() => client.emit(makeSnapshot(1, [30, 30, 30, 30], { epoch: 2 })));
    await new Promise((r) => setTimeout(r, 50));
    expect(region.textContent).toContain('unstable gradient problem');
    await user.click(screen.getByRole('button', { name: 'Clip gradient norm' }));
    const configure = client.last('configure');
    expect(configure?.config.clipNorm).toBe(0.1);
    expect(configure?.config.exploding).toBe(true);
    // The new run starts with a clean slate.
    await waitFor(() => expect(region.textContent).toBe(''));
  });
});

describe('clip control', () => {
  it('is off by default; the checkbox turns clipping on at 0.1 and the field sets another threshold', async () => {
    const user = userEvent.setup();
    const { client, store } = renderWithStore(<ControlsPanel />);
    const box = screen.getByRole('checkbox', { name: 'Clip gradient norm' });
    expect((box as HTMLInputElement).checked).toBe(false);
    expect(store.getState().config.clipNorm ?? 0).toBe(0);
    await user.click(box);
    expect(store.getState().config.clipNorm).toBe(0.1);
    expect(client.last('configure')?.config.clipNorm).toBe(0.1);
    const field = screen.getByRole('textbox', { name: 'Clip gradient norm at' });
    await user.clear(field);
    await user.type(field, '1{Enter}');
    expect(store.getState().config.clipNorm).toBe(1);
    await user.click(box);
    expect(store.getState().config.clipNorm).toBe(0);
    // Back on: the last threshold chosen, not the default.
    await user.click(box);
    expect(store.getState().config.clipNorm).toBe(1);
    await user.clear(field);
    await user.type(field, '-1{Enter}');
    expect(screen.getByRole('alert').textContent).toBe(
      'Gradient-norm clipping threshold must be a number at least 0 and at most 1000000, got -1',
    );
  });
});
