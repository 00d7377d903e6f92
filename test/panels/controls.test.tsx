// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ControlsPanel } from '../../src/panels/controls/ControlsPanel';
import { renderWithStore } from './render';
import { mirrorConfigInUrl } from '../../src/store/url';
import { noticeText } from '../support/notice';

afterEach(cleanup);

describe('controls', () => {
  it('Start, Pause, Step 1, Step 10 and Reset send their commands for the current run', async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(<ControlsPanel />);
    await user.click(screen.getByRole('button', { name: 'Start' }));
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    await user.click(screen.getByRole('button', { name: 'Step 1' }));
    await user.click(screen.getByRole('button', { name: 'Step 10' }));
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(client.sent.slice(1)).toEqual([
      { type: 'start', runId: 1 },
      { type: 'pause', runId: 1 },
      { type: 'step', runId: 1, count: 1 },
      { type: 'step', runId: 1, count: 10 },
      { type: 'reset', runId: 2 },
    ]);
  });

  it('says what a step is in each mode', () => {
    const { store } = renderWithStore(<ControlsPanel />);
    expect(screen.getByText(/Step 1: one epoch \(→\)\. Step 10: ten epochs \(Shift\+→\)\./)).toBeTruthy();
    act(() => store.getState().updateConfig({ mode: 'sgd' }));
    // At the lesson pace the worker probes every 1000 / 4 / 10 = 25 mini-batches of 10.
    expect(screen.getByText(/Step 1: one probe interval of 25 mini-batches \(→\)\. Step 10: ten probe intervals/)).toBeTruthy();
  });

  it('a finished or diverged run disables Start and Step and points to Reset, which enables them again', async () => {
    const user = userEvent.setup();
    const { client } = renderWithStore(<ControlsPanel />);
    act(() => client.emit({ type: 'status', runId: 1, status: 'finished', epoch: 500 }));
    const start = screen.getByRole('button', { name: 'Start' });
    expect(start.getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByRole('button', { name: 'Step 1' }).getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByRole('button', { name: 'Step 10' }).getAttribute('aria-disabled')).toBe('true');
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
    expect(screen.getByRole('button', { name: 'Step 10' }).getAttribute('aria-disabled')).toBe('true');
    expect(screen.getByText(/This run diverged\. Reset starts again from the seed \(lower η first\)/)).toBeTruthy();
  });

  it('puts the Pace menu with the run buttons, above the settings, so it is on screen at 1280×800', () => {
    renderWithStore(<ControlsPanel />);
    const speed = screen.getByRole('combobox', { name: 'Pace' });
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
    expect(noticeText(store.getState().notice)).toMatch(/^Network re-initialised with seed 7/);
  });

  it('offers the named paces in the units of the mode, starting at the lesson pace, and re-paces the running network', async () => {
    const user = userEvent.setup();
    const { client, store } = renderWithStore(<ControlsPanel />);
    const pace = screen.getByRole('combobox', { name: 'Pace' }) as HTMLSelectElement;
    const options = () => Array.from(pace.options).map((o) => o.textContent);
    expect(pace.value).toBe('lesson');
    expect(options()).toEqual(['Lesson: 4 epochs/s', 'Brisk: 15 epochs/s', 'Fast: 60 epochs/s', 'Full speed: as fast as it can']);
    expect(screen.getByText('One epoch is one frame of the bars; the first 50 epochs take about 13 s.')).toBeTruthy();
    await user.selectOptions(pace, 'Fast: 60 epochs/s');
    expect(client.last('set-speed')).toEqual({ type: 'set-speed', runId: 1, speed: 7 });
    expect(screen.getByText('One epoch is one frame of the bars; the first 50 epochs take about 1 s.')).toBeTruthy();
    act(() => store.getState().updateConfig({ mode: 'sgd' }));
    expect(options()).toEqual([
      'Lesson: 1,000 images/s',
      'Brisk: 3,500 images/s',
      'Fast: 12,000 images/s',
      'Full speed: as fast as it can',
    ]);
    expect(screen.getByText('One SGD epoch of 50,000 images takes about 4 s.')).toBeTruthy();
  });

  it('plans a pause at an epoch: empty is off, a number outside the budget is refused in place', async () => {
    const user = userEvent.setup();
    const { client, store } = renderWithStore(<ControlsPanel />);
    const field = screen.getByRole('textbox', { name: 'Pause at epoch' }) as HTMLInputElement;
    expect(field.value).toBe('');
    await user.type(field, '20{Enter}');
    expect(client.last('set-pause-at')).toEqual({ type: 'set-pause-at', runId: 1, pauseAt: 20 });
    expect(store.getState().config.pauseAt).toBe(20);
    expect(client.last('configure')?.runId).toBe(1); // the network is not rebuilt
    await user.clear(field);
    await user.type(field, '501{Enter}');
    expect(screen.getByRole('alert').textContent).toBe('Pause at epoch must be a whole number from 1 to the epoch budget, 500, got 501');
    expect(store.getState().config.pauseAt).toBe(20);
    await user.clear(field);
    await user.type(field, '{Enter}');
    expect(client.last('set-pause-at')).toEqual({ type: 'set-pause-at', runId: 1, pauseAt: null });
    expect(screen.queryByRole('alert')).toBeNull();
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

  it('the residual switch rebuilds the network with skips, says so, and writes residual=1 into the address', async () => {
    const user = userEvent.setup();
    const { client, store } = renderWithStore(<ControlsPanel />, '?layers=784,30,30,30,10');
    const urls: string[] = [];
    mirrorConfigInUrl(store, { replaceState: (_d, _t, url) => urls.push(String(url)) }, { pathname: '/', hash: '' });
    const box = screen.getByRole('checkbox', { name: 'Residual connections' }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(screen.getByText(/hidden layers after the first of equal width/)).toBeTruthy();
    await user.click(box);
    expect(box.checked).toBe(true);
    expect(store.getState().config.residual).toBe(true);
    expect(client.last('configure')).toMatchObject({ runId: 2, config: { residual: true } });
    expect(noticeText(store.getState().notice)).toBe('Network re-initialised with seed 1 (residual).');
    expect(urls.at(-1)).toMatch(/[?&]residual=1&/);
    await user.click(box);
    expect(store.getState().config.residual).toBe(false);
    expect(urls.at(-1)).not.toContain('residual=');
  });

  it('the layer-normalisation switch rebuilds the network normalised and writes norm=layer into the address', async () => {
    const user = userEvent.setup();
    const { client, store } = renderWithStore(<ControlsPanel />);
    const urls: string[] = [];
    mirrorConfigInUrl(store, { replaceState: (_d, _t, url) => urls.push(String(url)) }, { pathname: '/', hash: '' });
    const box = screen.getByRole('checkbox', { name: 'Layer normalisation' }) as HTMLInputElement;
    await user.click(box);
    expect(store.getState().config.normalisation).toBe('layer');
    expect(client.last('configure')).toMatchObject({ runId: 2, config: { normalisation: 'layer' } });
    expect(noticeText(store.getState().notice)).toContain('layer norm');
    expect(urls.at(-1)).toMatch(/[?&]norm=layer&/);
    await user.click(box);
    expect(store.getState().config.normalisation).toBe('none');
    expect(urls.at(-1)).not.toContain('norm=');
  });

  it('both switches start checked when the address asks for the cures', () => {
    renderWithStore(<ControlsPanel />, '?residual=1&norm=layer');
    expect((screen.getByRole('checkbox', { name: 'Residual connections' }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole('checkbox', { name: 'Layer normalisation' }) as HTMLInputElement).checked).toBe(true);
  });
});
