// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/app/App';
import { createLabStore } from '../../src/store/store';
import { createFakeClient, makeSnapshot } from '../store/fakeClient';

afterEach(cleanup);

describe('the language switch', () => {
  it('flips the page between English and Chinese without touching the run', async () => {
    const user = userEvent.setup();
    const client = createFakeClient();
    const store = createLabStore({ client, search: '' });
    store.getState().connect();
    render(<App store={store} />);
    act(() => client.emit(makeSnapshot(1, [30, 30])));
    store.getState().start();
    const sentBefore = client.sent.length;

    const chinese = screen.getByRole('button', { name: '中文' });
    expect(chinese.getAttribute('aria-pressed')).toBe('false');
    await user.click(chinese);
    expect(store.getState().lang).toBe('zh-CN');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('梯度实验室——为什么深度神经网络很难训练（Nielsen，第 5 章）');
    expect(screen.getByRole('group', { name: '语言' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '中文' }).getAttribute('aria-pressed')).toBe('true');
    // Nothing went to the worker: the run goes on as it was.
    expect(client.sent.length).toBe(sentBefore);
    expect(store.getState().status).toBe('running');

    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Gradient Lab — why deep networks are hard to train (Nielsen, ch. 5)',
    );
  });

  it('says a notice the store kept in the language on screen', async () => {
    const client = createFakeClient();
    const store = createLabStore({ client, search: '?lang=zh-CN' });
    store.getState().connect();
    render(<App store={store} />);
    act(() => store.getState().reset());
    expect(screen.getByText('网络已用种子 1 重新初始化。')).toBeTruthy();
    act(() => store.getState().setLang('en'));
    expect(screen.getByText('Network re-initialised with seed 1.')).toBeTruthy();
  });
});
