// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/app/App';
import { createLabStore } from '../../src/store/store';
import { createFakeClient, makeSnapshot } from '../store/fakeClient';

afterEach(cleanup);

function renderApp(search = '') {
  const client = createFakeClient();
  const store = createLabStore({ client, search });
  store.getState().connect();
  const result = render(<App store={store} />);
  return { ...result, client, store };
}

describe('keyboard shortcuts and presentation mode', () => {
  it('P and the button toggle presentation mode; Escape leaves it', async () => {
    const user = userEvent.setup();
    const { store, container } = renderApp();
    await user.keyboard('p');
    expect(store.getState().presenting).toBe(true);
    expect(container.querySelector('.app')?.classList.contains('presenting')).toBe(true);
    await user.keyboard('{Escape}');
    expect(store.getState().presenting).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Presentation mode' }));
    expect(store.getState().presenting).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Exit presentation' }));
    expect(store.getState().presenting).toBe(false);
  });

  it('typing in the η field changes η and fires no shortcut', async () => {
    const user = userEvent.setup();
    const { store, client } = renderApp();
    const sentBefore = client.sent.length;
    const eta = screen.getByRole('textbox', { name: 'η (learning rate)' });
    await user.clear(eta);
    await user.type(eta, 'pear ');
    expect((eta as HTMLInputElement).value).toBe('pear ');
    expect(store.getState().presenting).toBe(false);
    expect(store.getState().config.exploding).toBe(false);
    expect(store.getState().config.layers).toEqual([784, 30, 30, 10]);
    expect(client.sent.length).toBe(sentBefore);
  });

  it('Space starts and pauses, → steps, R resets, A adds a layer, E toggles the exploding preset', async () => {
    const user = userEvent.setup();
    const { store, client } = renderApp();
    act(() => client.emit(makeSnapshot(1, [30, 30])));
    await user.keyboard(' ');
    expect(client.last('start')).toBeDefined();
    expect(store.getState().status).toBe('running');
    await user.keyboard(' ');
    expect(client.last('pause')).toBeDefined();
    await user.keyboard('{ArrowRight}');
    expect(client.last('step')).toBeDefined();
    await user.keyboard('a');
    expect(store.getState().config.layers).toEqual([784, 30, 30, 30, 10]);
    await user.keyboard('e');
    expect(client.last('set-preset')).toMatchObject({ exploding: true });
    const runId = store.getState().runId;
    await user.keyboard('r');
    expect(client.last('reset')).toEqual({ type: 'reset', runId: runId + 1 });
  });

  it('? opens the shortcut list as a dialog; closing it returns the focus to where it was', async () => {
    const user = userEvent.setup();
    renderApp();
    const helpButton = screen.getByRole('button', { name: 'Keyboard shortcuts' });
    await user.click(helpButton);
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog.textContent).toContain('Presentation mode on or off');
    expect(dialog.textContent).toContain('Start or pause training');
    await user.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(helpButton);
    await user.keyboard('?');
    expect(await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy();
  });

  it('a figure button sets up the figure it names', async () => {
    const user = userEvent.setup();
    const { store } = renderApp('?layers=784,50,10&activation=tanh');
    await user.click(screen.getByRole('button', { name: 'Fig. 6' }));
    expect(store.getState().config).toMatchObject({ layers: [784, 30, 30, 30, 10], activation: 'sigmoid', mode: 'learning-speed' });
  });
});

describe('steps and the pace from the toolbar', () => {
  it('→ steps one, Shift+→ steps ten, both for the current run', async () => {
    const user = userEvent.setup();
    const { client } = renderApp();
    await user.keyboard('{ArrowRight}');
    await user.keyboard('{Shift>}{ArrowRight}{/Shift}');
    expect(client.sent.filter((m) => m.type === 'step')).toEqual([
      { type: 'step', runId: 1, count: 1 },
      { type: 'step', runId: 1, count: 10 },
    ]);
  });

  it('presentation mode offers the named paces in one short menu, with the rate in its tooltip', async () => {
    const user = userEvent.setup();
    const { client } = renderApp('?present=1');
    const menus = screen.getAllByRole('combobox', { name: 'Pace' }) as HTMLSelectElement[];
    const compact = menus.find((m) => m.closest('.toolbar') !== null)!;
    expect(Array.from(compact.options).map((o) => o.textContent)).toEqual(['Lesson', 'Brisk', 'Fast', 'Full speed']);
    expect(compact.title).toBe('Lesson: 4 epochs/s');
    await user.selectOptions(compact, 'Full speed');
    expect(client.sent.filter((m) => m.type === 'set-speed').pop()).toEqual({ type: 'set-speed', runId: 1, speed: 10 });
    expect(compact.title).toBe('Full speed: as fast as it can');
  });
});
