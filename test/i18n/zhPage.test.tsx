// @vitest-environment jsdom
/**
 * The whole page in Chinese, with content in every panel (bars, tables, the saturation panel, the seeds
 * view), a divergence and a URL notice: no English word may be left in the visible text, in `aria-label`
 * or in `title`, except the names and symbols below, which the chapter's Chinese translation also keeps.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../src/app/App';
import { createLabStore } from '../../src/store/store';
import { loadLabFile } from '../../src/panels/export/actions';
import { createFakeClient, makeSnapshot } from '../store/fakeClient';
import { englishWords } from './englishWords';

afterEach(cleanup);

/** The η field's name on the Chinese page. */
const ETA_LABEL_ZH = /^η/;

/** The visible text, aria-labels and titles of `root`, each as one entry. */
function pageWords(root: HTMLElement): string[] {
  const entries: string[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent?.closest('style, script, [hidden]') != null) continue;
    const text = node.textContent?.trim() ?? '';
    if (text !== '') entries.push(text);
  }
  for (const el of root.querySelectorAll('[aria-label], [title], title')) {
    for (const name of ['aria-label', 'title']) {
      const value = el.getAttribute(name);
      if (value) entries.push(value);
    }
  }
  return entries;
}

describe('the page in Chinese', () => {
  it('shows no English words with a snapshot, a divergence, seeds and a URL notice on screen', async () => {
    const client = createFakeClient();
    const store = createLabStore({ client, search: '?lang=zh-CN&eta=abc&colour=red' });
    store.getState().connect();
    const { container } = render(<App store={store} />);
    act(() => client.emit({ type: 'ready', runId: 1, stage: 'all', trainingCount: 50000, validationCount: 10000 }));
    act(() => client.emit(makeSnapshot(1, [30, 30], { epoch: 3 })));
    act(() => client.emit({ type: 'epoch-end', runId: 1, epoch: 3, validationAccuracy: 0.9, cost: 0.4 }));
    act(() =>
      client.emit({
        type: 'seed-norms',
        runId: 1,
        firstSeed: 1,
        norms: Array.from({ length: 20 }, (_, s) => [0.01 * (s + 1), 0.1 * (s + 1)]),
      }),
    );
    act(() =>
      client.emit({
        type: 'diverged',
        runId: 1,
        epoch: 4,
        batch: 0,
        reason: 'the cost became infinite after 4 epochs.',
        cause: { value: { kind: 'cost', became: 'infinite' }, mode: 'learning-speed', eta: 1e6, exploding: false, epoch: 4, batch: 0 },
      }),
    );
    await waitFor(() => expect(container.querySelectorAll('rect[data-layer]').length).toBeGreaterThan(0));
    const left = [...new Set(pageWords(container))].filter((entry) => englishWords(entry).length > 0);
    expect(left).toEqual([]);
    // The content the check ran over is there, in Chinese: the URL notice, the instruments, eq. 124's rows.
    expect(container.textContent).toContain('已忽略 URL 参数“eta”');
    expect(container.textContent).toContain('神经元链');
    expect(container.querySelector('[aria-label="第 2 层的因子范数"]')).not.toBeNull();
    // The notices are kept as phrases: switching the language re-says them.
    act(() => store.getState().setLang('en'));
    expect(container.textContent).toContain('Ignored URL parameter "eta"');
  });

  it('says a data-load error and the refusal of a dropped file in Chinese, and again in English after a switch', async () => {
    const client = createFakeClient();
    const store = createLabStore({ client, search: '?lang=zh-CN' });
    store.getState().connect();
    const { container } = render(<App store={store} />);
    const url = '/mnist/train-images-idx3-ubyte';
    act(() =>
      client.emit({
        type: 'error',
        runId: 1,
        message: `${url}: looks like an HTML page, not an IDX file — was an error page saved in its place?`,
        retryable: true,
        cause: { kind: 'data-file', file: url, problem: { code: 'html' } },
      }),
    );
    const network = JSON.stringify({ sizes: [784, 30, 12], weights: [], biases: [], cost: 'CrossEntropyCost' });
    await act(() => loadLabFile(store, new File([network], 'broken.json', { type: 'application/json' })));
    const banner = container.querySelector('.banner.error');
    expect(banner?.textContent).toContain(`“${url}”：看起来是一个 HTML 网页，而不是 IDX 文件`);
    expect(banner?.textContent).toContain('重试');
    const notice = container.querySelector('.notice');
    expect(notice?.textContent).toBe('未加载“broken.json”：输出层有 12 个神经元；MNIST 有 10 个数字。');
    const left = [...new Set(pageWords(container))].filter((entry) => englishWords(entry).length > 0);
    expect(left).toEqual([]);
    // Both are kept as data: the switch re-says the error already on screen and the notice.
    act(() => store.getState().setLang('en'));
    expect(container.querySelector('.banner.error')?.textContent).toContain(`${url}: looks like an HTML page, not an IDX file`);
    expect(container.querySelector('.notice')?.textContent).toBe(
      '"broken.json" was not loaded: the output layer has 12 neurons; MNIST has 10 digits.',
    );
  });

  it('says why a typed value is refused in Chinese, and in English after a switch', () => {
    const client = createFakeClient();
    const store = createLabStore({ client, search: '?lang=zh-CN' });
    store.getState().connect();
    render(<App store={store} />);
    const field = screen.getByRole('textbox', { name: ETA_LABEL_ZH });
    fireEvent.change(field, { target: { value: 'abc' } });
    fireEvent.blur(field);
    const alert = () => document.getElementById(field.getAttribute('aria-describedby')?.split(' ').pop() ?? '')?.textContent ?? '';
    expect(alert()).toBe('η（学习速率）必须是大于 0 且不大于 1000000 的数，收到的是 “abc”');
    expect(englishWords(alert())).toEqual([]);
    act(() => store.getState().setLang('en'));
    expect(alert()).toBe('η (learning rate) must be a number greater than 0 and at most 1000000, got "abc"');
  });
});
