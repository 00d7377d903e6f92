// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ControlsPanel } from '../../src/panels/controls/ControlsPanel';
import { renderWithStore } from './render';

afterEach(cleanup);

describe('controls', () => {
  it('Start, Pause, Step and Reset send their commands for the current run', async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(<ControlsPanel />);
    await user.click(screen.getByRole('button', { name: 'Start' }));
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    await user.click(screen.getByRole('button', { name: 'Step' }));
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(client.sent.map((m) => [m.type, m.runId])).toEqual([
      ['configure', 1],
      ['start', 1],
      ['pause', 1],
      ['step', 1],
      ['reset', 2],
    ]);
  });

  it('a finished or diverged run disables Start and Step and points to Reset, which enables them again', async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(<ControlsPanel />);
    act(() => client.emit({ type: 'status', runId: 1, status: 'finished', epoch: 500 }));
    const start = screen.getByRole('button', { name: 'Start' });
    expect(start.getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByRole('button', { name: 'Step' }).getAttribute('aria-disabled')).toBe('true');
    // Still focusable, so a keyboard user is not thrown back to the top of the page; pressing it sends nothing.
    start.focus();
    await user.keyboard(' ');
    expect(document.activeElement).toBe(start);
    expect(client.last('start')).toBeUndefined();
    expect(screen.getByRole('button', { name: 'Start' }).getAttribute('aria-describedby')).toBe('run-ended-hint');
    expect(screen.getByText(/All 500 epochs done\. Reset starts again from the seed/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(screen.getByRole('button', { name: 'Start' }).getAttribute('aria-disabled')).toBeNull();
    expect(screen.queryByText(/epochs done/)).toBeNull();

    act(() => client.emit({ type: 'diverged', runId: 2, epoch: 3, batch: 0, reason: 'the cost became infinite.' }));
    expect(screen.getByRole('button', { name: 'Step' }).getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByText(/This run diverged\. Reset starts again from the seed \(lower η first\)/)).toBeTruthy();
  });

  it('puts the Speed slider with the run buttons, above the settings, so it is on screen at 1280×800', () => {
    renderWithStore(<ControlsPanel />);
    const speed = screen.getByRole('slider', { name: 'Speed' });
    const reset = screen.getByRole('button', { name: 'Reset' });
    const exploding = screen.getByRole('switch', { name: 'Exploding gradients' });
    const mode = screen.getByRole('combobox', { name: 'Mode' });
    expect(reset.compareDocumentPosition(speed) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(speed.compareDocumentPosition(exploding) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(speed.compareDocumentPosition(mode) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('applies a valid η on Enter as a new configuration', async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(<ControlsPanel />);
    const eta = screen.getByRole('textbox', { name: 'η (learning rate)' });
    await user.clear(eta);
    await user.type(eta, '0.05{Enter}');
    expect(client.last('configure')).toMatchObject({ runId: 2, config: { eta: 0.05 } });
  });

  it('shows an inline message for a bad value and sends nothing', async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(<ControlsPanel />);
    const lambda = screen.getByRole('textbox', { name: 'λ (L2 regularisation)' });
    await user.clear(lambda);
    await user.type(lambda, 'lots');
    await user.tab();
    expect(screen.getByRole('alert').textContent).toBe('λ (L2 regularisation) must be a number at least 0 and at most 1000, got "lots"');
    expect(lambda.getAttribute('aria-invalid')).toBe('true');
    expect(client.sent).toHaveLength(1);
  });

  it('mode, seed, initialiser and activation rebuild the network', async () => {
    const user = userEvent.setup();
    const { client, store } = renderWithStore(<ControlsPanel />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Mode' }), 'SGD on MNIST');
    expect(client.last('configure')?.config).toMatchObject({ mode: 'sgd', epochs: 30 });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Initialiser' }), 'He');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Activation' }), 'ReLU');
    const seed = screen.getByRole('textbox', { name: 'Seed' });
    await user.clear(seed);
    await user.type(seed, '7{Enter}');
    expect(client.last('configure')?.config).toMatchObject({ init: 'he', activation: 'relu', seed: 7 });
    expect(store.getState().notice).toMatch(/^Network re-initialised with seed 7/);
  });

  it('the speed slider re-paces the running network', async () => {
    const { client } = renderWithStore(<ControlsPanel />);
    const slider = screen.getByRole('slider', { name: 'Speed' });
    const { fireEvent } = await import('@testing-library/react');
    fireEvent.change(slider, { target: { value: '9' } });
    expect(client.last('set-speed')).toEqual({ type: 'set-speed', runId: 1, speed: 9 });
  });

  it('the exploding switch sends the preset and turns it off again', async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(<ControlsPanel />);
    const sw = screen.getByRole('switch', { name: 'Exploding gradients' });
    expect((sw as HTMLInputElement).checked).toBe(false);
    await user.click(sw);
    expect(client.last('set-preset')).toEqual({ type: 'set-preset', runId: 2, exploding: true });
    expect((sw as HTMLInputElement).checked).toBe(true);
    await user.click(sw);
    expect(client.last('set-preset')).toEqual({ type: 'set-preset', runId: 3, exploding: false });
  });
});
